// @vitest-environment jsdom
/**
 * Import progress as the user sees it: a progress bar named "Import progress" that follows
 * main's progress events while an import runs, the file in hand, and "Cancel import",
 * which asks main to stop; the status then lists each file's outcome.
 */
import { act, useEffect } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { DossierEvent, ImportReport } from '../../../core/api'
import type { ArticleId } from '../../../core/ids'
import type { Result } from '../../../core/result'
import { api } from '../api'
import { useImport, type ImportBatch, type Importer } from '../hooks/useImport'
import type { StatusControls } from '../hooks/useStatus'
import { UndoStack } from '../undo/undo-stack'
import { ImportProgress } from './ImportProgress'
import { setupDomRoot } from '../test-dom'

let emit: (event: DossierEvent) => void = () => {}
vi.mock('../api', () => ({
  api: { importClipboard: vi.fn(), cancelImport: vi.fn(), deleteArticle: vi.fn(), restoreArticle: vi.fn() },
  isCanceled: () => false,
  onDossierEvent: (listener: (event: DossierEvent) => void) => {
    emit = listener
    return () => {}
  },
}))
const fake = vi.mocked(api)

const dom = setupDomRoot()
beforeEach(() => {
  vi.clearAllMocks()
})

let undo: UndoStack
beforeEach(() => {
  undo = new UndoStack()
})

function Harness({ status, expose, onLog }: { status: StatusControls; expose(importer: Importer): void; onLog?: (batch: ImportBatch) => void }) {
  const importer = useImport(status, async () => {}, undo, onLog)
  useEffect(() => {
    expose(importer)
  })
  return importer.progress ? <ImportProgress progress={importer.progress} onCancel={() => void importer.cancel()} /> : null
}

