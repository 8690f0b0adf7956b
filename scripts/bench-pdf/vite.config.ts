// Bundles the PDF benchmark (bench.ts) and the REAL PDF worker (src/main/pdf/pdf-worker.ts)
// into out/scripts/bench-pdf/*.mjs for plain Node 20. An SSR build keeps Node built-ins and
// node_modules packages (pdfkit, bidi-js, zod) external, as the app's main build does, so
// the worker loads pdfkit the way the app does.
//
//   npx vite build --config scripts/bench-pdf/vite.config.ts
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: resolve(root, 'out/scripts/bench-pdf'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        bench: resolve(here, 'bench.ts'),
        'pdf-worker': resolve(root, 'src/main/pdf/pdf-worker.ts'),
      },
      output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/shared-[hash].mjs' },
    },
  },
})
