// Bundles the PDF benchmark (bench.ts) and the REAL PDF worker (src/main/pdf/pdf-worker.ts)
// into out/scripts/bench-pdf/*.mjs for plain Node 20 (see scripts/shared/script-build.ts).
// An SSR build keeps Node built-ins and node_modules packages (pdfkit, bidi-js, zod)
// external, as the app's main build does, so the worker loads pdfkit the way the app does.
//
//   npx vite build --config scripts/bench-pdf/vite.config.ts
import { scriptBuildConfig } from '../shared/script-build.ts'

export default scriptBuildConfig('bench-pdf', { bench: 'bench.ts', 'pdf-worker': '../../src/main/pdf/pdf-worker.ts' })
