/**
 * bench:cli's notebook: built once per machine and per version of the code, through the
 * public paths only, and cached under os.tmpdir():
 *
 *   1. the BUILT CLI, `node out/main/cli.js --notebook DIR import FILE...`, 500 files a
 *      call (each call timed: it shows how import scales as the notebook grows);
 *   2. the worker's `highlights` job: tags and ~2 highlights per article through
 *      NotebookSession (a writer that skips fsync, then one `sync`);
 *   3. the worker's `verify` job: the notebook opens and lists what was put in.
 *
 * The cache key covers the app's main-process, CLI and core code (src/ without the
 * renderer, preload and tests), this builder, the worker and the article set, so a change
 * to storage, import or the CLI builds the notebook again in the new layout.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { ImportReport } from '../../src/core/api'
import { timeProcess } from '../shared/process-timing'
import { projectRoot } from '../shared/project-root'
import { runWorker } from '../shared/worker-run'
import type { HighlightsResult, VerifyResult } from './worker'

/** Bump when built notebooks change for reasons the hashed sources do not show. */
const BUILD_VERSION = 1

export interface ImportBatch {
  files: number
  imported: number
  duplicates: number
  failed: number
  wallS: number
  maxRssMB: number
}

export interface BuildInfo {
  mode: string
  size: number
  articles: number
  highlights: number
  tags: number
  batches: ImportBatch[]
  highlightS: number
  totalS: number
  failures: string[]
  /** Files on which `dossier import` failed with an internal error (a defect), left out. */
  crashed: string[]
  createdAt: string
}

export interface BuildOptions {
  /** 'generated' or 'real': part of the folder name. */
  mode: string
  files: readonly string[]
  /** Identifies the input files (an article set's key). */
  inputKey: string
  cacheDir: string
  cli: string
  worker: string
  fontsDir: string
  seed: number
  importBatch: number
  regenerate: boolean
  log: (line: string) => void
}

function sourcesHash(extra: string): string {
  const hash = createHash('sha256').update(`build ${BUILD_VERSION} ${extra}\n`)
  const files: string[] = []
  const collect = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      const rel = relative(projectRoot, full)
      if (entry.isDirectory()) {
        if (!/^src[\\/](renderer|preload|main[\\/]electron)$/.test(rel) && entry.name !== 'fixtures') collect(full)
      } else if (/\.(ts|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) files.push(full)
    }
  }
  collect(join(projectRoot, 'src'))
  files.push(join(projectRoot, 'scripts/bench-cli/notebook.ts'), join(projectRoot, 'scripts/bench-cli/worker.ts'))
  for (const file of files.sort()) hash.update(relative(projectRoot, file)).update(readFileSync(file))
  return hash.digest('hex').slice(0, 12)
}

