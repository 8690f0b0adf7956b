/** Vitest setup file: the shared import extractor uses the worker bundled by ./vitest-global-setup.ts. */
import { inject } from 'vitest'
import { configureImportExtractor } from '../import/extract-in-worker'

await configureImportExtractor({ workerUrl: new URL(inject('extractWorkerUrl')) })
