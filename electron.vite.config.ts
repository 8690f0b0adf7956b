import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * In `npm run dev` only, Vite injects inline scripts and <style> tags and talks to its
 * server over a websocket, which the app's CSP forbids. Relax the meta tag for the dev
 * server; the built app (and every test) keeps the strict policy.
 */
function devServerCsp(): Plugin {
  return {
    name: 'dossier-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
    },
  }
}

export default defineConfig({
  main: {
    build: {
      // Bundled rather than loaded from node_modules: chrono-node is 268 modules and zod 99,
      // and each CLI command is a fresh process (loading them file by file: 160 ms and 60 ms
      // of a command's start). Other dependencies stay external.
      externalizeDeps: { exclude: ['chrono-node', 'zod'] },
      // The CLI is built beside the main process: same core and storage, no Electron.
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/cli/index.ts'),
          // PDF layout runs in a worker thread so the app stays responsive while it renders.
          'pdf-worker': resolve('src/main/pdf/pdf-worker.ts'),
          // Every imported file is read in a worker thread, under limits (src/main/import/extract-in-worker.ts).
          'extract-worker': resolve('src/main/import/extract-worker.ts'),
          // The search and mention indexes are built in worker threads (src/main/search/build-in-worker.ts).
          'index-worker': resolve('src/main/search/index-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads must be CommonJS; with "type": "module" the default would be ESM.
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react(), devServerCsp()],
  },
})
