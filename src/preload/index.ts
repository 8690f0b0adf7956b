/**
 * The sandboxed preload: exposes `window.dossier`, built from the contract's method list,
 * and nothing else. The renderer gets no ipcRenderer, no Node, no Electron object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { API_METHODS, IPC_EVENT_CHANNEL, ipcChannel } from '../core/api'
import { createBridge } from '../core/api-client'

const bridge = createBridge(
  API_METHODS,
  (method, args) => ipcRenderer.invoke(ipcChannel(method as (typeof API_METHODS)[number]), ...args),
  (listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler)
    }
  },
)

contextBridge.exposeInMainWorld('dossier', bridge)
