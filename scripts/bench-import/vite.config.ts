// Bundles the import benchmark (bench.ts) into out/scripts/bench-import/bench.mjs for plain
// Node 20 (see scripts/shared/script-build.ts): an SSR build keeps Node built-ins and
// node_modules packages external, as the app's own main build does, so the REAL session
// and extractor code load their libraries (pdfjs, linkedom, chardet, …) as the app does.
//
//   npx vite build --config scripts/bench-import/vite.config.ts
import { scriptBuildConfig } from '../shared/script-build.ts'

export default scriptBuildConfig('bench-import', { bench: 'bench.ts', 'extract-worker': '../../src/main/import/extract-worker.ts' })
