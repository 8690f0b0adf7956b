/**
 * The e2e harness: one fixture, two ways to run the same app.
 *
 * - electron: the built app in real Electron (`_electron.launch` on out/main/index.js),
 *   when a binary exists; otherwise the test is skipped with the reason.
 * - chromium: the built renderer served to Debian's Chromium, with the real
 *   main-process service and handler table (src/main) bound into the page through
 *   `exposeBinding`, and `window.dossier` built by the same `createBridge` the preload
 *   uses. Remote requests are blocked as the app's session blocks them.
 *
 * Only OS dialogs are replaced, and only here: specs queue the answers with
 * `app.answerDialogs(...)`. App code has no test hooks.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { _electron, test as base, type Browser, type ElectronApplication, type Page } from '@playwright/test'
import sirv from 'sirv'
import { API_METHODS, type DossierEvent } from '../src/core/api'
import { createBridge } from '../src/core/api-client'
import { err } from '../src/core/result'
import { createApiHandlers, isApiMethod } from '../src/main/api-handlers'
import { configureImportExtractor } from '../src/main/import/extract-in-worker'
import { GAZETTEER_FILTER_NAME, type DesktopShell, type Dialogs } from '../src/main/dialogs'
import { APP_PAGE_URL, isAllowedRequest, isTrustedSender } from '../src/main/security'
import { createMainService, type MainService } from '../src/main/service'

export const ROOT = join(import.meta.dirname, '..')
export const CORPUS_DIR = join(ROOT, '..', 'shared', 'corpus')
export const ARTIFACTS_DIR = join(ROOT, 'test-artifacts', 'e2e')

export type HarnessMode = 'chromium' | 'electron'
export interface HarnessOptions {
  harnessMode: HarnessMode
}

/** Answers for the next OS dialogs, consumed in order; `null` answers "cancel". */
export interface DialogAnswers {
  importFiles?: (string[] | null)[]
  exportPath?: (string | null)[]
  notebookFolder?: (string | null)[]
  annotationFile?: (string | null)[]
  /** Answers to the gazetteer file dialog (Entities view, Gazetteer menu; File menu). */
  gazetteerFile?: (string | null)[]
  /** Answers to confirmations (Dialogs.confirm: a native message box in the app): true goes on, false cancels. */
  confirm?: boolean[]
}

/** What the app asked the desktop to do with an export (open it, or show it in its folder). */
export interface ShellCall {
  action: 'open' | 'show'
  path: string
}

export interface DossierApp {
  mode: HarnessMode
  page: Page
  notebookDir: string
  tempDir: string
  answerDialogs(answers: DialogAnswers): Promise<void>
  /** The open/show requests the app made, in order (the desktop itself is not touched). */
  shellCalls(): Promise<ShellCall[]>
  /**
   * Chromium mode only: the main service the page talks to, for seeding data the app has
   * no API for yet through main's own code (its open session and store). Absent in
   * Electron mode, where main runs in another process.
   */
  service?: MainService
}

