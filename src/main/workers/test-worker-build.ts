/**
 * The REAL worker scripts for the tests that run them: worker entries bundled with vite
 * (as the app build does; Node cannot run the .ts entries) into a temp folder under out/,
 * with their packages (pdfkit, pdfjs, mammoth, …) left external. Not shipped code: only
 * tests use it.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** The worker entries of the app build (electron.vite.config.ts), by output name. */
export const WORKER_ENTRIES = {
  'pdf-worker': 'src/main/pdf/pdf-worker.ts',
  'extract-worker': 'src/main/import/extract-worker.ts',
} as const

export type WorkerEntry = keyof typeof WORKER_ENTRIES

export interface TestWorkers {
  /** The bundled entry, for `workerUrl` options. */
  url(entry: WorkerEntry): URL
  /** The folder holding the bundle. */
  dir: string
  /** Deletes the bundle's temp folder. */
  remove(): Promise<void>
}

/** Bundles the given worker entries into a fresh folder out/<prefix>…; give the caller's beforeAll ~60 s. */
export async function buildTestWorkers(prefix: string, entries: readonly WorkerEntry[] = Object.keys(WORKER_ENTRIES) as WorkerEntry[]): Promise<TestWorkers> {
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
          input: Object.fromEntries(entries.map((entry) => [entry, join(ROOT, WORKER_ENTRIES[entry])])),
          output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
        },
      },
    })
  } catch (error) {
    await rm(buildDir, { recursive: true, force: true })
    throw error
  }
  return {
    url: (entry) => pathToFileURL(join(buildDir, `${entry}.mjs`)),
    dir: buildDir,
    remove: () => rm(buildDir, { recursive: true, force: true }),
  }
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
