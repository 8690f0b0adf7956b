/**
 * The REAL PDF worker for the tests that run it: pdf-worker.ts bundled with vite (as the
 * app build does; Node cannot run the .ts entry) into a temp folder, with pdfkit and the
 * other packages left external. `buildTestBundle` does the same for any entry (the CLI
 * tests that need a real process: src/cli/cli-process.test.ts). Not shipped code: only
 * the tests use it.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export interface TestPdfWorker {
  /** The bundled worker entry, for `pdfWorkerUrl` / `workerUrl`. */
  url: URL
  /** Deletes the bundle's temp folder. */
  remove(): Promise<void>
}

/** Bundles the worker into a fresh folder out/<prefix>…; give the caller's beforeAll ~60 s. */
export async function buildTestPdfWorker(prefix: string): Promise<TestPdfWorker> {
  const bundle = await buildTestBundle(prefix, { 'pdf-worker': 'src/main/pdf/pdf-worker.ts' })
  return { url: pathToFileURL(join(bundle.dir, 'pdf-worker.mjs')), remove: bundle.remove }
}

/**
 * Bundles entries (output name -> source path from the project root) into a fresh folder
 * out/<prefix>…, each as `<name>.mjs`. The folder sits at the same depth as out/main, so
 * paths the code finds relative to itself (resources/fonts) resolve as in the build.
 */
export async function buildTestBundle(prefix: string, entries: Record<string, string>): Promise<{ dir: string; remove(): Promise<void> }> {
  // Inside the project (out/ is ignored), so the bundle finds pdfkit in node_modules.
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
