/**
 * Creates the one app window and locks down its session: no remote requests, no
 * navigation away, no new windows, no webviews, every permission denied, CSP header.
 */
import { BrowserWindow, session, type Session } from 'electron'
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedRequest, mainWindowOptions } from '../security'

export function hardenSession(target: Session, appUrl: string, devServerUrl: string | undefined): void {
  const appRootUrl = new URL('.', appUrl).href
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, appRootUrl, devServerUrl) })
  })
  // The policy is the CONTENT_SECURITY_POLICY constant, which electronegativity cannot
  // resolve ("failed to parse CSP"); security.test.ts asserts its value instead.
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }) // eng-disable CSP_GLOBAL_CHECK
  })
}

export function createMainWindow(preloadPath: string, appUrl: string, devServerUrl: string | undefined): BrowserWindow {
  hardenSession(session.defaultSession, appUrl, devServerUrl)
  const options = mainWindowOptions(preloadPath)
  // The isolation settings are restated where the window is built, so neither a change in
  // security.ts nor a scanner that cannot follow the call can leave them off.
  const win = new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  })
  const contents = win.webContents

  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.once('ready-to-show', () => win.show())
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadURL(appUrl)
  return win
}
