// Builds the bench page (page/index.html + page/main.tsx, which mounts the REAL
// TimelineChart from src/renderer) into out/scripts/bench-timeline-page/, served to Chromium
// by bench.ts. A browser build, unlike the Node builds of scripts/shared/script-build.ts.
//
//   npx vite build --config scripts/bench-timeline/vite.page.config.ts
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { projectRoot } from '../shared/script-build.ts'

export default defineConfig({
  root: resolve(projectRoot, 'scripts/bench-timeline/page'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: resolve(projectRoot, 'out/scripts/bench-timeline-page'),
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
  },
})
