// @vitest-environment jsdom
/**
 * The Export briefing dialog with the real useExport hook and a mocked api: the chosen
 * format is what main is asked for, progress events drive the progress bar, Cancel export
 * reaches main, success offers Open / Show in folder for that export, errors show main's
 * message verbatim, and a dismissed save dialog says nothing.
 */
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DossierEvent, ExportedBriefing } from '../../../core/api'
import type { BriefingId } from '../../../core/briefing-document'
import type { Result } from '../../../core/result'
import { useExport } from '../hooks/useExport'
import type { StatusControls } from '../hooks/useStatus'
import { ExportDialog } from './ExportDialog'
import { setupDomRoot } from '../test-dom'
import type * as ApiModule_ from '../api'
type ApiModule = typeof ApiModule_

const fake = vi.hoisted(() => ({
  api: {} as Record<string, ReturnType<typeof vi.fn>>,
  listeners: new Set<(event: DossierEvent) => void>(),
}))
vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<ApiModule>()),
  api: fake.api,
  onDossierEvent: (listener: (event: DossierEvent) => void) => {
    fake.listeners.add(listener)
    return () => fake.listeners.delete(listener)
  },
}))

const ID = 'b-abcdef1234' as BriefingId
const EXPORTED: ExportedBriefing = { exportId: 'x-1', path: '/home/ana/Weekly.md', format: 'md', pageCount: 0, passageCount: 7 }

const status: StatusControls = { announce: vi.fn(), announceError: vi.fn(), clear: vi.fn(), retract: vi.fn(), settle: vi.fn() }
const onClose = vi.fn()

function Harness() {
  const exporter = useExport(status)
  return <ExportDialog briefingId={ID} title="Weekly" exporter={exporter} onClose={onClose} />
}

// Registered before setupDomRoot: after-hooks run in reverse order, so this still runs once the root is unmounted.
afterEach(() => {
  fake.listeners.clear()
  vi.clearAllMocks()
})
const dom = setupDomRoot()

beforeEach(() => {
  Object.assign(fake.api, {
    exportBriefing: vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: EXPORTED })),
    cancelExport: vi.fn(async () => ({ ok: true, value: { canceled: true } })),
    revealExport: vi.fn(async ({ exportId }: { exportId: string }) => ({ ok: true, value: { exportId } })),
  })
  act(() => dom.root.render(<Harness />))
})

const dialog = () => dom.container.querySelector<HTMLDialogElement>('dialog')!
const button = (name: string) => Array.from(dom.container.querySelectorAll('button')).find((b) => b.textContent === name)
const radio = (label: string) => Array.from(dom.container.querySelectorAll('label')).find((l) => l.textContent === label)!.querySelector('input')!
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))

describe('ExportDialog', () => {
  it('is a dialog named Export briefing, with the four formats and PDF chosen', () => {
    expect(document.getElementById(dialog().getAttribute('aria-labelledby')!)!.textContent).toBe('Export briefing')
    expect(Array.from(dom.container.querySelectorAll('fieldset label')).map((l) => l.textContent)).toEqual([
      'PDF',
      'Markdown',
      'CSV',
      'W3C annotations (JSON-LD)',
    ])
    expect(radio('PDF').checked).toBe(true)
    expect(document.activeElement).toBe(radio('PDF'))
  })

  it('exports in the chosen format, reports where, and opens or shows that export', async () => {
    act(() => radio('Markdown').click())
    await act(async () => button('Export')!.click())
    await settle()
    expect(fake.api.exportBriefing).toHaveBeenCalledWith({ briefingId: ID, format: 'md' })
    expect(dialog().querySelector('[role="status"]')!.textContent).toBe('Briefing exported to /home/ana/Weekly.md (7 passages)')
    // The status bar offers the same follow-ups, for when the dialog is closed.
    expect(status.announce).toHaveBeenLastCalledWith('success', 'Briefing exported to /home/ana/Weekly.md (7 passages)', [], [
      expect.objectContaining({ label: 'Open' }),
      expect.objectContaining({ label: 'Show in folder' }),
    ])
    const statusActions = vi.mocked(status.announce).mock.lastCall![3]!
    await act(async () => statusActions[1]!.run())
    expect(fake.api.revealExport).toHaveBeenLastCalledWith({ exportId: 'x-1', action: 'show' })

    await act(async () => button('Open')!.click())
    expect(fake.api.revealExport).toHaveBeenCalledWith({ exportId: 'x-1', action: 'open' })
    await act(async () => button('Show in folder')!.click())
    expect(fake.api.revealExport).toHaveBeenLastCalledWith({ exportId: 'x-1', action: 'show' })
  })

  it('shows progress from export events while it runs, and Cancel export asks main to stop', async () => {
    let finish!: (r: Result<unknown>) => void
    fake.api.exportBriefing!.mockImplementation(() => new Promise((resolve) => (finish = resolve)))
    await act(async () => button('Export')!.click())
    const progress = () => dom.container.querySelector<HTMLProgressElement>('progress[aria-label="Export progress"]')
    expect(progress()).not.toBeNull()
    act(() => fake.listeners.forEach((l) => l({ type: 'progress', progress: { job: 'export', done: 3, total: 4, label: 'Laying out pages' } })))
    expect(progress()!.value).toBe(75)
    expect(dialog().textContent).toContain('Laying out pages')
    expect(button('Export')!.disabled).toBe(true)

    await act(async () => button('Cancel export')!.click())
    expect(fake.api.cancelExport).toHaveBeenCalledOnce()
    await act(async () => finish({ ok: false, error: { code: 'canceled', message: 'Export canceled; no file was written.' } }))
    await settle()
    expect(progress()).toBeNull()
    expect(dialog().querySelector('[role="alert"]')!.textContent).toBe('Export canceled; no file was written.')
  })

  it('shows main’s error message verbatim', async () => {
    const message = 'Cannot write /media/ro/Weekly.pdf: the folder is read-only. Choose another folder.'
    fake.api.exportBriefing!.mockResolvedValue({ ok: false, error: { code: 'write-failed', message } })
    await act(async () => button('Export')!.click())
    await settle()
    expect(dialog().querySelector('[role="alert"]')!.textContent).toBe(message)
    expect(status.announceError).toHaveBeenCalledWith({ code: 'write-failed', message })
    expect(button('Open')).toBeUndefined()
  })

  it('says nothing when the save dialog is dismissed, and Escape closes', async () => {
    fake.api.exportBriefing!.mockResolvedValue({ ok: true, value: { canceled: true } })
    await act(async () => button('Export')!.click())
    await settle()
    expect(dialog().querySelector('[role="alert"], [role="status"]')).toBeNull()
    expect(status.clear).toHaveBeenCalled()
    act(() => dialog().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })))
    expect(onClose).toHaveBeenCalledOnce()
  })
})
