/**
 * Where a built worker script is: worker entries are built next to the main process
 * (electron.vite.config.ts: out/main/pdf-worker.js, out/main/extract-worker.js), and a
 * bundler may put the module that starts them in a chunks/ subfolder, so the script is
 * looked for beside the calling bundle and one folder up.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The built `fileName` beside `from` (the caller's import.meta.url) or one folder up; throws, naming the file, if neither exists. */
export function findBuiltWorker(fileName: string, from: string, what: string): URL {
  const candidates = [new URL(`./${fileName}`, from), new URL(`../${fileName}`, from)]
  const found = candidates.find((url) => url.protocol === 'file:' && existsSync(fileURLToPath(url)))
  if (!found) throw new Error(`The ${what} (${fileName}) was not found next to ${fileURLToPath(from)}; is it part of the build?`)
  return found
}
