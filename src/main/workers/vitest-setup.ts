/** Vitest setup file: the shared import extractor and index workers use the workers bundled by ./vitest-global-setup.ts. */
import { inject } from 'vitest'
import { configureImportExtractor } from '../import/extract-in-worker'
import { configureIndexWorkers } from '../search/build-in-worker'

await configureImportExtractor({ workerUrl: new URL(inject('extractWorkerUrl')) })
await configureIndexWorkers({ workerUrl: new URL(inject('indexWorkerUrl')) })
