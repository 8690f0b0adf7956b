/**
 * Vitest global setup: imports read files in the REAL extraction worker in the unit
 * tests too (src/main/import/extract-in-worker.ts), and search indexes are built in the
 * REAL index worker (src/main/search/build-in-worker.ts), so the workers are bundled once
 * per test run (./test-worker-build, a few seconds) and their locations handed to every
 * test file (./vitest-setup.ts configures the shared extractor and index workers with them).
 */
import type { TestProject } from 'vitest/node'
import { buildTestWorkers } from './test-worker-build'

declare module 'vitest' {
  export interface ProvidedContext {
    extractWorkerUrl: string
    indexWorkerUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workers = await buildTestWorkers('test-workers-', ['extract-worker', 'index-worker'])
  project.provide('extractWorkerUrl', workers.url('extract-worker').href)
  project.provide('indexWorkerUrl', workers.url('index-worker').href)
  return () => workers.remove()
}
