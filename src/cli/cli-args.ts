/**
 * What several commands read from their arguments the same way: repeatable options, tags
 * named by name or id, and text given inline or in a file.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { TagId } from '../core/ids'
import type { Tag } from '../core/model'
import { DossierError } from '../core/result'
import { normaliseText } from '../core/text'
import type { NotebookSession } from '../main/notebook-session'

/** commander's way to collect a repeatable option (`--tag A --tag B`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value]
}

/**
 * The tag a command names: by its id (`t-…`) when a tag has that id, else by name (ignoring
 * case, as everywhere in the CLI). An unknown name is an `unknown-tag` error listing the tags.
 */
export function tagNamed(session: NotebookSession, nameOrId: string): Tag {
  const tags = session.listTags()
  const byId = tags.find((t) => t.id === nameOrId.trim())
  if (byId) return byId
  const [id] = session.tagIdsByName([nameOrId])
  return tags.find((t) => t.id === id)!
}

/** The ids of the named tags, in the order given (each by name or id, see `tagNamed`). */
export function tagIdsNamed(session: NotebookSession, namesOrIds: readonly string[]): TagId[] {
  return namesOrIds.map((n) => tagNamed(session, n).id)
}

/**
 * Text for a long field (key judgments, a section note) read from a file, relative to
 * the current folder: UTF-8, normalised as stored texts are (normaliseText: byte-order
 * mark dropped, CRLF/CR line ends made LF, NFC). A file that cannot be read is a `not-found` or
 * `unreadable` error naming it; nothing is changed.
 */
export async function readTextArgument(cwd: string, file: string, what: string): Promise<string> {
  const path = resolve(cwd, file)
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new DossierError('not-found', `Cannot read ${what}: there is no file ${path}.`)
    throw new DossierError('unreadable', `Cannot read ${what} from ${path} (${code === 'EISDIR' ? 'it is a folder' : (error as Error).message}).`)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new DossierError('not-text', `Cannot read ${what} from ${path}: it is not UTF-8 text.`)
  }
  return normaliseText(text)
}