const fmt = (s: number): string => (s < 90 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`)

/** The cached notebook's folder (built now unless cached). */
export async function ensureNotebook(options: BuildOptions): Promise<{ dir: string; info: BuildInfo }> {
  const { mode, files, cacheDir, log } = options
  const size = files.length
  const key = sourcesHash(`${mode} ${size} ${options.inputKey} batch ${options.importBatch} seed ${options.seed}`)
  const prefix = `cli-${mode}-n${size}-`
  const dir = join(cacheDir, `${prefix}${key}`)
  await mkdir(cacheDir, { recursive: true })
  for (const name of await readdir(cacheDir)) {
    if ((name.startsWith(prefix) && name !== `${prefix}${key}`) || name.startsWith(`tmp-${prefix}`)) {
      log(`  removing ${name.startsWith('tmp-') ? 'an unfinished build' : 'a notebook built by other code'}: ${join(cacheDir, name)}`)
      await rm(join(cacheDir, name), { recursive: true, force: true })
    }
  }
  if (!options.regenerate && existsSync(join(dir, 'info.json'))) {
    const info = JSON.parse(await readFile(join(dir, 'info.json'), 'utf8')) as BuildInfo
    log(`  using the cached notebook ${dir} (built ${info.createdAt} in ${fmt(info.totalS)}; --regenerate to rebuild)`)
    return { dir: join(dir, 'notebook'), info }
  }
  await rm(dir, { recursive: true, force: true })
  log(`  building the notebook into ${dir}`)
  const work = await mkdtemp(join(cacheDir, `tmp-${prefix}`))
  try {
    const info = await build(join(work, 'notebook'), options)
    await writeFile(join(work, 'info.json'), JSON.stringify(info, null, 1))
    await rename(work, dir)
    return { dir: join(dir, 'notebook'), info }
  } catch (error) {
    await rm(work, { recursive: true, force: true })
    throw error
  }
}

/**
 * One `dossier import` call. A call that fails with an internal error imports nothing (the
 * whole batch is lost), so the batch is split in halves until the files it fails on are
 * found: they are reported in `crashed` and left out, and the rest is imported.
 */
async function importChunk(chunk: readonly string[], notebook: string, options: BuildOptions, failures: string[], crashed: string[]): Promise<ImportBatch> {
  const run = await timeProcess([options.cli, '--notebook', notebook, '--json', 'import', ...chunk], { keepStdout: true })
  let report: Partial<ImportReport> & { ok?: boolean; error?: { code: string; message: string } }
  try {
    report = JSON.parse(run.stdout) as typeof report
  } catch {
    throw new Error(`dossier import exited ${run.code} without a JSON report: ${run.stderr.trim().slice(-2000)}`)
  }
  if (report.ok === false && report.error?.code === 'internal') {
    if (chunk.length === 1) {
      crashed.push(`${chunk[0]}: ${report.error.message}`)
      return { files: 1, imported: 0, duplicates: 0, failed: 1, wallS: run.wallS, maxRssMB: run.maxRssMB }
    }
    const half = Math.ceil(chunk.length / 2)
    const a = await importChunk(chunk.slice(0, half), notebook, options, failures, crashed)
    const b = await importChunk(chunk.slice(half), notebook, options, failures, crashed)
    return { files: chunk.length, imported: a.imported + b.imported, duplicates: a.duplicates + b.duplicates, failed: a.failed + b.failed, wallS: run.wallS + a.wallS + b.wallS, maxRssMB: Math.max(run.maxRssMB, a.maxRssMB, b.maxRssMB) }
  }
  if (!report.items || report.imported === undefined) throw new Error(`dossier import failed (exit ${run.code}): ${run.stderr.trim().slice(-2000)}`)
  for (const item of report.items) if (item.status === 'failed') failures.push(`${item.source}: ${item.error?.message ?? 'failed'}`)
  return { files: chunk.length, imported: report.imported, duplicates: report.duplicates ?? 0, failed: report.failed ?? 0, wallS: run.wallS, maxRssMB: run.maxRssMB }
}

async function build(notebook: string, options: BuildOptions): Promise<BuildInfo> {
  const { files, log } = options
  const started = performance.now()
  log(`  building a ${files.length.toLocaleString('en-US')}-article notebook with \`dossier import\`, ${options.importBatch} files a call:`)
  const batches: ImportBatch[] = []
  const failures: string[] = []
  const crashed: string[] = []
  for (let from = 0; from < files.length; from += options.importBatch) {
    const chunk = files.slice(from, from + options.importBatch)
    const batch = await importChunk(chunk, notebook, options, failures, crashed)
    batches.push(batch)
    const total = batches.reduce((n, b) => n + b.imported, 0)
    log(
      `    ${String(total).padStart(6)} articles: this call ${fmt(batch.wallS)}, peak RSS ${batch.maxRssMB.toFixed(0)} MB` +
        `${batch.duplicates + batch.failed > 0 ? ` (${batch.duplicates} duplicates, ${batch.failed} failed)` : ''}; ${fmt((performance.now() - started) / 1000)} so far`,
    )
  }
  if (crashed.length > 0) {
    log(`  IMPORT CRASHED (an internal error that aborts the whole batch) on ${crashed.length} files, left out of the notebook:`)
    for (const line of crashed) log(`    ${line}`)
  }
  const highlightStarted = performance.now()
  log('  adding highlights through the session API...')
  const job = { dir: notebook, fontsDir: options.fontsDir, seed: options.seed }
  let done = 0
  const { result: made } = await runWorker<HighlightsResult>(options.worker, 'highlights', job, (n) => {
    done += n
    if (done % 2000 === 0) log(`    ${done} articles (${fmt((performance.now() - highlightStarted) / 1000)})`)
  })
  const highlightS = (performance.now() - highlightStarted) / 1000
  try {
    execFileSync('sync')
  } catch {
    // not fatal: the data is in the page cache either way
  }
  const { result: check } = await runWorker<VerifyResult>(options.worker, 'verify', job)
  const imported = batches.reduce((n, b) => n + b.imported, 0)
  if (check.articles !== imported || check.highlights !== made.highlights) {
    throw new Error(`the built notebook lists ${check.articles} articles and ${check.highlights} highlights; ${imported} and ${made.highlights} were put in`)
  }
  const info: BuildInfo = {
    mode: options.mode,
    size: files.length,
    articles: imported,
    highlights: made.highlights,
    tags: made.tags,
    batches,
    highlightS,
    totalS: (performance.now() - started) / 1000,
    failures: failures.slice(0, 20),
    crashed,
    createdAt: new Date().toISOString(),
  }
  log(`  built in ${fmt(info.totalS)}: ${imported} articles, ${made.highlights} highlights over ${made.tags} tags (highlights took ${fmt(highlightS)})`)
  if (failures.length > 0) log(`  ${failures.length} files were not imported, e.g. ${failures.slice(0, 3).join('; ')}`)
  return info
}
