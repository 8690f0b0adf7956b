/**
 * Import benchmark with the REAL code: the first 1,000 articles of the realistic article
 * set (generated text whose sentences never repeat, lengths log-normal around 800 words,
 * see scripts/shared/realistic-text.ts) as .txt files in a temp folder, or with --real,
 * 1,000 real files of this machine (man pages as text, Debian HTML documentation, PDFs;
 * see scripts/shared/real-files.ts), then, each in a fresh process:
 *
 *   session   NotebookSession.open(notebook, { fontsDir }, {}) + importPaths([folder]):
 *             the path `dossier import FOLDER` and the app's open dialog take today
 *             (collect, read, decode, draft, dedupe, then durable writes of body, original
 *             and catalog per article). Per-phase times come from timing the store's
 *             putBody / putOriginal / updateCatalog inside that same run; the rest is
 *             collect + read + decode + draft + hash + duplicate check. The event-loop delay
 *             during the batch says how long the process was unresponsive at worst.
 *   contents  the same through importContents (files dropped on the window), bytes read first.
 *   nosync    importPaths again with a FileWriter that renames atomically but never fsyncs
 *             (diagnostic only: how much of the time is waiting for the disk).
 *   extract   the new format extractor alone on the same files: readImportFile +
 *             extractDocument (src/main/import/extract.ts), plus the current core draft
 *             (draftArticleFromText) and sha256, i.e. the CPU work of one import without
 *             storage, and the today's decoder (decodeTextFile) for comparison.
 *
 *   npm run bench:import
 *   npm run bench:import -- --articles 1000 --seed 1 --corpus ../shared/corpus --keep
 *   npm run bench:import -- --real
 *
 * Goal: >= 100 articles/s through the session. Last line: `RESULT import_articles_per_s <n>`
 * (the session importPaths figure).
 */
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { draftArticleFromText } from '../../src/core/import-text'
import { decodeTextFile } from '../../src/main/import/decode-text'
import { extractDocument } from '../../src/main/import/extract'
import { readImportFile } from '../../src/main/import/file-checks'
import { NotebookSession } from '../../src/main/notebook-session'
import type { FileWriter } from '../../src/main/storage/durable-write'
import { describeSet, ensureArticleSet } from '../shared/article-set'
import { RealTextMissingError } from '../shared/man-pages'
import { linkOrCopy } from '../shared/notebook-files'
import { realFileSet } from '../shared/real-files'

const here = fileURLToPath(new URL('.', import.meta.url)) // out/scripts/bench-import
const root = resolve(here, '../../..')
const fontsDir = join(root, 'resources', 'fonts')
const GOAL = 100

interface Job {
  folder: string
  notebook: string
}

interface SessionResult {
  articles: number
  imported: number
  failed: string[]
  openMs: number
  importMs: number
  phases: Record<string, number>
  loopDelayP99Ms: number
  loopDelayMaxMs: number
}

interface ExtractResult {
  articles: number
  readMs: number
  extractMs: number
  draftMs: number
  hashMs: number
  legacyDecodeMs: number
  totalMs: number
  encodings: Record<string, number>
  flagged: number
}

const ms = (from: number) => performance.now() - from

// ---------------------------------------------------------------------------------------
// Children: one measurement each, in a fresh process.

async function timeStore(session: NotebookSession, phases: Record<string, number>): Promise<void> {
  const store = session.store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
  for (const method of ['putBody', 'putOriginal', 'updateCatalog']) {
    const original = store[method]!.bind(session.store)
    phases[method] = 0
    store[method] = async (...args: unknown[]) => {
      const start = performance.now()
      try {
        return await original(...args)
      } finally {
        phases[method]! += ms(start)
      }
    }
  }
}

