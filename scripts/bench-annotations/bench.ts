/**
 * W3C annotation import benchmark with the REAL code (NotebookSession.importAnnotations,
 * as `dossier import-annotations` and File > Import Annotations… run it). A notebook of
 * generated articles (articles.ts: 200 articles of 100 sentences, no sentence twice) is
 * imported once; each scenario then imports a generated W3C file into a fresh copy of it:
 *
 *   import_20000    20,000 annotations as Dossier exports them (one per sentence: URL or
 *                   body-hash source, quote and position selectors, 1–2 of 5 new tags,
 *                   a comment on every third). Goal: <= 5 s.
 *   again_20000     the same file again into that notebook: everything is skipped.
 *   crlf_20000      the same annotations as another tool writes them for copies saved with
 *                   CRLF line ends: its own urn:sha256 (unknown here), positions counted in
 *                   its copy; every source is placed by its quotes, every quote relocated.
 *   new_tags_20000  20,000 annotations each naming its own new tag: refused (at most 200).
 *   big_within_caps ~98 MB: the 20,000 annotations with long comments; imported.
 *   big_over_caps   ~98 MB of small annotations (more than 50,000): refused.
 *
 *   npm run bench:annotations
 *   npm run bench:annotations -- --seed 1 --keep
 *
 * Each line gives the wall-clock time of the import and the CPU time this process used
 * (steadier when other processes share the machine). Last line:
 * `RESULT w3c_import_20000_s <seconds>` (wall clock).
 */
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { toW3cCollection, type W3cAnnotation, type W3cExportItem } from '../../src/core/export/w3c'
import { makeHighlightId, type ArticleId } from '../../src/core/ids'
import type { Article } from '../../src/core/model'
import { makeTextTarget } from '../../src/core/selectors'
import { NotebookSession } from '../../src/main/notebook-session'
import { generateArticles } from './articles'

const here = fileURLToPath(new URL('.', import.meta.url)) // out/scripts/bench-annotations
const fontsDir = join(resolve(here, '../../..'), 'resources', 'fonts')
const ANNOTATIONS = 20_000
const ARTICLES = 200
const GOAL_S = 5
const TARGET_BYTES = 98 * 1024 * 1024
const NEW_TAGS = ['Shipping/Grain', 'Shipping/Fuel', 'Naval movements', 'Port tariffs', 'Insurance']

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } } })
const seed = Number(values.seed)
const root = mkdtempSync(join(tmpdir(), 'dossier-bench-annotations-'))
const seconds = (from: number) => (performance.now() - from) / 1000

interface Sentence {
  article: Article
  text: string
  start: number
  end: number
}

