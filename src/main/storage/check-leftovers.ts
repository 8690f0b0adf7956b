/**
 * `dossier check` (check-notebook.ts), part 5: what no record refers to.
 * - Temp files of saves that did not finish: removed by `repair` (they are unfinished
 *   copies; the files they were saving are intact). Those of a live process are left alone.
 * - Damaged files moved aside (`NAME.corrupt-<timestamp>`): kept for the user, listed as
 *   kept, not as problems (a repair that keeps one must leave a notebook that checks clean).
 * - Bodies, originals and analysis files no article (in the catalog or the trash) refers
 *   to, as an import killed mid-step leaves: moved to lost+found/ by `repair`.
 */
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Catalog } from '../../core/model'
import type { CheckRun } from './check-run'
import { TEMP_FILE } from './file-formats'
import { ANALYSIS_DIR, BODIES_DIR, ORIGINALS_DIR, TRASH_DIR, WRITTEN_DIRS } from './layout'
import { isProcessAlive } from './notebook-lock'
import { lostAndFoundPath, moveTo } from './safe-moves'

/** Damaged files the store (or a repair) moved aside. */
const CORRUPT_FILE = /\.corrupt-[^/]*$/

export async function checkLeftovers(run: CheckRun): Promise<void> {
  for (const sub of WRITTEN_DIRS) {
    const names = (await readdir(join(run.dir, sub)).catch(() => [] as string[])).sort()
    for (const name of names) {
      const file = sub ? `${sub}/${name}` : name
      const temp = TEMP_FILE.exec(name)
      if (temp) {
        const pid = Number(temp[1])
        // A save (or a cache write) in progress: the app's own, or another live process's.
        if ((run.lockHeld && pid === process.pid) || (pid !== process.pid && isProcessAlive(pid))) continue
        await run.found(file, `${file} is a temporary file left by a save that did not finish.`, {
          will: 'Remove it: it is an unfinished copy, and the file it was saving is intact.',
          did: 'Removed it.',
          run: () => rm(join(run.dir, file), { force: true }),
        })
      } else if (CORRUPT_FILE.test(name)) {
        run.kept.push({ file, message: `${file} is a damaged file that was moved aside when it could not be read; it is kept in case it holds changes the restored file lacks. Delete it once you no longer need it.` })
      }
    }
  }
}

/** Content and analysis files that no article of the catalog or the trash refers to. */
export async function checkUnreferenced(run: CheckRun, catalog: Catalog): Promise<void> {
  const bodies = new Set<string>()
  const originals = new Set<string>()
  const refer = (a: { bodyHash: string; source: { originalFile: string } }) => {
    bodies.add(a.bodyHash)
    originals.add(a.source.originalFile)
  }
  catalog.articles.forEach(refer)
  for (const name of await readdir(join(run.dir, TRASH_DIR)).catch(() => [] as string[])) {
    try {
      const trashed = JSON.parse(await readFile(join(run.dir, TRASH_DIR, name), 'utf8')) as { article?: { bodyHash?: unknown; source?: { originalFile?: unknown } } }
      const a = trashed.article
      if (typeof a?.bodyHash === 'string' && typeof a.source?.originalFile === 'string') refer({ bodyHash: a.bodyHash, source: { originalFile: a.source.originalFile } })
    } catch {
      // An unreadable trash file refers to nothing we can tell; its content files then show as unreferenced, which says so.
    }
  }
  const folders: [string, (name: string) => boolean][] = [
    [BODIES_DIR, (name) => bodies.has(name.replace(/\.txt$/, ''))],
    [ORIGINALS_DIR, (name) => originals.has(`${ORIGINALS_DIR}/${name}`)],
    [ANALYSIS_DIR, (name) => bodies.has(name.replace(/\.json$/, ''))],
  ]
  for (const [sub, referenced] of folders) {
    const names = (await readdir(join(run.dir, sub)).catch(() => [] as string[])).filter((n) => !TEMP_FILE.test(n) && !CORRUPT_FILE.test(n)).sort()
    for (const name of names) {
      if (referenced(name)) continue
      const file = `${sub}/${name}`
      const target = await lostAndFoundPath(run.dir, file)
      await run.found(file, `${file} belongs to no article (left by an import that was interrupted, or one still running).`, {
        will: `Move it to ${target}.`,
        did: `Moved it to ${target}.`,
        run: () => moveTo(run.dir, file, target),
      })
    }
  }
}
