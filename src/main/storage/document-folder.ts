/**
 * A folder of the notebook holding one JSON document per file, `<notebook>/<folder>/<id>.json`
 * (stored briefings, ACH matrices). One set of rules for all of them:
 *
 * - Every read is validated (the kind's `parse`). A file that cannot be read or fails the
 *   schema is never written over: the list skips it (and logs why), opening it says it is
 *   damaged, and saving to its id is refused, so the analyst's work in it can still be
 *   recovered by hand or from a backup.
 * - Writes are durable (temp file, fsync, rename, directory fsync: writeFileDurably, as the
 *   notebook store writes) and run one at a time per folder.
 * - A read-only notebook refuses every change with the store's own read-only error.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { DossierError, isDossierError } from '../../core/result'
import { syncDirectory, writeFileDurably } from './durable-write'
import type { NotebookStore } from './notebook-store'
import { assertWritable } from './read-only'

/** What differs between the kinds of stored documents. */
export interface DocumentKind<Id extends string, Doc extends { id: Id }> {
  /** The folder inside the notebook ('briefings'). */
  folder: string
  /** What one is called in messages ('briefing', 'ACH matrix'). */
  noun: string
  /** How its ids look, for the refusal of a bad one ('b-…'). */
  idHint: string
  /** The file names that are documents; group 1 is the id. */
  fileName: RegExp
  /** Checks an id; throws (any error) when it is not one. */
  parseId: (value: string) => Id
  /** Validates stored data; throws DossierError('bad-request') naming the problem. */
  parse: (value: unknown) => Doc
  /** How a document is named when saving it fails ('the briefing "Weekly"'). */
  describe: (doc: Doc) => string
}

export type Loaded<Doc> = { ok: true; doc: Doc } | { ok: false; reason: string } | { ok: false; missing: true }

/** Writes per folder, one at a time. */
const queues = new Map<string, Promise<unknown>>()

export class DocumentFolder<Id extends string, Doc extends { id: Id }> {
  constructor(
    readonly store: NotebookStore,
    readonly kind: DocumentKind<Id, Doc>,
  ) {}

  get path(): string {
    return join(this.store.dir, this.kind.folder)
  }

  fileOf(id: Id): string {
    return join(this.path, `${id}.json`)
  }

  /** The id as a safe file name; anything else (a path, say) is a bad request. */
  checkId(id: string): Id {
    try {
      return this.kind.parseId(id)
    } catch {
      throw new DossierError('bad-request', `"${id}" is not ${article(this.kind.noun)} id (${this.kind.idHint}).`)
    }
  }

  async load(id: Id): Promise<Loaded<Doc>> {
    let raw: string
    try {
      raw = await readFile(this.fileOf(id), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true }
      return { ok: false, reason: `cannot be read (${(error as Error).message})` }
    }
    if (raw.trim() === '') return { ok: false, reason: 'is empty' }
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch (error) {
      return { ok: false, reason: `is not valid JSON (${(error as Error).message})` }
    }
    try {
      const doc = this.kind.parse(json)
      if (doc.id !== id) return { ok: false, reason: `holds ${this.kind.noun} ${doc.id}, not ${id}` }
      return { ok: true, doc }
    } catch (error) {
      if (isDossierError(error)) return { ok: false, reason: error.message }
      throw error
    }
  }

  damaged(id: Id, reason: string): DossierError {
    return new DossierError(
      'notebook-unreadable',
      `The stored ${this.kind.noun} ${this.kind.folder}/${id}.json is damaged (${reason.replace(/\.$/, '')}); it was left as it is. Restore it from a backup, or move it out of the folder.`,
    )
  }

  notFound(id: Id): DossierError {
    return new DossierError('not-found', `There is no ${this.kind.noun} with id ${id} in this notebook.`)
  }

  /** Every readable document (damaged ones are skipped with a warning, never rewritten). */
  async list(): Promise<Doc[]> {
    const names = await readdir(this.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[]
      throw new DossierError('notebook-unreadable', `Cannot list the stored ${this.kind.folder} (${error.message}).`)
    })
    const docs: Doc[] = []
    for (const name of names) {
      const m = this.kind.fileName.exec(name)
      if (!m) continue
      const id = m[1] as Id
      const loaded = await this.load(id)
      if (loaded.ok) docs.push(loaded.doc)
      else if ('reason' in loaded) console.warn(`Skipping a damaged ${this.kind.noun}: ${this.damaged(id, loaded.reason).message}`)
    }
    return docs
  }

  async get(rawId: string): Promise<Doc> {
    const id = this.checkId(rawId)
    const loaded = await this.load(id)
    if (loaded.ok) return loaded.doc
    if ('reason' in loaded) throw this.damaged(id, loaded.reason)
    throw this.notFound(id)
  }

  /** Creates a document under a fresh id (`make` builds it for an id; `nextId` draws one). */
  async create(nextId: () => Id, make: (id: Id) => Doc): Promise<Doc> {
    assertWritable(this.store)
    return this.serialised(async () => {
      let id: Id
      do {
        id = nextId()
      } while (!('missing' in (await this.load(id))))
      const doc = make(id)
      await this.write(doc)
      return doc
    })
  }

  /**
   * Stores `value` after `prepare` (validate, stamp) under its id; an unknown id is
   * created (undo of a delete saves the deleted document back). Refused when the stored
   * file is damaged: it is never written over.
   */
  async save(value: Doc, prepare: (doc: Doc) => Doc): Promise<Doc> {
    const id = this.checkId(value.id)
    assertWritable(this.store)
    return this.serialised(async () => {
      const current = await this.load(id)
      if (!current.ok && 'reason' in current) throw this.damaged(id, current.reason)
      const stored = prepare(value)
      await this.write(stored)
      return stored
    })
  }

  async delete(rawId: string): Promise<void> {
    const id = this.checkId(rawId)
    assertWritable(this.store)
    await this.serialised(async () => {
      try {
        await rm(this.fileOf(id))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw this.notFound(id)
        throw new DossierError('write-failed', `Could not delete the ${this.kind.noun} ${id} (${(error as Error).message}); it is still there.`)
      }
      await syncDirectory(this.path).catch(() => undefined)
    })
  }

  private async write(doc: Doc): Promise<void> {
    try {
      await mkdir(this.path, { recursive: true })
      await writeFileDurably(this.fileOf(doc.id), `${JSON.stringify(doc, null, 1)}\n`)
    } catch (error) {
      throw new DossierError('write-failed', `Could not save ${this.kind.describe(doc)} (${(error as Error).message}); nothing was changed.`)
    }
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = (queues.get(this.path) ?? Promise.resolve()).then(work)
    queues.set(
      this.path,
      run.catch(() => undefined),
    )
    return run
  }
}

function article(noun: string): string {
  return /^[aeiouAEIOU]/.test(noun) ? `an ${noun}` : `a ${noun}`
}