describe('ImportProgress with useImport', () => {
  it('follows progress events while an import runs, cancels through main, and reports each file', async () => {
    let finish: (r: Result<ImportReport>) => void = () => {}
    fake.importClipboard.mockReturnValue(new Promise((resolve) => (finish = resolve)))
    fake.cancelImport.mockResolvedValue({ ok: true, value: { canceled: true } })
    const status: StatusControls = { announce: vi.fn(), announceError: vi.fn(), clear: vi.fn(), retract: vi.fn(), settle: vi.fn() }
    let importer: Importer | null = null
    const onLog = vi.fn()
    act(() => dom.root.render(<Harness status={status} expose={(i) => (importer = i)} onLog={onLog} />))

    // Progress of no running import is ignored.
    act(() => emit({ type: 'progress', progress: { job: 'import', done: 1, total: 3, label: 'stray.txt' } }))
    expect(dom.container.querySelector('[role="progressbar"]')).toBeNull()

    let running: Promise<ImportReport | null> = Promise.resolve(null)
    act(() => {
      running = importer!.importClipboard({ text: 'Convoy turned back' })
    })
    act(() => emit({ type: 'progress', progress: { job: 'import', done: 1, total: 3, label: 'b.txt' } }))
    const bar = dom.container.querySelector('[role="progressbar"]')!
    expect(bar.getAttribute('aria-label')).toBe('Import progress')
    expect(bar.getAttribute('aria-valuenow')).toBe('1')
    expect(bar.getAttribute('aria-valuemax')).toBe('3')
    expect(dom.container.textContent).toContain('b.txt')
    // Export progress is not import progress.
    act(() => emit({ type: 'progress', progress: { job: 'export', done: 9, total: 9, label: 'Laying out pages' } }))
    expect(bar.getAttribute('aria-valuenow')).toBe('1')

    const cancel = [...dom.container.querySelectorAll('button')].find((b) => b.textContent === 'Cancel import')!
    await act(async () => cancel.click())
    expect(fake.cancelImport).toHaveBeenCalledTimes(1)

    await act(async () => {
      finish({
        ok: true,
        value: {
          imported: 1,
          duplicates: 0,
          failed: 1,
          skipped: 0,
          items: [
            { source: 'Pasted.txt', status: 'imported', title: 'Convoy turned back' },
            { source: 'c.txt', status: 'failed', error: { code: 'canceled', message: 'Not imported: the import was cancelled before this file.' } },
          ],
        },
      })
      await running
    })
    expect(dom.container.querySelector('[role="progressbar"]')).toBeNull()
    expect(status.announce).toHaveBeenLastCalledWith('success', 'Imported 1 article, 1 cancelled', [], [])
    expect(onLog).toHaveBeenCalledWith({
      summary: 'Imported 1 article, 1 cancelled',
      rows: [expect.objectContaining({ file: 'Pasted.txt', outcome: 'imported' }), expect.objectContaining({ file: 'c.txt', outcome: 'cancelled' })],
    })
  })

  it('does not call main for an empty paste', async () => {
    const status: StatusControls = { announce: vi.fn(), announceError: vi.fn(), clear: vi.fn(), retract: vi.fn(), settle: vi.fn() }
    let importer: Importer | null = null
    act(() => dom.root.render(<Harness status={status} expose={(i) => (importer = i)} />))
    await act(async () => void (await importer!.importClipboard('  \n')))
    expect(fake.importClipboard).not.toHaveBeenCalled()
    expect(status.announce).toHaveBeenCalledWith('info', expect.stringContaining('no text to import'))
  })

  it('an import that added articles is undone by moving them to the trash, and redone by restoring them', async () => {
    fake.importClipboard.mockResolvedValue({
      ok: true,
      value: { imported: 1, duplicates: 1, failed: 0, skipped: 0, items: [
        { source: 'Pasted.txt', status: 'imported', articleId: 'a-0000000001' as ArticleId, title: 'Convoy turned back' },
        { source: 'again.txt', status: 'duplicate', duplicateOf: 'a-0000000002' as ArticleId },
      ] },
    })
    fake.deleteArticle.mockResolvedValue({ ok: true, value: { articleId: 'a-0000000001' as ArticleId, title: 'Convoy turned back', highlightCount: 0 } })
    fake.restoreArticle.mockResolvedValue({ ok: true, value: {} as never })
    const status: StatusControls = { announce: vi.fn(), announceError: vi.fn(), clear: vi.fn(), retract: vi.fn(), settle: vi.fn() }
    let importer: Importer | null = null
    act(() => dom.root.render(<Harness status={status} expose={(i) => (importer = i)} />))
    await act(async () => void (await importer!.importClipboard({ text: 'Convoy turned back at the gate' })))
    expect(undo.snapshot.undoLabel).toBe('import of 1 article')

    await act(async () => void (await undo.undo()))
    // Only the article the import created goes; the duplicate was there before.
    expect(fake.deleteArticle.mock.calls).toEqual([[{ articleId: 'a-0000000001' }]])
    await act(async () => void (await undo.redo()))
    expect(fake.restoreArticle.mock.calls).toEqual([[{ articleId: 'a-0000000001' }]])
  })

  it('shows a running export (the menu’s) with its own name, steps and Cancel export', () => {
    const onCancel = vi.fn()
    act(() => dom.root.render(<ImportProgress job="export" progress={{ job: 'export', done: 3, total: 52, label: 'Rendered page 3 of 52' }} onCancel={onCancel} />))
    const bar = dom.container.querySelector('[role="progressbar"]')!
    expect(bar.getAttribute('aria-label')).toBe('Export progress')
    expect(bar.getAttribute('aria-valuenow')).toBe('3')
    expect(dom.container.textContent).toContain('Exporting: Rendered page 3 of 52')
    const cancel = [...dom.container.querySelectorAll('button')].find((b) => b.textContent === 'Cancel export')!
    act(() => cancel.click())
    expect(onCancel).toHaveBeenCalledTimes(1)
  })
})
