/**
 * Independent-source counts with the REAL sourcing core (src/core/sourcing), as
 * `dossier claims` computes them once the annotation files are read: a generated notebook
 * of 10,000 articles (200 outlets named in their metadata or URL, rewrite clusters of 1–4
 * articles linked both ways) and 1,000 claims of 2–8 passages, a third of them with a saved
 * secondary attribution (an outlet or one of 20 agencies). Timed: building the outlet
 * matcher, resolving every passage's article outlet and underlying source, and counting
 * each claim's supporting and contradicting passages. Not timed: reading annotation files
 * (one small file per cited article; notes/benchmarks.md gives their cost).
 *
 *   npm run bench:claims
 *
 * Goal: <= 200 ms. Last line: `RESULT claims_1000_ms <median of 7 runs, wall clock>`.
 */
import { cpus, loadavg } from 'node:os'
import type { ArticleId, HighlightId } from '../../src/core/ids'
import {
  countIndependentSources,
  createOutlet,
  emptyOutletsFile,
  makeOutletId,
  OutletMatcher,
  passageSourceKey,
  type ArticleForCount,
  type Attribution,
  type OutletsFile,
  type PassageForCount,
  type Stance,
} from '../../src/core/sourcing'

const ARTICLES = 10_000
const OUTLETS = 200
const CLAIMS = 1_000
const GOAL_MS = 200

// A small deterministic PRNG (mulberry32), so every run times the same notebook.
let state = 1
function random(): number {
  state = (state + 0x6d2b79f5) | 0
  let t = Math.imul(state ^ (state >>> 15), 1 | state)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
const hex = (n: number) => n.toString(16).padStart(10, '0')

interface ArticleMeta {
  id: ArticleId
  outlet: string | null
  url: string | null
  rewrites: ArticleId[]
}

function generate(): { outlets: OutletsFile; articles: ArticleMeta[] } {
  let outlets = emptyOutletsFile()
  for (let i = 0; i < OUTLETS; i++) {
    const r = createOutlet(outlets, { id: makeOutletId(hex(i)), name: `Outlet ${i} News`, aliases: [`outlet${i}.example`, `Outlet ${i} Media Group`] })
    if (!r.ok) throw new Error(r.error.message)
    outlets = r.value
  }
  const articles: ArticleMeta[] = []
  for (let i = 0; i < ARTICLES; i++) {
    const o = Math.floor(random() * OUTLETS)
    const how = random()
    articles.push({
      id: `a-${hex(i)}` as ArticleId,
      outlet: how < 0.5 ? `outlet ${o} news` : how < 0.6 ? 'Unknown Weekly' : null,
      url: how >= 0.5 && how < 0.9 ? `https://www.outlet${o}.example/story/${i}` : null,
      rewrites: [],
    })
  }
  // Rewrite clusters of 1–4 consecutive articles, linked both ways.
  for (let i = 0; i < ARTICLES; ) {
    const size = 1 + Math.floor(random() * 4)
    const cluster = articles.slice(i, i + size)
    for (const a of cluster) a.rewrites = cluster.filter((b) => b !== a).map((b) => b.id)
    i += size
  }
  return { outlets, articles }
}

interface Passage {
  highlightId: HighlightId
  articleId: ArticleId
  stance: Stance
  attribution: Attribution | undefined
}

function claims(articles: readonly ArticleMeta[]): Passage[][] {
  const agencies = Array.from({ length: 20 }, (_, i) => `Agency ${i}`)
  let h = 0
  return Array.from({ length: CLAIMS }, () =>
    Array.from({ length: 2 + Math.floor(random() * 7) }, (): Passage => {
      const relay = random() < 1 / 3
      return {
        highlightId: `h-${hex(h++)}` as HighlightId,
        articleId: pick(articles).id,
        stance: random() < 0.85 ? 'supports' : 'contradicts',
        attribution: relay ? { kind: 'secondary', source: random() < 0.5 ? pick(agencies) : `Outlet ${Math.floor(random() * OUTLETS)} News`, confirmed: true } : undefined,
      }
    }),
  )
}

/** What `dossier claims` computes for every claim, after the annotation files are read. */
function countAll(outlets: OutletsFile, byId: ReadonlyMap<ArticleId, ArticleMeta>, all: readonly Passage[][]): number {
  const m = new OutletMatcher(outlets)
  const forCount = new Map<ArticleId, ArticleForCount>()
  let sources = 0
  for (const passages of all) {
    for (const p of passages) if (!forCount.has(p.articleId)) forCount.set(p.articleId, { label: p.articleId, rewrites: byId.get(p.articleId)!.rewrites })
    for (const stance of ['supports', 'contradicts'] as const) {
      const counted: PassageForCount[] = passages
        .filter((p) => p.stance === stance)
        .map((p) => ({ highlightId: p.highlightId, articleId: p.articleId, source: passageSourceKey(p.attribution, m.outletOf(byId.get(p.articleId)!), m) }))
      sources += countIndependentSources(counted, forCount).independentSources
    }
  }
  return sources
}

function main(): void {
  console.log(`bench:claims on ${cpus().length} CPUs (load ${loadavg()[0]!.toFixed(2)})`)
  const { outlets, articles } = generate()
  const byId = new Map(articles.map((a) => [a.id, a]))
  const all = claims(articles)
  const passages = all.reduce((n, c) => n + c.length, 0)
  console.log(`${ARTICLES} articles, ${OUTLETS} outlets, ${CLAIMS} claims, ${passages} passages`)
  const times: number[] = []
  const cpu: number[] = []
  let sources = 0
  for (let run = 0; run < 7; run++) {
    const t = performance.now()
    const c = process.cpuUsage()
    sources = countAll(outlets, byId, all)
    const used = process.cpuUsage(c)
    times.push(performance.now() - t)
    cpu.push((used.user + used.system) / 1000)
  }
  times.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  const median = times[3]!
  console.log(`independent sources over all claims: ${sources}`)
  console.log(`runs, wall clock (ms): ${times.map((t) => t.toFixed(1)).join(', ')}; CPU time median ${cpu[3]!.toFixed(1)} ms (steadier when other processes share the machine)`)
  console.log(`goal <= ${GOAL_MS} ms: ${median <= GOAL_MS ? 'met' : 'NOT met'}`)
  console.log(`RESULT claims_1000_ms ${median.toFixed(1)}`)
}

main()
