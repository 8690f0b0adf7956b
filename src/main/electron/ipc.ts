/**
 * Registers one ipcMain handler per API method. Each call is refused unless it comes
 * from the app's own window, main frame, showing the app's page; the handler table then
 * validates arguments (api-handlers.ts).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { API_METHODS, ipcChannel } from '../../core/api'
import { err } from '../../core/result'
import type { ApiHandlers } from '../api-handlers'
import { isTrustedSender } from '../security'

export function registerIpcHandlers(handlers: ApiHandlers, trusted: () => { webContents: WebContents | null; appUrl: string }): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const { webContents, appUrl } = trusted()
      const frame = event.senderFrame
      const fromOwnWindow = webContents !== null && event.sender === webContents && frame !== null && frame === webContents.mainFrame
      if (!fromOwnWindow || !isTrustedSender(frame?.url, appUrl)) {
        return err('forbidden', `${method} was called from an untrusted frame and was refused.`)
      }
      return handlers[method](...args)
    })
  }
}
