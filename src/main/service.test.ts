import { mkdtempSync, writeFileSync } from 'node:fs'
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

  it('reports a cancelled dialog as cancelled and changes nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-svc-'))
    const service = await createMainService({ notebookDir: root, fontsDir: FONTS, dialogs: dialogs({}), emit: () => undefined })
    expect(await service.chooseNotebook({ mode: 'open' })).toEqual({ canceled: true })
    expect(await service.chooseAndImportFiles()).toEqual({ canceled: true })
    expect(await service.exportBriefing({})).toEqual({ canceled: true })
  })

  it('starts with an unreadable notebook, reports why on every call, and can open another', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-svc-'))
    const broken = join(root, 'broken')
    const service0 = await createMainService({ notebookDir: broken, fontsDir: FONTS, dialogs: dialogs({}), emit: () => undefined })
    expect(service0.session().info().name).toBe('broken')
    writeFileSync(join(broken, 'notebook.json'), '{"schemaVersion": 1, "art')
    const service = await createMainService({ notebookDir: broken, fontsDir: FONTS, dialogs: dialogs({ folder: join(root, 'ok') }), emit: () => undefined })
    await expect(service.listArticles()).rejects.toMatchObject({ code: 'notebook-unreadable' })
    await service.chooseNotebook({ mode: 'open' })
    expect(await service.listArticles()).toEqual([])
  })

  it('suggests a safe file name for the briefing', () => {
    expect(suggestedBriefingName('Syria: bases / convoys?')).toBe('Syria bases convoys.pdf')
    expect(suggestedBriefingName(undefined)).toBe('Briefing.pdf')
  })
})
