/**
 * The project root at run time, for scripts that read the project's files (sources to
 * hash, fonts): the nearest folder above this module holding Dossier's package.json. It
 * works from the sources (tests) and from a bundle in out/scripts/<name>/ alike.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'dossier') return dir
    if (dirname(dir) === dir) throw new Error(`no Dossier package.json above ${from}`)
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)))
