import { readFileSync } from 'node:fs'
import { join, posix, win32 } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_PAGE_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appPageUrl,
  appResponseHeaders,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  mainWindowOptions,
  resolveAppFile,
  spellcheckPolicy,
} from './security'

describe('window security options', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs', 'linux').webPreferences!

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
  const appUrl = APP_PAGE_URL

  it('shows the app from app://dossier, not from file://', () => {
    expect(APP_PAGE_URL).toBe('app://dossier/index.html')
    expect(appPageUrl(undefined)).toBe('app://dossier/index.html')
  })

  it('in development, trusts the dev server page as Chromium names it (with its slash)', () => {
    const page = appPageUrl('http://localhost:5173')
    expect(page).toBe('http://localhost:5173/')
    expect(isTrustedSender('http://localhost:5173/', page)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5173/#tags', page)).toBe(true)
  })

  it.each([
    ['app://dossier/index.html', true],
    ['app://dossier/assets/index-NQz5mxNE.js', true],
    ['APP://DOSSIER/assets/index.css', true],
    ['app://other/index.html', false],
    ['app://dossier.evil/index.html', false],
    ['https://example.com/tracker.js', false],
    ['https://dossier/index.html', false],
    ['http://127.0.0.1:8080/', false],
    ['ws://evil.test/socket', false],
    ['file:///opt/Dossier/resources/app.asar/out/renderer/assets/index.js', false],
    ['file:///home/ana/.ssh/id_rsa', false],
    ['data:image/png;base64,AAAA', true],
    ['blob:app://dossier/8c5e0f6a-1d2b-4c3d-9e8f-0a1b2c3d4e5f', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['other://dossier/index.html', false],
  ])('request to %s allowed: %s', (url, allowed) => {
    expect(isAllowedRequest(url)).toBe(allowed)
  })

  it('lets the development server through only when one is configured', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx')).toBe(false)
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    // A custom scheme's URL.origin is "null" whatever the host: it must never count as the dev server's origin.
    expect(isAllowedRequest('evil://x/', 'other://y/')).toBe(false)
  })

  it('denies navigation anywhere but the app page', () => {
    expect(isAllowedNavigation(appUrl, appUrl)).toBe(true)
    expect(isAllowedNavigation(`${appUrl}#reader`, appUrl)).toBe(true)
    expect(isAllowedNavigation('app://dossier/assets/index.js', appUrl)).toBe(false)
    expect(isAllowedNavigation('https://example.com/', appUrl)).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd', appUrl)).toBe(false)
    expect(isAllowedNavigation('file:///opt/Dossier/resources/app.asar/out/renderer/index.html', appUrl)).toBe(false)
  })

  it('trusts IPC only from the app page', () => {
    expect(isTrustedSender(appUrl, appUrl)).toBe(true)
    expect(isTrustedSender(`${appUrl}#tags`, appUrl)).toBe(true)
    expect(isTrustedSender(undefined, appUrl)).toBe(false)
    expect(isTrustedSender('https://example.com/', appUrl)).toBe(false)
    expect(isTrustedSender('app://other/index.html', appUrl)).toBe(false)
    expect(isTrustedSender('file:///opt/Dossier/resources/app.asar/out/renderer/index.html', appUrl)).toBe(false)
  })
})

describe('spellcheck policy: no dictionary is ever downloaded', () => {
  it('spellchecks on macOS only, where the system spellchecker needs no download', () => {
    expect(spellcheckPolicy('darwin').enabled).toBe(true)
    expect(spellcheckPolicy('win32').enabled).toBe(false)
    expect(spellcheckPolicy('linux').enabled).toBe(false)
    expect(mainWindowOptions('/p.cjs', 'darwin').webPreferences?.spellcheck).toBe(true)
    expect(mainWindowOptions('/p.cjs', 'win32').webPreferences?.spellcheck).toBe(false)
    expect(mainWindowOptions('/p.cjs', 'linux').webPreferences?.spellcheck).toBe(false)
  })

  it.each(['darwin', 'win32', 'linux'] as const)('points the dictionary downloader at a host that cannot resolve on %s', (platform) => {
    const { hostname } = new URL(spellcheckPolicy(platform).dictionaryDownloadUrl)
    expect(hostname.endsWith('.invalid')).toBe(true)
    expect(isAllowedRequest(spellcheckPolicy(platform).dictionaryDownloadUrl)).toBe(false)
  })
})

