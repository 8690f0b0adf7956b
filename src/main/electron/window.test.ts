/** The session hardening, applied to a recording fake session (no Electron binary needed). */
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ BrowserWindow: class {}, session: {} }))
const { hardenSession } = await import('./window')

function fakeSession() {
  const hooks: Record<string, (...args: never[]) => unknown> = {}
  const session = {
    setPermissionRequestHandler: (fn: never) => (hooks.permissionRequest = fn),
    setPermissionCheckHandler: (fn: never) => (hooks.permissionCheck = fn),
    webRequest: {
      onBeforeRequest: (fn: never) => (hooks.beforeRequest = fn),
      onHeadersReceived: (fn: never) => (hooks.headersReceived = fn),
    },
  }
  return { session, hooks }
}

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const { session, hooks } = fakeSession()
    hardenSession(session as never, 'file:///app/out/renderer/index.html', undefined)
    const callback = vi.fn()
    ;(hooks.permissionRequest as (...a: unknown[]) => void)({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect((hooks.permissionCheck as () => boolean)()).toBe(false)
  })

  it('cancels remote requests and lets the app files through', () => {
    const { session, hooks } = fakeSession()
    hardenSession(session as never, 'file:///app/out/renderer/index.html', undefined)
    const decide = (url: string) => {
      let decision: unknown
      ;(hooks.beforeRequest as (...a: unknown[]) => void)({ url }, (d: unknown) => (decision = d))
      return decision
    }
    expect(decide('https://example.com/x.js')).toEqual({ cancel: true })
    expect(decide('file:///app/out/renderer/assets/index.js')).toEqual({ cancel: false })
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true })
  })

  it('adds the CSP header to every response', () => {
    const { session, hooks } = fakeSession()
    hardenSession(session as never, 'file:///app/out/renderer/index.html', undefined)
    let headers: Record<string, string[]> = {}
    ;(hooks.headersReceived as (...a: unknown[]) => void)({ responseHeaders: { 'X-A': ['1'] } }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders))
    expect(headers['X-A']).toEqual(['1'])
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/^default-src 'none'/)
  })
})
