/**
 * Where a built worker script is: worker entries are built next to the main process
 * (electron.vite.config.ts: out/main/pdf-worker.js, out/main/extract-worker.js; the
 * script bundles under scripts/ write .mjs), and a bundler may put the module that starts
 * them in a chunks/ subfolder, so the script is looked for beside the calling bundle and
 * one folder up, as .js or .mjs.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The built `<entry>.js` (or .mjs) beside `from` (the caller's import.meta.url) or one folder up; throws, naming it, if there is none. */
export function findBuiltWorker(entry: string, from: string, what: string): URL {
  const candidates = ['./', '../'].flatMap((dir) => ['.js', '.mjs'].map((ext) => new URL(`${dir}${entry}${ext}`, from)))
  const found = candidates.find((url) => url.protocol === 'file:' && existsSync(fileURLToPath(url)))
  if (!found) throw new Error(`The ${what} (${entry}.js) was not found next to ${fileURLToPath(from)}; is it part of the build?`)
  return found
}
