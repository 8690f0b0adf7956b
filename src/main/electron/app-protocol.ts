/**
 * The app:// protocol: the built renderer (out/renderer) served under app://dossier.
 * `registerAppScheme` must run before the app is ready; `serveAppProtocol` after, on the
 * session the window uses. What may be served is decided by security.ts
 * (resolveAppFile); this file only reads the file and answers.
 */
import { readFile } from 'node:fs/promises'
import { protocol, type Session } from 'electron'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponseHeaders, resolveAppFile } from '../security'

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }])
}

export function serveAppProtocol(target: Session, rendererDir: string): void {
  target.protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir))
}

type ReadFile = (path: string) => Promise<Uint8Array<ArrayBuffer>>
// fs.readFile's Buffer is typed over ArrayBufferLike, but it is never a SharedArrayBuffer.
const readAppFile: ReadFile = (path) => readFile(path) as Promise<Uint8Array<ArrayBuffer>>

/** Answers one app:// request: the file's bytes with its type and the CSP, or a plain-text refusal. Electron-free. */
export function createAppRequestHandler(rendererDir: string, read: ReadFile = readAppFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, `${request.method} is not served`)
    const file = resolveAppFile(request.url, rendererDir)
    if (!file.ok) return refuse(file.status, file.reason)
    let body: Uint8Array<ArrayBuffer>
    try {
      body = await read(file.path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? refuse(404, 'no such file') : refuse(500, 'the file could not be read')
    }
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: appResponseHeaders(file.contentType) })
  }
}

function refuse(status: number, reason: string): Response {
  return new Response(`${status}: ${reason}\n`, { status, headers: appResponseHeaders('text/plain; charset=utf-8') })
}
