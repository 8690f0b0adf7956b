// Builds the bench page (page/index.html + page/main.tsx, which mounts the REAL
// PassagesTable from src/renderer) into out/scripts/bench-analysis-page/, served to
// Chromium by bench.ts.
//
//   npx vite build --config scripts/bench-analysis/vite.page.config.ts
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { projectRoot } from '../shared/script-build.ts'

export default defineConfig({
  root: resolve(projectRoot, 'scripts/bench-analysis/page'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: resolve(projectRoot, 'out/scripts/bench-analysis-page'),
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
  },
})
