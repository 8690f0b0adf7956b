import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { DossierEvent } from '../core/api'
import type { Dialogs } from './dialogs'
import { createMainService, suggestedBriefingName } from './service'

const FONTS = join(import.meta.dirname, '..', '..', 'resources', 'fonts')

function dialogs(answers: Partial<{ files: string[] | null; folder: string | null; exportPath: string | null }>): Dialogs {
  return {
    chooseFilesToImport: async () => answers.files ?? null,
    chooseNotebookFolder: async () => answers.folder ?? null,
    chooseExportPath: async () => answers.exportPath ?? null,
    chooseAnnotationFile: async () => null,
    chooseGazetteerFile: async () => null,
    confirm: async () => false,
  }
}

describe('main service', () => {
  it('switches notebooks through the folder dialog, tells the renderer and remembers it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-svc-'))
    const events: DossierEvent[] = []
    const rememberNotebook = vi.fn(async () => undefined)
    const service = await createMainService({
      notebookDir: join(root, 'first'),
      fontsDir: FONTS,
      dialogs: dialogs({ folder: join(root, 'second') }),
      emit: (e) => events.push(e),
      rememberNotebook,
    })
    expect((await service.getNotebook()).name).toBe('first')
    const opened = await service.chooseNotebook({ mode: 'new' })
    expect(opened).toMatchObject({ name: 'second', articleCount: 0 })
    expect(events).toEqual([{ type: 'notebook-changed', notebook: expect.objectContaining({ name: 'second' }) }])
    expect(rememberNotebook).toHaveBeenCalledWith(join(root, 'second'))
  })

  it('loads the import pipeline ahead of the first import when asked; a failure to is logged and changes nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-svc-'))
    const load = vi.fn(() => Promise.resolve())
    const service = await createMainService({ notebookDir: root, fontsDir: FONTS, dialogs: dialogs({}), emit: () => undefined, loadImportPipeline: load })
    expect(load).not.toHaveBeenCalled()
    expect(await service.preloadImport()).toBe(true)
    expect(load).toHaveBeenCalledTimes(1)

    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const broken = await createMainService({
      notebookDir: join(root, 'other'),
      fontsDir: FONTS,
      dialogs: dialogs({}),
      emit: () => undefined,
      loadImportPipeline: () => Promise.reject(new Error('Cannot find module linkedom')),
    })
    expect(await broken.preloadImport()).toBe(false)
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('import pipeline'), expect.any(Error))
    errors.mockRestore()
    // The first import loads the pipeline itself, as without the preload.
    const report = await broken.importDroppedFiles({ files: [{ name: 'a.txt', dataBase64: Buffer.from('Ships left Tartus at dawn.').toString('base64') }] })
    expect(report).toMatchObject({ items: [{ status: 'imported' }] })
  })

  it('the default preload loads the real import pipeline', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-svc-'))
    const service = await createMainService({ notebookDir: root, fontsDir: FONTS, dialogs: dialogs({}), emit: () => undefined })
    expect(await service.preloadImport()).toBe(true)
  })

  it('reports a cancelled dialog as cancelled and changes nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-svc-'))
    const service = await createMainService({ notebookDir: root, fontsDir: FONTS, dialogs: dialogs({}), emit: () => undefined })
    expect(await service.chooseNotebook({ mode: 'open' })).toEqual({ canceled: true })
    expect(await service.chooseAndImportFiles()).toEqual({ canceled: true })
    expect(await service.exportBriefing({})).toEqual({ canceled: true })
  })

  it('starts with a notebook from a newer Dossier, reports why on every call, and can open another', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-svc-'))
    const newer = join(root, 'newer')
    mkdirSync(newer)
    writeFileSync(join(newer, 'notebook.json'), JSON.stringify({ schemaVersion: 99, createdAt: '2030-01-01T00:00:00Z', tags: [] }))
    const service = await createMainService({ notebookDir: newer, fontsDir: FONTS, dialogs: dialogs({ folder: join(root, 'ok') }), emit: () => undefined })
    await expect(service.listArticles()).rejects.toMatchObject({ code: 'notebook-newer' })
    await service.chooseNotebook({ mode: 'open' })
    expect(await service.listArticles()).toEqual([])
    await service.shutdown()
  })

  it('tells the user what it recovered on open', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-svc-'))
    const dir = join(root, 'nb')
    const first = await createMainService({ notebookDir: dir, fontsDir: FONTS, dialogs: dialogs({}), emit: () => undefined })
    await first.shutdown() // leaves a backup made on quit
    writeFileSync(join(dir, 'catalog.json'), '')
    const reportOpen = vi.fn()
    const service = await createMainService({ notebookDir: dir, fontsDir: FONTS, dialogs: dialogs({}), emit: () => undefined, reportOpen })
    expect(reportOpen).toHaveBeenCalledWith(dir, [expect.stringMatching(/^catalog\.json was damaged \(is empty\)\. The damaged file was kept as catalog\.json\.corrupt-.*restored from backup .*-quit/)])
    expect(await service.listArticles()).toEqual([])
    await service.shutdown()
  })

  it('backs up on shutdown and can restore a backup, telling the renderer', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-svc-'))
    const events: DossierEvent[] = []
    const service = await createMainService({ notebookDir: join(root, 'nb'), fontsDir: FONTS, dialogs: dialogs({}), emit: (e) => events.push(e) })
    const backup = await service.backupNow()
    await service.importDroppedFiles({ files: [{ name: 'a.txt', dataBase64: Buffer.from('An article about the Tartus naval base.').toString('base64') }] })
    expect(await service.listArticles()).toHaveLength(1)
    const { safetyBackup } = await service.restoreBackup(backup.id)
    expect(await service.listArticles()).toEqual([])
    expect(safetyBackup.reason).toBe('before-restore')
    expect(events.at(-1)).toMatchObject({ type: 'notebook-changed' })
    await service.shutdown()
    await expect(service.listBackups()).rejects.toMatchObject({ code: 'not-found' })
    const reasons = readdirSync(join(root, 'nb', 'backups')).filter((n) => n !== 'objects').map((id) => id.replace(/^.*Z-/, ''))
    expect(reasons.sort()).toEqual(['before-restore', 'manual', 'quit'])
  })

  it('suggests a safe file name for the briefing', () => {
    expect(suggestedBriefingName('Syria: bases / convoys?')).toBe('Syria bases convoys.pdf')
    expect(suggestedBriefingName(undefined)).toBe('Briefing.pdf')
  })
})
