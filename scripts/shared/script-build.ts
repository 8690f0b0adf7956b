// The vite config every script under scripts/<name>/ builds with: an SSR build of its
// entries (and the REAL src/ code they import) into out/scripts/<name>/*.mjs for plain
// Node 20, which cannot run .ts. An SSR build keeps Node built-ins and node_modules
// packages external, as the app's own main build does, unless `extra` says otherwise.
//
//   // scripts/<name>/vite.config.ts
//   export default scriptBuildConfig('bench-pdf', { bench: 'bench.ts', 'pdf-worker': '../../src/main/pdf/pdf-worker.ts' })
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, mergeConfig, type UserConfig } from 'vite'

/** The project root (scripts/shared/../..). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * `name` is the script's folder under scripts/ and its output folder under out/scripts/.
 * `entries` maps each output name (`<entry>.mjs`) to its source file, relative to
 * scripts/<name>/ (or absolute). `extra` is merged over the result
 * (vite's mergeConfig), e.g. `{ ssr: { noExternal: true } }` or resolve aliases.
 */
export function scriptBuildConfig(name: string, entries: Record<string, string>, extra: UserConfig = {}): UserConfig {
  const here = resolve(projectRoot, 'scripts', name)
  const input = Object.fromEntries(Object.entries(entries).map(([out, source]) => [out, resolve(here, source)]))
  const base = defineConfig({
    root: projectRoot,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir: resolve(projectRoot, 'out/scripts', name),
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      rolldownOptions: {
        input,
        output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/shared-[hash].mjs' },
      },
    },
  })
  return mergeConfig(base, extra)
}
