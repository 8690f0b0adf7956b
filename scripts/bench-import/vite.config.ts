// Bundles the import benchmark (bench.ts) into out/scripts/bench-import/bench.mjs for plain
// Node 20, the way scripts/bench-storage does: an SSR build keeps Node built-ins and
// node_modules packages external, as the app's own main build does, so the REAL session
// and extractor code load their libraries (pdfjs, linkedom, chardet, …) as the app does.
//
//   npx vite build --config scripts/bench-import/vite.config.ts
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
    outDir: resolve(root, 'out/scripts/bench-import'),
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
