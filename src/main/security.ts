/**
 * The app's security policy as plain data and predicates, so unit tests can assert it
 * without Electron. The Electron adapter (electron/window.ts) applies exactly these.
 */
import type { BrowserWindowConstructorOptions } from 'electron'

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

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
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
      spellcheck: true,
      safeDialogs: true,
    },
  }
}

/**
 * Requests the renderer may make: the app's own files (file: URLs inside the renderer
 * folder only, so CSP 'self' on file:// cannot reach any other local file), the dev
 * server in development, inline data: images, blob: and devtools. Every other request,
 * http(s)/ws included, is blocked: Dossier is offline and never fetches remote content.
 */
export function isAllowedRequest(url: string, appRootUrl: string, devServerUrl?: string): boolean {
  if (devServerUrl && sameOrigin(url, devServerUrl)) return true
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase()
  if (scheme === 'file:') return isInside(url, appRootUrl)
  return scheme === 'data:' || scheme === 'devtools:' || scheme === 'blob:'
}

function isInside(url: string, rootUrl: string): boolean {
  try {
    const path = new URL(url).pathname
    const root = new URL(rootUrl).pathname.replace(/\/?$/, '/')
    // URL parsing has already resolved any ../ segments, so a prefix check is sound.
    return path.startsWith(root)
  } catch {
    return false
  }
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

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin
  } catch {
    return false
  }
}
