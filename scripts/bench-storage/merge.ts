/**
 * bench:storage's 'merge' generator: batch notebooks (built through the session API) are
 * combined into one by combining JSON files of the same path and linking the
 * content-addressed files. It knows no file of the layout by name (except what is not
 * notebook content), so it keeps working when the layout changes; a layout it cannot
 * merge is an error, and the benchmark then builds the notebook save by save instead.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { CONTENT_ADDRESSED, linkOrCopy, walk } from '../shared/notebook-files'

/**
 * Not part of a notebook's contents: the writer lock, backups, temp and quarantined
 * files, and the derived highlight-count cache (rebuilt when the merged notebook is
 * first opened and closed).
 */
const skipped = (rel: string): boolean => {
  const name = basename(rel)
  return name === '.lock' || name === 'highlight-counts.json' || rel.split(/[\\/]/)[0] === 'backups' || name.endsWith('.tmp') || name.includes('.corrupt-')
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v)
const idOf = (v: Json): string | null => (isObject(v) && typeof v.id === 'string' ? v.id : null)

/**
 * Combines the same JSON file from several batch notebooks: record arrays are concatenated
 * (a record whose id is already there, like a default tag, is kept once if it is identical;
 * the same id on different records is an error); objects are merged key by key; other
 * values must agree, except timestamps, where the first is kept.
 */
function mergeJson(values: Json[], file: string, path = ''): Json {
  const first = values[0]!
  if (values.length === 1) return first
  if (values.every(Array.isArray)) {
    const merged: Json[] = []
    const byId = new Map<string, Json>()
    for (const v of (values as Json[][]).flat()) {
      const id = idOf(v)
      if (id !== null && byId.has(id)) {
        if (JSON.stringify(byId.get(id)) !== JSON.stringify(v)) throw new Error(`${file}${path}: two different records share the id ${id}`)
        continue
      }
      if (id !== null) byId.set(id, v)
      merged.push(v)
    }
    return merged
  }
  if (values.every(isObject)) {
    const keys = [...new Set(values.flatMap((v) => Object.keys(v as object)))]
    return Object.fromEntries(
      keys.map((key) => [
        key,
        mergeJson(
          values.filter((v) => key in (v as object)).map((v) => (v as { [key: string]: Json })[key]!),
          file,
          `${path}.${key}`,
        ),
      ]),
    )
  }
  const text = JSON.stringify(first)
  if (values.every((v) => JSON.stringify(v) === text)) return first
  if (values.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v))) return first
  throw new Error(`${file}${path}: batches disagree (${text.slice(0, 60)} vs ${JSON.stringify(values.find((v) => JSON.stringify(v) !== text)).slice(0, 60)}); the layout is not one the merge understands`)
}

export async function mergeBatches(batchDirs: string[], target: string): Promise<void> {
  const docs = new Map<string, Json[]>()
  for (const dir of batchDirs) {
    for (const rel of await walk(dir)) {
      if (skipped(rel)) continue
      if (CONTENT_ADDRESSED.test(basename(rel))) {
        if (!existsSync(join(target, rel))) await linkOrCopy(join(dir, rel), join(target, rel))
      } else if (rel.endsWith('.json')) {
        const value = JSON.parse(await readFile(join(dir, rel), 'utf8')) as Json
        docs.set(rel, [...(docs.get(rel) ?? []), value])
      } else {
        throw new Error(`${rel}: neither JSON nor content-addressed; the layout is not one the merge understands`)
      }
    }
  }
  for (const [rel, values] of docs) {
    await mkdir(dirname(join(target, rel)), { recursive: true })
    await writeFile(join(target, rel), JSON.stringify(mergeJson(values, rel), null, 1))
  }
}
