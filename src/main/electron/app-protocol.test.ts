/** The app:// handler against real files in a temporary renderer folder (Electron's protocol module is mocked). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../security'

const registered: unknown[] = []
const handled = new Map<string, (request: Request) => Promise<Response>>()
vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: (schemes: unknown) => registered.push(schemes) } }))
const { createAppRequestHandler, registerAppScheme, serveAppProtocol } = await import('./app-protocol')

const base = mkdtempSync(join(tmpdir(), 'dossier-app-protocol-'))
const rendererDir = join(base, 'out', 'renderer')
mkdirSync(join(rendererDir, 'assets'), { recursive: true })
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title>')
writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("app")')
// Files next to the renderer that must never be served.
writeFileSync(join(base, 'out', 'secret.js'), 'secret')
mkdirSync(join(base, 'out', 'main'), { recursive: true })
writeFileSync(join(base, 'out', 'main', 'index.js'), 'main process code')
afterAll(() => rmSync(base, { recursive: true, force: true }))

const handler = createAppRequestHandler(rendererDir)
const get = (url: string, method = 'GET') => handler(new Request(url, { method }))

describe('app:// protocol handler', () => {
  it('registers the scheme with its privileges, and serves it on the session it is given', async () => {
    registerAppScheme()
    expect(registered).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]])
    const session = { protocol: { handle: (scheme: string, fn: (r: Request) => Promise<Response>) => handled.set(scheme, fn) } }
    serveAppProtocol(session as never, rendererDir)
    const response = await handled.get('app')!(new Request('app://dossier/index.html'))
    expect(await response.text()).toBe('<!doctype html><title>Dossier</title>')
  })

  it('serves the page and its scripts with their types and the CSP', async () => {
    const page = await get('app://dossier/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    const script = await get('app://dossier/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log("app")')
  })

  it.each(['app://dossier/..%2Fsecret.js', 'app://dossier/..%2Fmain%2Findex.js', 'app://dossier/assets%2F..%2F..%2Fsecret.js'])('never serves a file outside the renderer folder: %s', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(403)
    expect(await response.text()).not.toMatch(/secret|main process/)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('answers 404 for a missing file or a folder', async () => {
    expect((await get('app://dossier/assets/missing.js')).status).toBe(404)
    expect((await get('app://dossier/assets.js')).status).toBe(404)
    mkdirSync(join(rendererDir, 'folder.js'), { recursive: true })
    expect((await get('app://dossier/folder.js')).status).toBe(404)
  })

  it('serves GET and HEAD only', async () => {
    expect((await get('app://dossier/index.html', 'POST')).status).toBe(405)
    const head = await get('app://dossier/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('says 500, not 404, when a file exists but cannot be read', async () => {
    const failing = createAppRequestHandler(rendererDir, async () => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' })
    })
    expect((await failing(new Request('app://dossier/index.html'))).status).toBe(500)
  })
})
