/**
 * The service's job handling: one import at a time with progress events and cancel,
 * exports named by id for open/reveal (the renderer never handles paths), and paste
 * from the system clipboard.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DossierEvent, ExportedBriefing, ImportReport } from '../core/api'
import type { TagId } from '../core/ids'
import type { DesktopShell, Dialogs } from './dialogs'
import { createMainService, suggestedBriefingName } from './service'

const FONTS = join(import.meta.dirname, '..', '..', 'resources', 'fonts')
const b64 = (text: string) => Buffer.from(text).toString('base64')
const ARTICLE = 'Convoy leaves Tartus\n\nThirty trucks left the Tartus naval base at dawn, heading for the Khmeimim air base, residents said.'

function setup(answers: { exportPath?: string } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'dossier-jobs-'))
  const events: DossierEvent[] = []
  const shellCalls: string[] = []
  const dialogs: Dialogs = {
    chooseFilesToImport: async () => null,
    chooseNotebookFolder: async () => null,
    chooseExportPath: async (name, format) => (answers.exportPath ? join(root, answers.exportPath) : (shellCalls.push(`dialog ${name} ${format}`), null)),
    chooseAnnotationFile: async () => null,
    chooseGazetteerFile: async () => null,
    confirm: async () => false,
  }
  const shell: DesktopShell = {
    openPath: async (p) => void shellCalls.push(`open ${p}`),
    showInFolder: (p) => void shellCalls.push(`show ${p}`),
  }
  return { root, events, shellCalls, dialogs, shell }
}

describe('service jobs', () => {
  it('emits import progress events and refuses a second import while one runs', async () => {
    const { root, events, dialogs } = setup()
    const service = await createMainService({ notebookDir: join(root, 'nb'), fontsDir: FONTS, dialogs, emit: (e) => events.push(e) })
    const files = [1, 2, 3].map((n) => ({ name: `a${n}.txt`, dataBase64: b64(ARTICLE.replace('Thirty', String(n * 10))) }))
    const first = service.importDroppedFiles({ files })
    await expect(service.importDroppedFiles({ files: files.slice(0, 1) })).rejects.toMatchObject({ code: 'busy' })
    const report = (await first) as ImportReport
    expect(report.imported).toBe(3)
    const progress = events.flatMap((e) => (e.type === 'progress' ? [e.progress] : []))
    expect(progress.map((p) => `${p.done}/${p.total} ${p.label}`)).toEqual(['0/3 a1.txt', '1/3 a2.txt', '2/3 a3.txt', '3/3 Saving'])
    // The job is over: another import runs.
    expect((await service.importDroppedFiles({ files: [{ name: 'b.txt', dataBase64: b64(ARTICLE.replace('dawn', 'noon')) }] })).imported).toBe(1)
    await service.shutdown()
  })

  it('cancels a running import, the file in hand included; cancelling when idle says so', async () => {
    const { root, dialogs } = setup()
    const cancelOnSecondFile = { cancel: () => Promise.resolve({ canceled: false }) }
    const emit = (e: DossierEvent) => {
      if (e.type === 'progress' && e.progress.label === 'a2.txt') void cancelOnSecondFile.cancel()
    }
    const service = await createMainService({ notebookDir: join(root, 'nb'), fontsDir: FONTS, dialogs, emit })
    cancelOnSecondFile.cancel = () => service.cancelImport()
    expect(await service.cancelImport()).toEqual({ canceled: false })
    const files = [1, 2, 3, 4].map((n) => ({ name: `a${n}.txt`, dataBase64: b64(ARTICLE.replace('Thirty', String(n * 10))) }))
    const report = await service.importDroppedFiles({ files })
    expect(report.items.map((i) => i.status)).toEqual(['imported', 'failed', 'failed', 'failed'])
    expect(report.items[1]?.error?.message).toBe('Not imported: the import was cancelled while a2.txt was being read.')
    expect(report.items[3]?.error?.message).toMatch(/cancelled/)
    expect(await service.listArticles()).toHaveLength(1)
    await service.shutdown()
  })

  it('names each export by id, and opens or reveals it by that id only', async () => {
    const { root, dialogs, shell, shellCalls } = setup({ exportPath: 'out.pdf' })
    const service = await createMainService({ notebookDir: join(root, 'nb'), fontsDir: FONTS, dialogs, shell, emit: () => undefined })
    await service.importDroppedFiles({ files: [{ name: 'a.txt', dataBase64: b64(ARTICLE) }] })
    const [article] = await service.listArticles()
    const view = await service.getArticle({ articleId: article!.id })
    const start = view.text.indexOf('Thirty trucks')
    await service.createHighlight({ articleId: article!.id, start, end: start + 13, tagIds: ['t-convoys' as TagId], comment: 'dawn' })
    const exported = (await service.exportBriefing({ format: 'pdf' })) as ExportedBriefing
    expect(exported).toMatchObject({ exportId: expect.stringMatching(/^x-/), format: 'pdf', passageCount: 1, path: join(root, 'out.pdf') })
    await service.revealExport({ exportId: exported.exportId, action: 'open' })
    await service.revealExport({ exportId: exported.exportId, action: 'show' })
    expect(shellCalls).toEqual([`open ${join(root, 'out.pdf')}`, `show ${join(root, 'out.pdf')}`])
    await expect(service.revealExport({ exportId: 'x-zz', action: 'open' })).rejects.toMatchObject({ code: 'not-found' })
    await service.shutdown()
  })

  it('suggests a file name for each format from the title, without reserved characters', () => {
    expect(suggestedBriefingName('Bases: week 3/4?', 'pdf')).toBe('Bases week 3 4.pdf')
    expect(suggestedBriefingName(undefined, 'w3c')).toBe('Briefing.jsonld')
    expect(suggestedBriefingName('Convoys', 'csv')).toBe('Convoys.csv')
    expect(suggestedBriefingName('Convoys', 'md')).toBe('Convoys.md')
  })

  it('pastes from the system clipboard when the page sends no content, and says when it cannot', async () => {
    const { root, dialogs } = setup()
    const withClipboard = await createMainService({
      notebookDir: join(root, 'nb'),
      fontsDir: FONTS,
      dialogs,
      emit: () => undefined,
      readClipboard: async () => ({ text: ARTICLE }),
    })
    expect((await withClipboard.importClipboard({})).imported).toBe(1)
    await expect(withClipboard.importClipboard({ text: '   ' })).rejects.toMatchObject({ code: 'empty-file' })
    await withClipboard.shutdown()
    const without = await createMainService({ notebookDir: join(root, 'nb2'), fontsDir: FONTS, dialogs, emit: () => undefined })
    await expect(without.importClipboard({})).rejects.toMatchObject({ code: 'unsupported' })
    await without.shutdown()
  })
})