describe('app:// file resolution', () => {
  const root = '/opt/Dossier/resources/app.asar/out/renderer'
  const resolve = (url: string) => resolveAppFile(url, root, posix)

  it.each([
    ['app://dossier/index.html', `${root}/index.html`, 'text/html; charset=utf-8'],
    ['app://dossier/assets/index-NQz5mxNE.js', `${root}/assets/index-NQz5mxNE.js`, 'text/javascript; charset=utf-8'],
    ['app://dossier/assets/index-C3VScfLY.css?v=1#x', `${root}/assets/index-C3VScfLY.css`, 'text/css; charset=utf-8'],
    ['app://dossier/assets/noto%20sans.woff2', `${root}/assets/noto sans.woff2`, 'font/woff2'],
    ['app://dossier/assets/../index.html', `${root}/index.html`, 'text/html; charset=utf-8'],
  ])('serves %s from %s as %s', (url, path, contentType) => {
    expect(resolve(url)).toEqual({ ok: true, path, contentType })
  })

  it.each([
    // The URL parser resolves literal and %2e dot segments before we see them; encoded slashes it does not.
    ['app://dossier/..%2F..%2F..%2Fetc%2Fpasswd.html', 403],
    ['app://dossier/assets%2F..%2F..%2F..%2Fmain%2Findex.js', 403],
    ['app://dossier/..%5C..%5Cmain%5Cindex.js', 403],
    ['app://dossier/%2e%2e%2f%2e%2e%2fsecret.json', 403],
    ['app://dossier/assets//index.js', 403],
    ['app://dossier/.env.json', 403],
    ['app://dossier/C:%2FWindows%2Fwin.ini.js', 403],
    ['app://dossier/index.html%00.js', 403],
    ['app://dossier/assets/con.js', 403],
    ['app://dossier/index.html.', 404],
    ['app://dossier/index.js%20', 403],
    ['app://dossier/', 403],
    ['app://dossier/assets', 404],
    ['app://dossier/package.json.bak', 404],
    ['app://dossier/preload/index.cjs', 404],
    ['app://dossier/%E0%A4%A', 400],
    ['app://other/index.html', 403],
    ['app://dossier:8080/index.html', 403],
    ['app://user:pw@dossier/index.html', 403],
    ['file:///opt/Dossier/resources/app.asar/out/renderer/index.html', 403],
    ['https://dossier/index.html', 403],
    ['not a url', 400],
  ])('refuses %s (%i)', (url, status) => {
    expect(resolve(url)).toMatchObject({ ok: false, status })
  })

  it('keeps a Windows root closed too', () => {
    const winRoot = 'C:\\Program Files\\Dossier\\resources\\app.asar\\out\\renderer'
    expect(resolveAppFile('app://dossier/assets/index.js', winRoot, win32)).toEqual({ ok: true, path: `${winRoot}\\assets\\index.js`, contentType: 'text/javascript; charset=utf-8' })
    for (const url of ['app://dossier/..%5C..%5C..%5Capp.asar.unpacked%5Cx.js', 'app://dossier/D:%5Cx.js', 'app://dossier/index.html::$DATA', 'app://dossier/AUX.html', 'app://dossier/com1.js']) {
      expect(resolveAppFile(url, winRoot, win32)).toMatchObject({ ok: false })
    }
  })

  it('answers with the CSP, the type and no sniffing', () => {
    const headers = appResponseHeaders('text/css; charset=utf-8')
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(headers['Content-Type']).toBe('text/css; charset=utf-8')
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
  })

  it('asks Electron for a standard, secure scheme with fetch and nothing more', () => {
    expect(APP_SCHEME).toBe('app')
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true })
  })
})
