// Bundles the storage benchmark (bench.ts, the parent, and bench-worker.ts, which runs the
// REAL storage code) into out/scripts/bench-storage/*.mjs for plain Node 20. An SSR build
// keeps Node built-ins and node_modules packages external, as the app's own main build
// does, so the worker loads lowdb, zod and pdfkit the way the app does (same memory).
//
//   npx vite build --config scripts/bench-storage/vite.config.ts
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
    outDir: resolve(root, 'out/scripts/bench-storage'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        bench: resolve(here, 'bench.ts'),
        'bench-worker': resolve(here, 'bench-worker.ts'),
      },
      output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/shared-[hash].mjs' },
    },
  },
})
