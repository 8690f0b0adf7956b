/**
 * The REAL worker scripts (and other entries) for the tests that run them: entries bundled
 * with vite as the app build does (Node cannot run the .ts sources) into a temp folder
 * under out/, with their packages (pdfkit, pdfjs, mammoth, …) left external. Used by the
 * worker tests, the vitest global setup (the import worker every import uses) and the
 * CLI tests that need a real process (src/cli/cli-process.test.ts). Not shipped code.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * Bundles entries (output name -> source path from the project root) into a fresh folder
 * out/<prefix>…, each as `<name>.mjs`. The folder sits at the same depth as out/main, so
 * paths the code finds relative to itself (resources/fonts) resolve as in the build.
 * Give the caller's beforeAll ~60 s.
 */
export async function buildTestBundle(prefix: string, entries: Record<string, string>): Promise<{ dir: string; remove(): Promise<void> }> {
  // Inside the project (out/ is ignored), so the bundle finds its packages in node_modules.
  await mkdir(join(ROOT, 'out'), { recursive: true })
  const buildDir = await mkdtemp(join(ROOT, 'out', prefix))
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      publicDir: false,
      build: {
        ssr: true,
        target: 'node20',
        outDir: buildDir,
        emptyOutDir: true,
        minify: false,
        rolldownOptions: {
          input: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(ROOT, path)])),
          output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
        },
      },
    })
  } catch (error) {
    await rm(buildDir, { recursive: true, force: true })
    throw error
  }
  return { dir: buildDir, remove: () => rm(buildDir, { recursive: true, force: true }) }
}

/** The worker entries of the app build (electron.vite.config.ts), by output name. */
export const WORKER_ENTRIES = {
  'pdf-worker': 'src/main/pdf/pdf-worker.ts',
  'extract-worker': 'src/main/import/extract-worker.ts',
  'index-worker': 'src/main/search/index-worker.ts',
} as const

export type WorkerEntry = keyof typeof WORKER_ENTRIES

export interface TestWorkers {
  /** The bundled entry, for `workerUrl` options. */
  url(entry: WorkerEntry): URL
  /** Deletes the bundle's temp folder. */
  remove(): Promise<void>
}

/** Bundles the given worker entries (all by default) into a fresh folder out/<prefix>…. */
export async function buildTestWorkers(prefix: string, entries: readonly WorkerEntry[] = Object.keys(WORKER_ENTRIES) as WorkerEntry[]): Promise<TestWorkers> {
  const bundle = await buildTestBundle(prefix, Object.fromEntries(entries.map((entry) => [entry, WORKER_ENTRIES[entry]])))
  return { url: (entry) => pathToFileURL(join(bundle.dir, `${entry}.mjs`)), remove: bundle.remove }
}

export interface TestPdfWorker {
  /** The bundled worker entry, for `pdfWorkerUrl` / `workerUrl`. */
  url: URL
  remove(): Promise<void>
}

/** Just the PDF worker (see buildTestWorkers). */
export async function buildTestPdfWorker(prefix: string): Promise<TestPdfWorker> {
  const workers = await buildTestWorkers(prefix, ['pdf-worker'])
  return { url: workers.url('pdf-worker'), remove: workers.remove }
}
