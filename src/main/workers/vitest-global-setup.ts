/**
 * Vitest global setup: imports read files in the REAL extraction worker in the unit
 * tests too (src/main/import/extract-in-worker.ts), so the worker is bundled once per
 * test run (./test-worker-build, a few seconds) and its location handed to every test
 * file (./vitest-setup.ts configures the shared extractor with it).
 */
import type { TestProject } from 'vitest/node'
import { buildTestWorkers } from './test-worker-build'

declare module 'vitest' {
  export interface ProvidedContext {
    extractWorkerUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workers = await buildTestWorkers('test-workers-', ['extract-worker'])
  project.provide('extractWorkerUrl', workers.url('extract-worker').href)
  return () => workers.remove()
}
