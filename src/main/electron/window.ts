/**
 * Creates the one app window and locks down its session: no remote requests, no
 * navigation away, no new windows, no webviews, every permission denied, CSP header,
 * spellcheck without any dictionary download.
 */
import { BrowserWindow, type Session } from 'electron'
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedRequest, mainWindowOptions, spellcheckPolicy } from '../security'

export function hardenSession(target: Session, devServerUrl: string | undefined, platform: NodeJS.Platform = process.platform): void {
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
  const spellcheck = spellcheckPolicy(platform)
  target.setSpellCheckerDictionaryDownloadURL(spellcheck.dictionaryDownloadUrl)
  target.setSpellCheckerEnabled(spellcheck.enabled)
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl) })
  })
  // The policy is the CONTENT_SECURITY_POLICY constant, which electronegativity cannot
  // resolve ("failed to parse CSP"); security.test.ts asserts its value instead.
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }) // eng-disable CSP_GLOBAL_CHECK
  })
}

/** The window, showing `appUrl` (security.ts appPageUrl: app://dossier/index.html, or the dev server's page) and nothing else. */
export function createMainWindow(preloadPath: string, appUrl: string): BrowserWindow {
  const options = mainWindowOptions(preloadPath, process.platform)
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
  void win.loadURL(appUrl)
  return win
}
