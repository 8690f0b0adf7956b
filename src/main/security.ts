/**
 * The app's security policy as plain data and predicates, so unit tests can assert it
 * without Electron. The Electron adapters (electron/window.ts, electron/app-protocol.ts)
 * apply exactly these.
 */
import nodePath from 'node:path'
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron'

/** Mirrors the meta tag in src/renderer/index.html; also sent as a response header. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

// ---------------------------------------------------------------------------------------
// The app:// protocol (decision 31): the built renderer is served from out/renderer under
// one fixed origin, app://dossier, instead of file://, so CSP 'self' means the app's own
// files and nothing else on the disk.

export const APP_SCHEME = 'app'
export const APP_HOST = 'dossier'
/** The one page the window shows, and the only page whose main frame may call the API. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * The page the window shows and whose main frame alone may call the API: the app:// page,
 * or in development the dev server's page, normalised as Chromium reports a frame's URL
 * (`http://localhost:5173` is shown as `http://localhost:5173/`).
 */
export function appPageUrl(devServerUrl: string | undefined): string {
  return devServerUrl ? new URL(devServerUrl).href : APP_PAGE_URL
}

/**
 * Privileges as Electron's security guide recommends for a custom protocol serving the
 * app: `standard` (URLs resolve like http: relative paths, a real origin for CSP 'self'
 * and storage), `secure` (a secure context, like https), and the Fetch API. Everything
 * else stays off: no bypassCSP, no service workers, no CORS from other origins, no
 * streaming, no code cache, no extensions.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const satisfies CustomScheme['privileges']

/**
 * The only file types the protocol serves (what the renderer build emits), each with its
 * Content-Type. An allow-list on purpose: any other extension is refused, which also shuts
 * out Windows name tricks such as `index.html.` or `x.js::$DATA`.
 */
export const APP_FILE_TYPES: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json'],
  ['.map', 'application/json'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.gif', 'image/gif'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.woff', 'font/woff'],
  ['.woff2', 'font/woff2'],
  ['.ttf', 'font/ttf'],
  ['.otf', 'font/otf'],
  ['.wasm', 'application/wasm'],
])

export type AppFileResolution = { ok: true; path: string; contentType: string } | { ok: false; status: 400 | 403 | 404; reason: string }

/** Windows device names, which open a device instead of a file whatever the extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i
// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
const UNSAFE_IN_SEGMENT = /[\u0000-\u001f\u007f\\:*?"<>|]/

/**
 * Maps an app:// request URL to a file inside `rootDir` (out/renderer), or says why not.
 * Only `app://dossier/<path>` is served; the decoded path must be made of ordinary name
 * segments (no `.`/`..`, no empty segment, no backslash, colon, control or Windows-reserved
 * character, no dotfile, no device name), end in an allowed type, and resolve inside the
 * root. `pathApi` is node:path, or path.win32 / path.posix in tests.
 */
export function resolveAppFile(url: string, rootDir: string, pathApi: typeof nodePath.posix = nodePath): AppFileResolution {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' }
  }
  if (!isAppOrigin(parsed) || parsed.username || parsed.password) {
    return { ok: false, status: 403, reason: `only ${APP_SCHEME}://${APP_HOST}/ is served` }
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(parsed.pathname)
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' }
  }
  const segments = decoded.split('/').slice(1)
  for (const segment of segments) {
    if (segment === '' || segment.startsWith('.') || segment.endsWith(' ') || UNSAFE_IN_SEGMENT.test(segment) || WINDOWS_DEVICE.test(segment)) {
      return { ok: false, status: 403, reason: `refused path segment ${JSON.stringify(segment)}` }
    }
  }
  const contentType = APP_FILE_TYPES.get(pathApi.extname(decoded).toLowerCase())
  if (contentType === undefined) return { ok: false, status: 404, reason: 'not a file type the app serves' }
  const root = pathApi.resolve(rootDir)
  const full = pathApi.resolve(root, ...segments)
  const relative = pathApi.relative(root, full)
  // Belt and braces after the segment rules: the resolved file must stay inside the root.
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) {
    return { ok: false, status: 403, reason: 'outside the app folder' }
  }
  return { ok: true, path: full, contentType }
}

/** Headers on every app:// response: the CSP, no MIME sniffing, and no caching of stale builds. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  }
}

/** Whether a URL is on the app's own origin (app://dossier). */
export function isAppUrl(url: string): boolean {
  try {
    return isAppOrigin(new URL(url))
  } catch {
    return false
  }
}

/**
 * Compared by scheme and host (no port), not URL.origin, which is "null" for every custom
 * scheme in Node. Node does not lower-case a custom scheme's host; Chromium does for a
 * standard scheme, so case is ignored here as it is there.
 */
function isAppOrigin(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host.toLowerCase() === APP_HOST
}

// ---------------------------------------------------------------------------------------
// Spellcheck without the network (decision 32). Chromium's spellchecker runs on Hunspell
// dictionaries on Windows and Linux, downloaded from Google's CDN on first use; on macOS it
// uses the system's spellchecker and downloads nothing. Dossier ships no dictionaries, so
// it spellchecks only on macOS, and points the downloader at a host that cannot resolve
// (.invalid, RFC 6761) everywhere, in case anything still asks for one.

export const UNREACHABLE_DICTIONARY_URL = 'https://dictionaries.dossier.invalid/'

export interface SpellcheckPolicy {
  /** webPreferences.spellcheck and session.setSpellCheckerEnabled. */
  enabled: boolean
  /** session.setSpellCheckerDictionaryDownloadURL (a no-op on macOS). */
  dictionaryDownloadUrl: string
}

export function spellcheckPolicy(platform: NodeJS.Platform): SpellcheckPolicy {
  return { enabled: platform === 'darwin', dictionaryDownloadUrl: UNREACHABLE_DICTIONARY_URL }
}

// ---------------------------------------------------------------------------------------

export function mainWindowOptions(preloadPath: string, platform: NodeJS.Platform): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'Dossier',
    backgroundColor: '#1b1d21',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise open links through a path that bypasses will-navigate.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: spellcheckPolicy(platform).enabled,
      safeDialogs: true,
    },
  }
}

/**
 * Requests the renderer may make: the app's own origin (app://dossier; the protocol
 * handler then serves only files inside out/renderer), the dev server in development,
 * inline data: images, blob: and devtools. Everything else is cancelled: http(s), ws and
 * file: included (the app no longer loads anything from file://). Dossier is offline and
 * never fetches remote content.
 */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  if (devServerUrl && sameOrigin(url, devServerUrl)) return true
  if (isAppUrl(url)) return true
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase()
  return scheme === 'data:' || scheme === 'devtools:' || scheme === 'blob:'
}

/** The window may only ever show the app's own page: every navigation elsewhere is denied. */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return stripHash(url) === stripHash(appUrl)
}

/** An IPC message is trusted only from the main frame of the app's own window showing the app's page. */
export function isTrustedSender(frameUrl: string | undefined, appUrl: string): boolean {
  return frameUrl !== undefined && isAllowedNavigation(frameUrl, appUrl)
}

function stripHash(url: string): string {
  const i = url.indexOf('#')
  return i === -1 ? url : url.slice(0, i)
}

/** Same scheme, host and port. Only for http(s) servers: a custom scheme's URL.origin is "null" for every host. */
function sameOrigin(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)]
    return (x.protocol === 'http:' || x.protocol === 'https:') && x.origin === y.origin
  } catch {
    return false
  }
}
