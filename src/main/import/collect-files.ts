/**
 * Expands the paths a user gave (files and folders, folders recursively) into the
 * files to import, reporting each path that yields nothing with a specific reason.
 */
import { readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { ImportItem } from '../../core/api'

export const IMPORTABLE_EXTENSIONS = ['.txt'] as const

export function isImportable(path: string): boolean {
  return (IMPORTABLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())
}

export async function collectImportFiles(paths: readonly string[]): Promise<{ files: string[]; problems: ImportItem[] }> {
  const files: string[] = []
  const problems: ImportItem[] = []
  for (const path of paths) {
    const info = await stat(path).catch((e: NodeJS.ErrnoException) => e)
    if (info instanceof Error) {
      const missing = info.code === 'ENOENT' || info.code === 'ENOTDIR'
      problems.push({
        source: path,
        status: 'failed',
        error: missing
          ? { code: 'not-found', message: `No such file or folder: ${path}` }
          : { code: 'unreadable', message: `Cannot read ${path} (${info.code ?? info.message}).` },
      })
      continue
    }
    if (info.isDirectory()) {
      const found = await walk(path)
      if (found.length === 0) {
        problems.push({
          source: path,
          status: 'failed',
          error: { code: 'no-importable-files', message: `The folder ${path} holds no ${IMPORTABLE_EXTENSIONS.join(' or ')} files to import.` },
        })
      }
      files.push(...found)
    } else {
      // A file named explicitly is attempted even with an unsupported extension, so the
      // user hears why it was refused instead of it silently vanishing.
      files.push(path)
    }
  }
  return { files, problems }
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const found: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue
    const full = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await walk(full)))
    else if (entry.isFile() && isImportable(entry.name)) found.push(full)
  }
  return found
}
