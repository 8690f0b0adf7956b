// Bundles the crash test (parent, the highlight-saving child, the import control's preload
// lying-disk.ts, and the import worker the child imports with) with the REAL storage code from src/ into
// out/scripts/crash-test/*.mjs, so plain Node 20 can run it (see scripts/shared/script-build.ts).
// Start-up of the child matters (one process per kill): lowdb and zod from node_modules
// are bundled in rather than loaded as ~100 separate ES modules (~150 ms -> ~100 ms per
// child here), and pdfkit, which the crash test never uses but NotebookSession imports
// for PDF export, is replaced by a stub (see pdfkit-stub.ts; it would add ~180 ms).
//
//   npx vite build --config scripts/crash-test/vite.config.ts
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { scriptBuildConfig } from '../shared/script-build.ts'

const here = dirname(fileURLToPath(import.meta.url))

export default scriptBuildConfig(
  'crash-test',
  { 'crash-test': 'crash-test.ts', 'crash-child': 'crash-child.ts', 'lying-disk': 'lying-disk.ts', 'extract-worker': '../../src/main/import/extract-worker.ts' },
  {
    // The crash test never exports a PDF; pdfkit would add ~180 ms to every child's start-up.
    resolve: { alias: [{ find: /^pdfkit$/, replacement: resolve(here, 'pdfkit-stub.ts') }] },
    ssr: { noExternal: true },
  },
)
