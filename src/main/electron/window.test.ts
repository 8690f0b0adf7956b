/** The session hardening, applied to a recording fake session (no Electron binary needed). */
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ BrowserWindow: class {} }))
const { hardenSession } = await import('./window')

function fakeSession() {
  const hooks: Record<string, (...args: never[]) => unknown> = {}
  const spellchecker: { downloadUrl?: string; enabled?: boolean } = {}
  const session = {
    setPermissionRequestHandler: (fn: never) => (hooks.permissionRequest = fn),
    setPermissionCheckHandler: (fn: never) => (hooks.permissionCheck = fn),
    setSpellCheckerDictionaryDownloadURL: (url: string) => (spellchecker.downloadUrl = url),
    setSpellCheckerEnabled: (enabled: boolean) => (spellchecker.enabled = enabled),
    webRequest: {
      onBeforeRequest: (fn: never) => (hooks.beforeRequest = fn),
      onHeadersReceived: (fn: never) => (hooks.headersReceived = fn),
    },
  }
  const decide = (url: string) => {
    let decision: unknown
    ;(hooks.beforeRequest as (...a: unknown[]) => void)({ url }, (d: unknown) => (decision = d))
    return decision
  }
  return { session, hooks, spellchecker, decide }
}

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const { session, hooks } = fakeSession()
    hardenSession(session as never, undefined)
    const callback = vi.fn()
    ;(hooks.permissionRequest as (...a: unknown[]) => void)({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect((hooks.permissionCheck as () => boolean)()).toBe(false)
  })

  it('lets the app:// files through and cancels the network and file://', () => {
    const { session, decide } = fakeSession()
    hardenSession(session as never, undefined)
    expect(decide('app://dossier/index.html')).toEqual({ cancel: false })
    expect(decide('app://dossier/assets/index.js')).toEqual({ cancel: false })
    expect(decide('https://example.com/x.js')).toEqual({ cancel: true })
    expect(decide('https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic')).toEqual({ cancel: true })
    expect(decide('http://localhost:5173/')).toEqual({ cancel: true })
    expect(decide('file:///app/out/renderer/assets/index.js')).toEqual({ cancel: true })
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true })
  })

  it('lets the dev server through in development only', () => {
    const { session, decide } = fakeSession()
    hardenSession(session as never, 'http://localhost:5173/')
    expect(decide('http://localhost:5173/src/main.tsx')).toEqual({ cancel: false })
    expect(decide('https://example.com/x.js')).toEqual({ cancel: true })
  })

  it.each([
    ['linux', false],
    ['win32', false],
    ['darwin', true],
  ] as const)('on %s: spellchecker enabled %s, dictionary downloads pointed at a host that cannot resolve', (platform, enabled) => {
    const { session, spellchecker } = fakeSession()
    hardenSession(session as never, undefined, platform)
    expect(spellchecker.enabled).toBe(enabled)
    expect(new URL(spellchecker.downloadUrl!).hostname).toMatch(/\.invalid$/)
  })

  it('adds the CSP header to every response', () => {
    const { session, hooks } = fakeSession()
    hardenSession(session as never, undefined)
    let headers: Record<string, string[]> = {}
    ;(hooks.headersReceived as (...a: unknown[]) => void)({ responseHeaders: { 'X-A': ['1'] } }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders))
    expect(headers['X-A']).toEqual(['1'])
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/^default-src 'none'/)
  })
})
