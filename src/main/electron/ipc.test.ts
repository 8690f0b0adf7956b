/** The IPC adapter, with Electron's ipcMain replaced by a recorder (no binary needed). */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { API_METHODS, ipcChannel } from '../../core/api'
import type { ApiHandlers } from '../api-handlers'

const registered = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => registered.set(channel, fn) },
}))
const { registerIpcHandlers } = await import('./ipc')

const APP_URL = 'app://dossier/index.html'
const mainFrame = { url: APP_URL }
const ownContents = { mainFrame }

beforeEach(() => registered.clear())

function setup() {
  const handlers = Object.fromEntries(API_METHODS.map((m) => [m, vi.fn(async (...args: unknown[]) => ({ ok: true, value: args }))])) as unknown as ApiHandlers
  registerIpcHandlers(handlers, () => ({ webContents: ownContents as never, appUrl: APP_URL }))
  return handlers
}

describe('IPC handlers', () => {
  it('registers one channel per API method', () => {
    setup()
    expect([...registered.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort())
  })

  it('passes a call from the app window main frame through to the handler', async () => {
    const handlers = setup()
    const result = await registered.get('dossier:getArticle')!({ sender: ownContents, senderFrame: mainFrame }, { articleId: 'a-0000000000' })
    expect(result).toEqual({ ok: true, value: [{ articleId: 'a-0000000000' }] })
    expect(handlers.getArticle).toHaveBeenCalledOnce()
  })

  it.each([
    ['another window', { sender: { mainFrame: { url: APP_URL } }, senderFrame: mainFrame }],
    ['a subframe of the app window', { sender: ownContents, senderFrame: { url: APP_URL } }],
    ['a frame showing another page', { sender: { mainFrame: { url: 'https://evil.test/' } }, senderFrame: { url: 'https://evil.test/' } }],
    ['a frame that is gone', { sender: ownContents, senderFrame: null }],
  ])('refuses a call from %s without calling the handler', async (_name, event) => {
    const handlers = setup()
    const result = await registered.get('dossier:listArticles')!(event)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(handlers.listArticles).not.toHaveBeenCalled()
  })

  it('refuses importGazetteerFile from another window: no dialog is asked for, no file read', async () => {
    const handlers = setup()
    const result = await registered.get('dossier:importGazetteerFile')!({ sender: { mainFrame: { url: APP_URL } }, senderFrame: mainFrame })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(handlers.importGazetteerFile).not.toHaveBeenCalled()
    expect(await registered.get('dossier:importGazetteerFile')!({ sender: ownContents, senderFrame: mainFrame })).toEqual({ ok: true, value: [] })
    expect(handlers.importGazetteerFile).toHaveBeenCalledOnce()
  })

  it.each(['file:///app/out/renderer/index.html', 'app://other/index.html', 'https://evil.test/'])('refuses the app window main frame itself once it shows %s', async (url) => {
    const frame = { url }
    const contents = { mainFrame: frame }
    const handlers = Object.fromEntries(API_METHODS.map((m) => [m, vi.fn()])) as unknown as ApiHandlers
    registerIpcHandlers(handlers, () => ({ webContents: contents as never, appUrl: APP_URL }))
    const result = await registered.get('dossier:listArticles')!({ sender: contents, senderFrame: frame })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(handlers.listArticles).not.toHaveBeenCalled()
  })
})
