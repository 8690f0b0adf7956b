/**
 * The import part's control: a disk that acknowledges catalog saves before making them.
 * Preloaded into the BUILT CLI (`node --import lying-disk.mjs out/main/cli.js ...`), it
 * replaces fs.promises.rename so that renaming a temp file over an existing `catalog.json`
 * resolves at once and happens LAG_MS later. The CLI's code is unchanged: it still prints each
 * `imported` line after its step's catalog write resolved, but that write now resolves
 * before the catalog on disk holds the step, which is exactly the bug the import part must
 * catch ("imported" printed for files a kill then loses). A write-back cache that lies
 * about durability looks the same to the application.
 */
import { existsSync } from 'node:fs'
import type * as FsPromises from 'node:fs/promises'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { basename } from 'node:path'

const LAG_MS = 1_500
const require = createRequire(import.meta.url)
const fsp = require('node:fs/promises') as typeof FsPromises
const realRename = fsp.rename

fsp.rename = (from, to) => {
  // Only updates lie: the catalog's creation stays honest (the notebook is made as usual).
  if (basename(String(to)) !== 'catalog.json' || !existsSync(to)) return realRename(from, to)
  setTimeout(() => void realRename(from, to).catch(() => undefined), LAG_MS)
  return Promise.resolve()
}
// The CLI bundle imports `rename` by name from node:fs/promises: update those bindings too.
syncBuiltinESMExports()