/** Atomic (temp file + rename) but without fsync: for the diagnostic run only. */
const noSyncWriter: FileWriter = async (target, data) => {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`)
  await writeFile(temp, data)
  await rename(temp, target)
}

async function runSession(job: Job, mode: 'session' | 'contents' | 'nosync'): Promise<SessionResult> {
  const names = readdirSync(job.folder).sort()
  const contents = mode === 'contents' ? await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(job.folder, name))) }))) : []
  let start = performance.now()
  const session = await NotebookSession.open(job.notebook, { fontsDir }, mode === 'nosync' ? { writer: noSyncWriter } : {})
  const openMs = ms(start)
  const phases: Record<string, number> = {}
  await timeStore(session, phases)
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  start = performance.now()
  const report = mode === 'contents' ? await session.importContents(contents) : await session.importPaths([job.folder])
  const importMs = ms(start)
  loop.disable()
  const listed = session.listArticles().length
  await session.close()
  if (listed !== report.imported) throw new Error(`The notebook lists ${listed} articles after importing ${report.imported}.`)
  return {
    articles: names.length,
    imported: report.imported,
    failed: report.items.filter((i) => i.status !== 'imported').map((i) => `${i.source}: ${i.status} ${i.error?.message ?? ''}`),
    openMs,
    importMs,
    phases,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    loopDelayMaxMs: loop.max / 1e6,
  }
}

async function runExtract(job: Job): Promise<ExtractResult> {
  const paths = readdirSync(job.folder)
    .sort()
    .map((name) => join(job.folder, name))
  const result: ExtractResult = { articles: paths.length, readMs: 0, extractMs: 0, draftMs: 0, hashMs: 0, legacyDecodeMs: 0, totalMs: 0, encodings: {}, flagged: 0 }
  const started = performance.now()
  for (const path of paths) {
    let t = performance.now()
    const { name, bytes } = await readImportFile(path)
    result.readMs += ms(t)
    t = performance.now()
    const doc = await extractDocument(bytes, name)
    result.extractMs += ms(t)
    t = performance.now()
    const draft = draftArticleFromText(doc.text, name)
    result.draftMs += ms(t)
    t = performance.now()
    createHash('sha256').update(draft.text).digest('hex')
    result.hashMs += ms(t)
    result.encodings[doc.encoding ?? doc.format] = (result.encodings[doc.encoding ?? doc.format] ?? 0) + 1
    if (doc.flags.length > 0) result.flagged++
  }
  result.totalMs = ms(started)
  // Today's decoder on the same bytes, for comparison with extractDocument.
  const all = await Promise.all(paths.map(async (p) => ({ name: p, bytes: new Uint8Array(await readFile(p)) })))
  const t = performance.now()
  for (const { name, bytes } of all) decodeTextFile(bytes, name)
  result.legacyDecodeMs = ms(t)
  return result
}

// ---------------------------------------------------------------------------------------
// Parent

function runChild<T>(mode: string, job: Job): Promise<T> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, '--job', JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    child.on('error', fail)
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('CHILD '))
      if (code !== 0 || !line) fail(new Error(`The ${mode} run failed (exit ${code}).\n${out}`))
      else done(JSON.parse(line.slice('CHILD '.length)) as T)
    })
  })
}

const perSecond = (n: number, millis: number) => (n / millis) * 1000
const fmtMs = (millis: number) => (millis >= 1000 ? `${(millis / 1000).toFixed(2)} s` : `${millis.toFixed(0)} ms`)

async function parent(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      corpus: { type: 'string' },
      keep: { type: 'boolean', default: false },
      real: { type: 'boolean', default: false },
    },
  })
  const count = Number(values.articles)
  const seed = Number(values.seed)
  if (!Number.isInteger(count) || count < 1) throw new Error(`--articles must be a whole number >= 1, got ${values.articles}`)
  const corpus = resolve(root, values.corpus ?? '../shared/corpus')
  const work = mkdtempSync(join(tmpdir(), 'dossier-bench-import-'))
  const folder = join(work, 'articles')
  mkdirSync(folder)
  try {
    let start = performance.now()
    // A flat folder of the chosen files (linked), numbered so names never collide.
    let files: string[]
    if (values.real) {
      const set = await realFileSet(count, { what: 'bench:import --real', log: console.log })
      files = set.files
      console.log(`bench:import: ${count} real files: ${set.counts.txt} manual pages as text, ${set.counts.html} HTML pages, ${set.counts.pdf} PDFs`)
    } else {
      const set = await ensureArticleSet(count, { what: 'bench:import', seed, corpusDir: corpus, log: console.log })
      files = set.articles.map((a) => join(set.dir, a.file))
      console.log(`bench:import: ${count} realistic articles (seed ${seed}, ${set.dir}): ${describeSet(set.info)}`)
    }
    for (const [i, file] of files.entries()) await linkOrCopy(file, join(folder, `${String(i + 1).padStart(5, '0')}-${basename(file)}`))
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0)
    console.log(`  ${(bytes / 1024 / 1024).toFixed(1)} MB in all, ready in ${fmtMs(ms(start))} in ${folder}`)
    console.log(`  machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)} (other work running at the same time slows every figure below)`)

    start = performance.now()
    const session = await runChild<SessionResult>('session', { folder, notebook: join(work, 'notebook-paths') })
    const contents = await runChild<SessionResult>('contents', { folder, notebook: join(work, 'notebook-contents') })
    const nosync = await runChild<SessionResult>('nosync', { folder, notebook: join(work, 'notebook-nosync') })
    const extract = await runChild<ExtractResult>('extract', { folder, notebook: '' })

    // Real files may hold the same text twice or no text (a scanned PDF): those are not imported.
    const expected = values.real ? session.imported : count
    for (const [label, r] of [
      ['session.importPaths (CLI, open dialog)', session],
      ['session.importContents (drag and drop)', contents],
      ['diagnostic: session.importPaths with a writer that never fsyncs (NOT the app)', nosync],
    ] as const) {
      if (r.imported !== expected) throw new Error(`${label}: imported ${r.imported} of ${count}:\n${r.failed.slice(0, 5).join('\n')}`)
      if (r.imported < count) console.log(`\n${label}: ${count - r.imported} files not imported, e.g. ${r.failed.slice(0, 3).join('; ')}`)
      // Body and original writes overlap (up to 16 in flight), so their summed durations
      // exceed wall time: they are shown as busy time, not subtracted from the total.
      console.log(`\n${label}: ${r.imported} imported in ${fmtMs(r.importMs)} → ${perSecond(r.imported, r.importMs).toFixed(0)} articles/s (notebook open ${fmtMs(r.openMs)})`)
      console.log(
        `  write busy time, summed over overlapping writes: putBody ${fmtMs(r.phases.putBody ?? 0)} | putOriginal ${fmtMs(r.phases.putOriginal ?? 0)} | ` +
          `updateCatalog (once per batch) ${fmtMs(r.phases.updateCatalog ?? 0)}`,
      )
      console.log(`  per article: ${(r.importMs / r.imported).toFixed(2)} ms of wall time`)
      console.log(`  event-loop delay during the batch: p99 ${r.loopDelayP99Ms.toFixed(1)} ms, max ${r.loopDelayMaxMs.toFixed(1)} ms`)
    }

    const cpu = extract.readMs + extract.extractMs + extract.draftMs + extract.hashMs
    console.log(`\nextractDocument alone (readImportFile + extractDocument, same ${extract.articles} files): ${fmtMs(extract.readMs + extract.extractMs)} → ${perSecond(extract.articles, extract.readMs + extract.extractMs).toFixed(0)} articles/s`)
    console.log(`  per phase: read ${fmtMs(extract.readMs)} | extract ${fmtMs(extract.extractMs)} | + core draft ${fmtMs(extract.draftMs)} | + sha256 ${fmtMs(extract.hashMs)}`)
    console.log(`  read + extract + draft + hash (an import without storage): ${perSecond(extract.articles, cpu).toFixed(0)} articles/s`)
    console.log(`  today's decodeTextFile on the same bytes: ${fmtMs(extract.legacyDecodeMs)} (extractDocument: ${fmtMs(extract.extractMs)})`)
    console.log(`  encodings: ${JSON.stringify(extract.encodings)}; documents with flags: ${extract.flagged}`)

    const rate = perSecond(session.imported, session.importMs)
    console.log(`\nload average at the end: ${loadavg()[0]!.toFixed(2)}`)
    console.log(`goal >= ${GOAL} articles/s through the session: ${rate >= GOAL ? 'PASS' : 'FAIL'} (${rate.toFixed(0)}); total bench time ${fmtMs(ms(start))}`)
    console.log(`RESULT import_articles_per_s ${rate.toFixed(0)}`)
  } finally {
    if (values.keep) console.error(`kept ${work}`)
    else rmSync(work, { recursive: true, force: true })
  }
}

async function child(mode: string, job: Job): Promise<void> {
  const result = mode === 'extract' ? await runExtract(job) : await runSession(job, mode === 'contents' || mode === 'nosync' ? mode : 'session')
  console.log(`CHILD ${JSON.stringify(result)}`)
}

const childIndex = process.argv.indexOf('--child')
if (childIndex !== -1) {
  const jobIndex = process.argv.indexOf('--job')
  await child(process.argv[childIndex + 1]!, JSON.parse(process.argv[jobIndex + 1]!) as Job)
} else {
  await parent().catch((error: unknown) => {
    if (!(error instanceof RealTextMissingError)) throw error
    console.error(error.message)
    process.exit(2)
  })
}