async function main(): Promise<void> {
  // The notebook: generated articles, imported as .txt files.
  const generated = generateArticles(ARTICLES, ANNOTATIONS / ARTICLES, seed)
  const base = join(root, 'base')
  let started = performance.now()
  const session = await NotebookSession.open(base, { fontsDir })
  const report = await session.importContents(generated.map((g) => ({ name: g.name, bytes: new TextEncoder().encode(g.text) })))
  if (report.imported !== ARTICLES) throw new Error(`Imported ${report.imported} of ${ARTICLES} articles.`)
  const sentences: Sentence[] = []
  for (const [i, item] of report.items.entries()) {
    const article = session.store.article(item.articleId!)!
    const text = await session.store.readBody(article.bodyHash)
    for (const s of generated[i]!.sentences) {
      const start = text.indexOf(s)
      if (start < 0 || text.indexOf(s, start + 1) >= 0) throw new Error(`Sentence not found once in ${article.title}: ${s}`)
      sentences.push({ article, text, start, end: start + s.length })
    }
  }
  await session.close()
  const withUrl = sentences.filter((s) => s.article.url !== null).length
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (times are wall clock; cpu is this process's)`)
  console.log(`notebook: ${ARTICLES} articles, ${sentences.length} sentences (${withUrl} in articles with a URL) in ${seconds(started).toFixed(1)} s`)

  const texts = new Map(sentences.map((s) => [s.article.id, s.text]))
  const items = sentences.map((s, i): W3cExportItem => ({
    highlight: {
      id: makeHighlightId(i.toString(16).padStart(10, '0')),
      articleId: s.article.id,
      target: makeTextTarget(s.text, s.start, s.end),
      comment: i % 3 === 0 ? `Compare with the figure in report ${(i % ARTICLES) + 1}.` : '',
      createdAt: '2025-03-10T09:00:00.000Z',
      updatedAt: '2025-03-10T09:30:00.000Z',
    },
    article: s.article,
    tags: [{ name: NEW_TAGS[i % 5]! }, ...(i % 4 === 0 ? [{ name: NEW_TAGS[(i + 2) % 5]! }] : [])],
  }))
  const collection = (list: W3cExportItem[]) => toW3cCollection(list, { label: 'Bench', generatedAt: '2025-03-10T10:00:00.000Z', textOf: (id: ArticleId) => texts.get(id) })
  const dossierFile = write('dossier.jsonld', collection(items))

  const results: Record<string, number> = {}
  const run = async (name: string, file: string, into: string | null, check: (outcome: unknown) => string) => {
    const dir = into ?? join(root, name)
    if (!into) cpSync(base, dir, { recursive: true })
    const nb = await NotebookSession.open(dir, { fontsDir })
    const size = statSync(file).size
    started = performance.now()
    const cpu = process.cpuUsage()
    let outcome: unknown
    try {
      outcome = await nb.importAnnotations(file, { confirmNewTags: () => true })
    } catch (error) {
      outcome = error
    }
    const s = seconds(started)
    const used = process.cpuUsage(cpu)
    const cpuS = (used.user + used.system) / 1e6
    const tags = nb.store.tags.length
    await nb.close()
    results[name] = s
    console.log(`${name.padEnd(16)} ${(size / 1024 / 1024).toFixed(1).padStart(5)} MB  ${s.toFixed(2).padStart(6)} s (cpu ${cpuS.toFixed(2)} s)  ${check(outcome)} (${tags} tags in the notebook)`)
    return dir
  }
  const imported = (expected: number) => (outcome: unknown) => {
    const r = outcome as { created?: number; skipped?: number; problems?: unknown[]; message?: string }
    if (r.created === undefined) throw new Error(`expected an import, got: ${r.message ?? JSON.stringify(r)}`)
    if (r.created + r.skipped! !== expected || r.problems!.length > 0) throw new Error(`expected ${expected} placed, got ${JSON.stringify({ ...r, problems: r.problems!.slice(0, 3) })}`)
    return `${r.created} created, ${r.skipped} skipped`
  }
  const refused = (outcome: unknown) => {
    if (!(outcome instanceof Error)) throw new Error(`expected a refusal, got ${JSON.stringify(outcome).slice(0, 200)}`)
    return `refused: ${outcome.message}`
  }

  const first = await run('import_20000', dossierFile, null, imported(ANNOTATIONS))
  await run('again_20000', dossierFile, first, imported(ANNOTATIONS))

  // As another tool writes them for copies saved with CRLF line ends.
  const crlf = collection(items)
  for (const a of crlf.first.items) {
    const s = sentences[Number.parseInt(a.id.split(':').at(-1)!.slice(2), 16)]!
    const copy = s.text.replace(/\n/g, '\r\n')
    const start = [...s.text.slice(0, s.start).replace(/\n/g, '\r\n')].length
    a.target.source = `urn:sha256:${createHash('sha256').update(copy).digest('hex')}`
    a.target.selector[1] = { type: 'TextPositionSelector', start, end: start + [...a.target.selector[0].exact].length }
  }
  await run('crlf_20000', write('crlf.jsonld', crlf), null, imported(ANNOTATIONS))

  const wordList = collection(items.map((item, i) => ({ ...item, tags: [{ name: `Keyword ${i + 1}` }] })))
  await run('new_tags_20000', write('new-tags.jsonld', wordList), null, refused)

  // ~98 MB within the caps: the same annotations with long comments.
  const plainBytes = JSON.stringify(collection(items)).length
  const padding = Math.floor((TARGET_BYTES - plainBytes) / ANNOTATIONS) - 80
  const filler = generated.flatMap((g) => g.sentences).join(' ')
  const big = collection(items.map((item, i) => ({ ...item, highlight: { ...item.highlight, comment: filler.slice((i * 97) % 10_000, ((i * 97) % 10_000) + padding) } })))
  await run('big_within_caps', write('big.jsonld', big), null, imported(ANNOTATIONS))

  // ~98 MB over the annotation cap: many small annotations.
  const one: W3cAnnotation = collection(items.slice(0, 1)).first.items[0]!
  const perItem = JSON.stringify(one).length + 1
  const many = Array.from({ length: Math.floor(TARGET_BYTES / perItem) }, (_, i) => ({ ...one, id: `urn:example:${i}` }))
  await run('big_over_caps', write('many.json', many), null, refused)

  const verdict = results.import_20000! <= GOAL_S ? 'within' : 'OVER'
  console.log(`goal: 20,000 annotations in <= ${GOAL_S} s: ${verdict} (${results.import_20000!.toFixed(2)} s)`)
  console.log(`RESULT w3c_import_20000_s ${results.import_20000!.toFixed(2)}`)
}

function write(name: string, value: unknown): string {
  const path = join(root, name)
  writeFileSync(path, JSON.stringify(value))
  return path
}

main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => {
    if (values.keep) console.log(`kept ${root}`)
    else rmSync(root, { recursive: true, force: true })
  })
