// Bundles the search benchmark (bench.ts) with the REAL search code from src/core/search
// into out/scripts/bench-search/bench.mjs for plain Node 20 (Node cannot run .ts). An SSR
// build keeps node_modules (minisearch, zod) external, loaded as the app loads them.
//
//   npx vite build --config scripts/bench-search/vite.config.ts
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
    outDir: resolve(root, 'out/scripts/bench-search'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: { bench: resolve(here, 'bench.ts') },
      output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/shared-[hash].mjs' },
    },
  },
})
