// Bundles the crash test (parent and child) with the REAL storage code from src/ into
// out/scripts/crash-test/*.mjs, so plain Node 20 can run it (Node cannot run .ts).
// Start-up of the child matters (one process per kill): lowdb and zod from node_modules
// are bundled in rather than loaded as ~100 separate ES modules (~150 ms -> ~100 ms per
// child here), and pdfkit, which the crash test never uses but NotebookSession imports
// for PDF export, is replaced by a stub (see pdfkit-stub.ts; it would add ~180 ms).
//
//   npx vite build --config scripts/crash-test/vite.config.ts
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  // The crash test never exports a PDF; pdfkit would add ~180 ms to every child's start-up.
  resolve: { alias: [{ find: /^pdfkit$/, replacement: resolve(here, 'pdfkit-stub.ts') }] },
  ssr: { noExternal: true },
  build: {
    ssr: true,
    target: 'node20',
    outDir: resolve(root, 'out/scripts/crash-test'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        'crash-test': resolve(here, 'crash-test.ts'),
        'crash-child': resolve(here, 'crash-child.ts'),
      },
      output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/shared-[hash].mjs' },
    },
  },
})
