/**
 * Expands the paths a user gave (files and folders, folders recursively) into the
 * files to import, reporting each path that yields nothing with a specific reason, and
 * each file a folder walk leaves out as `skipped` with why.
 *
 * `extensions` says which files a folder walk picks up: by default every format
 * extractDocument reads (SUPPORTED_EXTENSIONS from ./formats).
 */
import { readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { ImportItem } from '../../core/api'
import { SUPPORTED_EXTENSIONS } from './formats'

export const IMPORTABLE_EXTENSIONS: readonly string[] = SUPPORTED_EXTENSIONS

export function isImportable(path: string, extensions: readonly string[] = IMPORTABLE_EXTENSIONS): boolean {
  return extensions.includes(extname(path).toLowerCase())
}

export async function collectImportFiles(
  paths: readonly string[],
  extensions: readonly string[] = IMPORTABLE_EXTENSIONS,
): Promise<{ files: string[]; problems: ImportItem[] }> {
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
      const found = await walk(path, extensions, problems)
      if (found.length === 0 && !problems.some((p) => p.source === path && p.status === 'failed')) {
        problems.push({
          source: path,
          status: 'failed',
          error: { code: 'no-importable-files', message: `The folder ${path} holds no ${listExtensions(extensions)} files to import.` },
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

function listExtensions(extensions: readonly string[]): string {
  return extensions.length <= 1 ? extensions.join('') : `${extensions.slice(0, -1).join(', ')} or ${extensions[extensions.length - 1]}`
}

/**
 * Files that describe a folder rather than being an article in it (a README beside the
 * articles, a licence). A folder import skips them; naming one explicitly imports it.
 */
const FOLDER_DOCUMENTATION = /^(readme|licen[cs]e|changelog|copying)(\.[a-z]+)?$/i

/**
 * Files in `dir` and below, sorted by name. What the walk leaves out is reported as a
 * `skipped` item with its reason (a hidden file or folder, the folder's README, a format
 * Dossier does not read), and a folder that cannot be listed as `failed`: nothing is left
 * out silently.
 */
async function walk(dir: string, extensions: readonly string[], problems: ImportItem[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    problems.push({ source: dir, status: 'failed', error: { code: 'unreadable', message: `Cannot read the folder ${dir} (${e.code ?? e.message}).` } })
    return []
  })
  const found: string[] = []
  const skip = (source: string, reason: string) => void problems.push({ source, status: 'skipped', reason })
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name)
    if (entry.name.startsWith('.')) skip(full, entry.isDirectory() ? 'hidden folder, not searched' : 'hidden file')
    else if (entry.isDirectory()) found.push(...(await walk(full, extensions, problems)))
    else if (!entry.isFile()) skip(full, 'not a regular file')
    else if (FOLDER_DOCUMENTATION.test(entry.name)) skip(full, 'describes the folder (README, licence or changelog); import it by name to keep it')
    else if (isImportable(entry.name, extensions)) found.push(full)
    else skip(full, `not a format Dossier imports (${extname(entry.name).toLowerCase() || 'no extension'}; it reads ${listExtensions(extensions)})`)
  }
  return found
}