/** Where Electron's binary would be, read without triggering a download (toolchain.md). */
export function electronBinary(): string | null {
  if (process.env.ELECTRON_EXEC_PATH) return existsSync(process.env.ELECTRON_EXEC_PATH) ? process.env.ELECTRON_EXEC_PATH : null
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const FONTS_DIR = join(ROOT, 'resources', 'fonts')

export const test = base.extend<{ app: DossierApp }, HarnessOptions & { rendererUrl: string; harnessBrowser: Browser | null }>({
  harnessMode: ['chromium', { option: true, scope: 'worker' }],

  rendererUrl: [
    async ({ harnessMode }, use) => {
      if (harnessMode !== 'chromium') return use('')
      const server: Server = createServer(sirv(join(ROOT, 'out', 'renderer'), { dev: false, etag: true }))
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as AddressInfo
      await use(`http://127.0.0.1:${port}/index.html`)
      await new Promise((resolve) => server.close(resolve))
    },
    { scope: 'worker' },
  ],

  // Chromium is launched only in Chromium mode (Playwright's own `browser` fixture would
  // launch it in Electron mode too).
  harnessBrowser: [
    async ({ harnessMode, playwright, launchOptions }, use) => {
      if (harnessMode !== 'chromium') return use(null)
      const browser = await playwright.chromium.launch(launchOptions)
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],

  app: async ({ harnessMode, rendererUrl, harnessBrowser }, use, testInfo) => {
    const tempDir = await mkdtemp(join(tmpdir(), 'dossier-e2e-'))
    const notebookDir = join(tempDir, 'Notebook')
    try {
      if (harnessMode === 'electron') {
        const binary = electronBinary()
        testInfo.skip(binary === null, 'No Electron binary on this machine (node_modules/electron/dist is empty and cannot be downloaded here); the Chromium project runs the same spec.')
        const app = await launchElectron(binary!, notebookDir, tempDir)
        try {
          await use(app)
        } finally {
          await app.electron.close()
        }
      } else {
        const context = await harnessBrowser!.newContext()
        const page = await context.newPage()
        const { app, service } = await bindChromium(page, rendererUrl, notebookDir, tempDir)
        try {
          await use(app)
        } finally {
          await context.close()
          await service.shutdown() // as the app does on quit: back up, release the lock
        }
      }
    } finally {
      await rm(tempDir, { recursive: true, force: true })
    }
  },
})

export { expect } from '@playwright/test'

async function bindChromium(page: Page, rendererUrl: string, notebookDir: string, tempDir: string): Promise<{ app: DossierApp; service: MainService }> {
  const queued: Required<DialogAnswers> = { importFiles: [], exportPath: [], notebookFolder: [], annotationFile: [], gazetteerFile: [], confirm: [] }
  const take = <T>(list: T[], what: string): T => {
    if (list.length === 0) throw new Error(`The spec did not answer the ${what} dialog (use app.answerDialogs).`)
    return list.shift()!
  }
  const dialogs: Dialogs = {
    chooseFilesToImport: async () => take(queued.importFiles, 'import'),
    chooseExportPath: async () => take(queued.exportPath, 'export'),
    chooseNotebookFolder: async () => take(queued.notebookFolder, 'notebook folder'),
    chooseAnnotationFile: async () => take(queued.annotationFile, 'annotation file'),
    chooseGazetteerFile: async () => take(queued.gazetteerFile, 'gazetteer file'),
    confirm: async (question) => take(queued.confirm, `confirmation "${question.title}"`),
  }
  const shellCalls: ShellCall[] = []
  const shell: DesktopShell = {
    openPath: async (path) => void shellCalls.push({ action: 'open', path }),
    showInFolder: (path) => void shellCalls.push({ action: 'show', path }),
  }
  const emit = (event: DossierEvent) => {
    void page.evaluate((e) => (window as unknown as { __dossierEmit?: (e: unknown) => void }).__dossierEmit?.(e), event).catch(() => undefined)
  }
  // Main runs here from its sources; files to import are read by the built import worker, as in the app.
  await configureImportExtractor({ workerUrl: pathToFileURL(join(import.meta.dirname, '..', 'out', 'main', 'extract-worker.js')) })
  const service = await createMainService({ notebookDir, fontsDir: FONTS_DIR, starterGazetteerFile: join(ROOT, 'resources', 'gazetteer', 'syria-russia.json'), dialogs, shell, emit })
  const handlers = createApiHandlers(service)

  await page.exposeBinding('__dossierInvoke', async (source, method: string, args: unknown[]) => {
    // The same rule as the IPC adapter (security.ts isTrustedSender): only the app's own
    // page, main frame, may call. Here the app page is served over http://127.0.0.1.
    if (source.page !== page || source.frame !== page.mainFrame() || !isTrustedSender(source.frame.url(), rendererUrl)) {
      return err('forbidden', `${method} was called from an untrusted frame and was refused.`)
    }
    if (!isApiMethod(method)) return err('bad-request', `${method} is not an API method.`)
    return handlers[method](...(Array.isArray(args) ? args : []))
  })
  await page.addInitScript({
    content: `(() => {
      const listeners = new Set();
      window.__dossierEmit = (event) => { for (const listener of listeners) listener(event); };
      const createBridge = ${createBridge.toString()};
      const bridge = createBridge(${JSON.stringify(API_METHODS)},
        (method, args) => window.__dossierInvoke(method, args),
        (listener) => { listeners.add(listener); return () => listeners.delete(listener); });
      Object.defineProperty(window, 'dossier', { value: bridge, writable: false, configurable: false });
    })();`,
  })
  // The app session's request rule (security.ts isAllowedRequest), with the harness's
  // server in the place of the dev server: nothing but the app's own origin may be fetched.
  await page.route('**/*', (route) => (isAllowedRequest(route.request().url(), rendererUrl) ? route.continue() : route.abort('blockedbyclient')))
  await page.goto(rendererUrl)
  const app: DossierApp = {
    mode: 'chromium',
    page,
    notebookDir,
    tempDir,
    service,
    async answerDialogs(answers) {
      queued.importFiles.push(...(answers.importFiles ?? []))
      queued.exportPath.push(...(answers.exportPath ?? []))
      queued.notebookFolder.push(...(answers.notebookFolder ?? []))
      queued.annotationFile.push(...(answers.annotationFile ?? []))
      queued.gazetteerFile.push(...(answers.gazetteerFile ?? []))
      queued.confirm.push(...(answers.confirm ?? []))
    },
    async shellCalls() {
      return [...shellCalls]
    },
  }
  return { app, service }
}

async function launchElectron(binary: string, notebookDir: string, tempDir: string): Promise<DossierApp & { electron: ElectronApplication }> {
  const electron = await _electron.launch({
    executablePath: binary,
    args: [join(ROOT, 'out', 'main', 'index.js'), `--user-data-dir=${join(tempDir, 'user-data')}`],
    env: { ...process.env, DOSSIER_NOTEBOOK: notebookDir },
  })
  const page = await electron.firstWindow()
  // The app shows app://dossier/index.html (served by its protocol handler), never file://.
  await page.waitForURL((url) => url.href.startsWith(APP_PAGE_URL))
  return {
    mode: 'electron',
    electron,
    page,
    notebookDir,
    tempDir,
    async answerDialogs(answers) {
      // Replace the native dialogs in the main process with queued answers.
      await electron.evaluate(({ dialog }, queued) => {
        const { gazetteerFilter } = queued
        const state = globalThis as unknown as { __dossierDialogAnswers?: Required<DialogAnswers> }
        const q = (state.__dossierDialogAnswers ??= { importFiles: [], exportPath: [], notebookFolder: [], annotationFile: [], gazetteerFile: [], confirm: [] })
        q.importFiles.push(...(queued.importFiles ?? []))
        q.exportPath.push(...(queued.exportPath ?? []))
        q.notebookFolder.push(...(queued.notebookFolder ?? []))
        q.annotationFile.push(...(queued.annotationFile ?? []))
        q.gazetteerFile.push(...(queued.gazetteerFile ?? []))
        q.confirm.push(...(queued.confirm ?? []))
        // Message boxes are replaced only once a spec answers a confirmation (the backup menu's
        // message boxes stay native otherwise). The first button goes on, the second cancels.
        if (q.confirm.length > 0) {
          dialog.showMessageBox = (async () => {
            const answer = q.confirm.shift()
            if (answer === undefined) throw new Error('The spec did not answer this message box.')
            return { response: answer ? 0 : 1, checkboxChecked: false }
          }) as typeof dialog.showMessageBox
        }
        dialog.showOpenDialog = (async (...args: unknown[]) => {
          const options = (args.length > 1 ? args[1] : args[0]) as { properties?: string[]; filters?: { name: string }[] }
          const files = options.properties?.includes('openFile') === true
          const folder = !files
          const gazetteer = options.filters?.some((f) => f.name === gazetteerFilter) === true
          const annotations = files && !gazetteer && options.properties?.includes('openDirectory') !== true
          const answer = folder ? q.notebookFolder.shift() : gazetteer ? q.gazetteerFile.shift() : annotations ? q.annotationFile.shift() : q.importFiles.shift()
          if (answer === undefined) throw new Error('The spec did not answer this open dialog.')
          const filePaths = answer === null ? [] : Array.isArray(answer) ? answer : [answer]
          return { canceled: answer === null, filePaths }
        }) as typeof dialog.showOpenDialog
        dialog.showSaveDialog = (async () => {
          const answer = q.exportPath.shift()
          if (answer === undefined) throw new Error('The spec did not answer the save dialog.')
          return { canceled: answer === null, filePath: answer ?? '' }
        }) as typeof dialog.showSaveDialog
      }, { ...answers, gazetteerFilter: GAZETTEER_FILTER_NAME })
    },
    async shellCalls() {
      // Replaces the desktop shell on first use; calls made before that went to the real desktop.
      return electron.evaluate(({ shell }) => {
        const state = globalThis as unknown as { __dossierShellCalls?: { action: 'open' | 'show'; path: string }[] }
        if (!state.__dossierShellCalls) {
          const calls: { action: 'open' | 'show'; path: string }[] = (state.__dossierShellCalls = [])
          shell.openPath = async (path: string) => (calls.push({ action: 'open', path }), '')
          shell.showItemInFolder = (path: string) => void calls.push({ action: 'show', path })
        }
        return [...state.__dossierShellCalls]
      })
    },
  }
}
