import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedRequest, isTrustedSender, mainWindowOptions } from './security'

describe('window security options', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!

  it('isolates and sandboxes the renderer with no Node', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.disableBlinkFeatures).toBe('Auxclick')
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
  })
})

describe('content security policy', () => {
  const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]))

  it('allows nothing by default and only the app itself for scripts, styles and fonts', () => {
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['style-src']).toEqual(["'self'"])
    expect(directives['font-src']).toEqual(["'self'"])
    expect(directives['img-src']).toEqual(["'self'", 'data:'])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:|\*/)
  })

  it('is the same policy the renderer page declares', () => {
    const html = readFileSync(join(import.meta.dirname, '..', 'renderer', 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
  })
})

describe('request, navigation and sender policies', () => {
  const appUrl = 'file:///opt/Dossier/resources/app.asar/out/renderer/index.html'
  const appRoot = 'file:///opt/Dossier/resources/app.asar/out/renderer/'

  it.each([
    ['https://example.com/tracker.js', false],
    ['http://127.0.0.1:8080/', false],
    ['ws://evil.test/socket', false],
    ['file:///opt/Dossier/resources/app.asar/out/renderer/assets/index.js', true],
    ['file:///opt/Dossier/resources/app.asar/out/renderer/../../../../../etc/passwd', false],
    ['file:///home/ana/.ssh/id_rsa', false],
    ['file:///opt/Dossier/resources/app.asar/out/renderer-evil/x.js', false],
    ['data:image/png;base64,AAAA', true],
    ['devtools://devtools/bundled/inspector.html', true],
  ])('request to %s allowed: %s', (url, allowed) => {
    expect(isAllowedRequest(url, appRoot)).toBe(allowed)
  })

  it('lets the development server through only when one is configured', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', appRoot)).toBe(false)
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', appRoot, 'http://localhost:5173')).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/', appRoot, 'http://localhost:5173')).toBe(false)
  })

  it('denies navigation anywhere but the app page', () => {
    expect(isAllowedNavigation(appUrl, appUrl)).toBe(true)
    expect(isAllowedNavigation(`${appUrl}#reader`, appUrl)).toBe(true)
    expect(isAllowedNavigation('https://example.com/', appUrl)).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd', appUrl)).toBe(false)
  })

  it('trusts IPC only from the app page', () => {
    expect(isTrustedSender(appUrl, appUrl)).toBe(true)
    expect(isTrustedSender(undefined, appUrl)).toBe(false)
    expect(isTrustedSender('https://example.com/', appUrl)).toBe(false)
  })
})
