/**
 * Creates the one app window and locks down its session: no remote requests, no
 * navigation away, no new windows, no webviews, every permission denied, CSP header.
 */
import { BrowserWindow, session, type Session } from 'electron'
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedRequest, mainWindowOptions } from '../security'

export function hardenSession(target: Session, devServerUrl: string | undefined): void {
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl) })
  })
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

export function createMainWindow(preloadPath: string, appUrl: string, devServerUrl: string | undefined): BrowserWindow {
  hardenSession(session.defaultSession, devServerUrl)
  const win = new BrowserWindow(mainWindowOptions(preloadPath))
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
