/**
 * bench:cli's index-build jobs (run by worker.ts, one process each, REAL code):
 *
 *   gazetteer    give a notebook the benchmark gazetteer of bench:search (500 entities,
 *                2,000 aliases made from the notebook's own most frequent names), through
 *                the session's importPack, as an analyst's pack would be
 *   index-build  what the app does on open, measured: open the notebook for writing, then
 *                warmIndexes (the search and mention indexes, neither saved, both built from
 *                nothing in worker threads); time until both are ready, the main thread's
 *                event-loop delay meanwhile (perf_hooks, 10 ms resolution: a stall is the
 *                longest the loop could not turn), and the process's peak RSS (workers
 *                included: they are threads of it)
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { NotebookSession } from '../../src/main/notebook-session'
import { sharedIndexWorkers } from '../../src/main/search/build-in-worker'
import { gazetteerFrom } from '../bench-search/aliases'

export interface GazetteerResult {
  entities: number
  aliases: number
}

export interface IndexBuildResult {
  openS: number
  /** From warmIndexes until both indexes are ready. */
  buildS: number
  searchS: number
  mentionsS: number
  /** CPU seconds of the whole process (all threads) from warmIndexes until both are ready: what load does not distort. */
  cpuS: number
  maxStallMs: number
  p99StallMs: number
  peakRssMB: number
  mentions: number
  offThread: boolean
}

interface Job {
  dir: string
  fontsDir: string
  query?: string
}

export async function gazetteer(job: Job): Promise<GazetteerResult> {
  const session = await NotebookSession.open(job.dir, { fontsDir: job.fontsDir }, { create: false })
  try {
    const bodies: string[] = []
    for (const a of session.store.articles) bodies.push(await session.store.readBody(a.bodyHash))
    const entities = gazetteerFrom(bodies)
    await session.entities.importPack(JSON.stringify({ version: 1, about: { title: 'bench:cli gazetteer', sources: ['the notebook'] }, entities, rejected: [] }))
    return { entities: entities.length, aliases: entities.reduce((n, e) => n + e.aliases.length, 0) }
  } finally {
    await session.close()
  }
}

export async function indexBuild(job: Job): Promise<IndexBuildResult> {
  const delay = monitorEventLoopDelay({ resolution: 10 })
  const started = performance.now()
  const session = await NotebookSession.open(job.dir, { fontsDir: job.fontsDir }, { create: false, app: 'app' })
  const opened = performance.now()
  const cpu = process.cpuUsage()
  delay.enable()
  // DOSSIER_STALL_TRACE=1: on stderr, each event-loop stall over 40 ms and the process's RSS
  // every 250 ms, with when (performance.now(), as DOSSIER_INDEX_TIMELINE's jobs): to see
  // which job a stall or the peak falls in (notes/benchmarks.md).
  let last = performance.now()
  const trace = () => {
    const now = performance.now()
    if (now - last > 40) process.stderr.write(`stall ${(now - last).toFixed(0)} ms ending at ${(now / 1000).toFixed(2)} s\n`)
    if (Math.floor(now / 250) !== Math.floor(last / 250)) process.stderr.write(`rss ${(process.memoryUsage.rss() / 1048576).toFixed(0)} MB at ${(now / 1000).toFixed(2)} s\n`)
    last = now
  }
  const tracer = process.env.DOSSIER_STALL_TRACE === '1' ? setInterval(trace, 5) : undefined
  session.warmIndexes()
  const mentionIndex = session.entities.mentionIndex()
  const [searched, mentioned] = await Promise.all([
    session.search({ query: job.query ?? 'Tartus', exact: true }).then(() => performance.now()),
    mentionIndex.whenReady().then(() => performance.now()),
  ])
  delay.disable()
  clearInterval(tracer)
  const used = process.cpuUsage(cpu)
  const peakRssMB = process.resourceUsage().maxRSS / 1024
  let mentions = 0
  for (const { mentions: n } of mentionIndex.counts().values()) mentions += n
  await session.close()
  return {
    openS: (opened - started) / 1000,
    buildS: (Math.max(searched, mentioned) - opened) / 1000,
    searchS: (searched - opened) / 1000,
    mentionsS: (mentioned - opened) / 1000,
    cpuS: (used.user + used.system) / 1e6,
    maxStallMs: delay.max / 1e6,
    p99StallMs: delay.percentile(99) / 1e6,
    peakRssMB,
    mentions,
    offThread: sharedIndexWorkers().offThread,
  }
}
