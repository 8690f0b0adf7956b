import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArticleId, TagId } from '../../core/ids'
import { SCHEMA_VERSION, type AnnotationFile, type Catalog, type Manifest } from '../../core/model'
import { DossierError } from '../../core/result'
import { NotebookSession } from '../notebook-session'
import { checkNotebook, type CheckProblem, type CheckReport } from './check-notebook'
import { sha256Hex } from './notebook-store'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
/** Above Linux's pid_max: no process can have it, so its temp files are leftovers. */
const DEAD_PID = 99_999_999

// CRLF and a byte-order mark: the stored body is the normalised text, so re-creating it
// from the original exercises the same decode + normalise as import.
const ARTICLE_A = '\uFEFFConvoy turned back at the Tartus gate\r\nDecember 15, 2024\r\n\r\nThirty trucks left Khmeimim at dawn, Ayla Sohtaoğlu reported. The convoy was stopped at a checkpoint twice.\r\n'
const ARTICLE_B = 'Talks in Damascus on the future of the bases\nJanuary 3, 2025\n\nNegotiators met for a third round; the terms of the Tartus lease were discussed.\n'

interface Fixture {
  dir: string
  a: ArticleId
  b: ArticleId
  backups: string[]
}

/** A real notebook (two articles, one highlight on each, two verified backups), closed. */
async function makeNotebook(): Promise<Fixture> {
  const dir = join(mkdtempSync(join(tmpdir(), 'dossier-check-')), 'nb')
  const session = await NotebookSession.open(dir, { fontsDir: FONTS }, {})
  try {
    const report = await session.importContents([
      { name: 'a.txt', bytes: Buffer.from(ARTICLE_A) },
      { name: 'b.txt', bytes: Buffer.from(ARTICLE_B) },
    ])
    expect(report.imported).toBe(2)
    const [a, b] = report.items.map((i) => i.articleId as ArticleId)
    const highlight = async (articleId: ArticleId, quote: string, tag: string) => {
      const { text } = await session.getArticle(articleId)
      const start = text.indexOf(quote)
      expect(start).toBeGreaterThan(-1)
      await session.createHighlight({ articleId, start, end: start + quote.length, tagIds: [tag as TagId], comment: 'seen' })
    }
    await highlight(a!, 'Thirty trucks left Khmeimim', 't-convoys')
    const first = await session.backup('first')
    await highlight(b!, 'the Tartus lease', 't-negotiations')
    const second = await session.backup('second')
    return { dir, a: a!, b: b!, backups: [first.id, second.id] }
  } finally {
    await session.close()
  }
}

/** Every file and folder under `dir` with a hash of its bytes. */
function tree(dir: string, sub = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(join(dir, sub)).sort()) {
    const rel = sub ? `${sub}/${name}` : name
    const path = join(dir, rel)
    if (statSync(path).isDirectory()) {
      out[`${rel}/`] = 'dir'
      Object.assign(out, tree(dir, rel))
    } else {
      out[rel] = createHash('sha256').update(readFileSync(path)).digest('hex')
    }
  }
  return out
}

const readJson = <T>(dir: string, file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T
const writeJson = (dir: string, file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value, null, 1))
const catalogOf = (dir: string) => readJson<Catalog>(dir, 'catalog.json')
const annotationsOf = (dir: string, id: ArticleId) => readJson<AnnotationFile>(dir, `annotations/${id}.json`)
/** Where a backup keeps its copy of a file (backups/objects/<sha256>). */
const backupCopy = (dir: string, id: string, file: string) => join(dir, 'backups', 'objects', readJson<{ files: Record<string, string> }>(dir, `backups/${id}/backup.json`).files[file]!)
const bodyFile = (dir: string, id: ArticleId) => `bodies/${catalogOf(dir).articles.find((x) => x.id === id)!.bodyHash}.txt`
const originalFile = (dir: string, id: ArticleId) => catalogOf(dir).articles.find((x) => x.id === id)!.source.originalFile

/** The one problem about `file` whose message matches. */
function problemAbout(report: CheckReport, file: string, message: RegExp): CheckProblem {
  const found = report.problems.filter((p) => p.file === file && message.test(p.message))
  expect(found, `problems: ${JSON.stringify(report.problems, null, 1)}`).toHaveLength(1)
  return found[0]!
}

/** Checks without repair, and that it changed nothing anywhere in the notebook. */
async function checkReadOnly(dir: string): Promise<CheckReport> {
  const before = tree(dir)
  const report = await checkNotebook(dir)
  expect(tree(dir)).toEqual(before)
  expect(report.repaired).toEqual([])
  return report
}

/** Repairs, then checks again: returns both reports. */
async function repairAndRecheck(dir: string): Promise<{ repair: CheckReport; after: CheckReport }> {
  const repair = await checkNotebook(dir, { repair: true })
  expect(existsSync(join(dir, '.lock'))).toBe(false) // the lock was taken and released
  const after = await checkReadOnly(dir)
  return { repair, after }
}

describe('checkNotebook on a healthy notebook', () => {
  it('finds no problems and reads every file', async () => {
    const { dir } = await makeNotebook()
    const report = await checkReadOnly(dir)
    expect(report.problems).toEqual([])
    // notebook.json, catalog.json, 2 annotation files, 2 bodies, 2 originals, and 2 backups:
    // backup.json + 7 files (1 annotation file), backup.json + 8 files (2).
    expect(report.checkedFiles).toBe(2 + 2 + 2 + 2 + 8 + 9)
    const repaired = await checkNotebook(dir, { repair: true })
    expect(repaired).toEqual(report)
  })

  it('refuses a folder that is not a notebook, without creating anything in it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-check-empty-'))
    for (const repair of [false, true]) {
      const error = await checkNotebook(dir, { repair }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DossierError)
      expect((error as DossierError).code).toBe('not-found')
    }
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('checkNotebook finds each kind of damage, and only reads', () => {
  it('a notebook.json that is not JSON: restorable from the newest backup', async () => {
    const { dir, backups } = await makeNotebook()
    writeFileSync(join(dir, 'notebook.json'), '{"schemaVersion": 2, "tags": [')
    const report = await checkReadOnly(dir)
    const p = problemAbout(report, 'notebook.json', /^notebook\.json is not valid JSON/)
    expect(p.repairable).toBe(true)
    expect(p.repair).toMatch(new RegExp(`^Restore it from backup ${backups[1]}; the damaged file will be kept as notebook\\.json\\.corrupt-`))
  })

  it('a catalog.json that does not match its schema, naming the field', async () => {
    const { dir } = await makeNotebook()
    const catalog = catalogOf(dir)
    catalog.articles[1]!.bodyHash = 'not-a-hash'
    writeJson(dir, 'catalog.json', catalog)
    const report = await checkReadOnly(dir)
    const p = problemAbout(report, 'catalog.json', /does not match the notebook format/)
    expect(p.message).toContain('articles.1.bodyHash: not a sha256 hex digest')
    expect(p.repairable).toBe(true)
  })

  it('a missing catalog.json', async () => {
    const { dir } = await makeNotebook()
    rmSync(join(dir, 'catalog.json'))
    const report = await checkReadOnly(dir)
    expect(problemAbout(report, 'catalog.json', /^catalog\.json is missing\.$/).repairable).toBe(true)
  })

  it('an annotation file holding another article’s highlights', async () => {
    const { dir, a, b } = await makeNotebook()
    writeJson(dir, `annotations/${a}.json`, annotationsOf(dir, b))
    const report = await checkReadOnly(dir)
    const p = problemAbout(report, `annotations/${a}.json`, new RegExp(`holds the highlights of ${b}, not of ${a}`))
    expect(p.repairable).toBe(true)
  })

  it('an annotation file that no backup holds cannot be restored, and says so', async () => {
    const { dir, a } = await makeNotebook()
    for (const id of readdirSync(join(dir, 'backups'))) rmSync(join(dir, 'backups', id), { recursive: true })
    writeFileSync(join(dir, `annotations/${a}.json`), '\0\0\0\0')
    const report = await checkReadOnly(dir)
    const p = problemAbout(report, `annotations/${a}.json`, /contains NUL bytes/)
    expect(p).toMatchObject({ repairable: false, repair: expect.stringMatching(/^There is no verified backup to restore it from/) })
  })

  it('duplicate article ids and duplicate highlight ids', async () => {
    const { dir, a, b } = await makeNotebook()
    const catalog = catalogOf(dir)
    catalog.articles.push({ ...catalog.articles[0]!, title: 'A copy' })
    writeJson(dir, 'catalog.json', catalog)
    const inB = annotationsOf(dir, b)
    inB.highlights.push({ ...annotationsOf(dir, a).highlights[0]!, articleId: b })
    writeJson(dir, `annotations/${b}.json`, inB)
    const report = await checkReadOnly(dir)
    expect(problemAbout(report, 'catalog.json', new RegExp(`^Article id ${a} is used by 2 articles`)).repairable).toBe(false)
    const hid = annotationsOf(dir, a).highlights[0]!.id
    const files = [a, b].map((id) => `annotations/${id}.json`).sort()
    const p = problemAbout(report, files[0]!, /^Highlight id h-\w+ is used by 2 highlights/)
    expect(p).toMatchObject({ message: `Highlight id ${hid} is used by 2 highlights (in ${files.join(', ')}).`, repairable: false })
  })

  it('a missing body, restored from the newest backup holding it', async () => {
    const { dir, a, backups } = await makeNotebook()
    const body = bodyFile(dir, a)
    rmSync(join(dir, body))
    const report = await checkReadOnly(dir)
    expect(problemAbout(report, body, /is missing\.$/)).toMatchObject({ repairable: true, repair: `Restore it from backup ${backups[1]}.` })
    const { after } = await repairAndRecheck(dir)
    expect(after.problems).toEqual([])
    expect(readFileSync(join(dir, body), 'utf8')).toMatch(/^Convoy turned back at the Tartus gate\n/)
  })

  it('a missing body that no backup holds, re-creatable from its original', async () => {
    const { dir, a } = await makeNotebook()
    const body = bodyFile(dir, a)
    rmSync(join(dir, body))
    rmSync(join(dir, 'backups'), { recursive: true })
    const report = await checkReadOnly(dir)
    const p = problemAbout(report, body, new RegExp(`^${body}, the stored text of article ${a} \\("Convoy turned back at the Tartus gate"\\), is missing\\.$`))
    expect(p).toMatchObject({ repairable: true, repair: `Re-create it from its original file ${originalFile(dir, a)}, which reproduces exactly the stored text.` })
  })

  it('a damaged body whose original is damaged too: neither can be repaired', async () => {
    const { dir, a } = await makeNotebook()
    const body = bodyFile(dir, a)
    const original = originalFile(dir, a)
    rmSync(join(dir, 'backups'), { recursive: true })
    writeFileSync(join(dir, body), 'tampered')
    writeFileSync(join(dir, original), 'tampered too')
    const report = await checkReadOnly(dir)
    expect(problemAbout(report, body, /does not match its checksum/)).toMatchObject({ repairable: false, repair: expect.stringContaining(`its original file ${original} is missing or damaged too`) })
    expect(problemAbout(report, original, new RegExp(`^${original}, the original file of article ${a} .* does not match its checksum`)).repairable).toBe(false)
    // Highlights of an article without readable text are not checked against it.
    expect(report.problems).toHaveLength(2)
  })

  it('a missing body whose original decodes to a different text is left alone, saying why', async () => {
    const { dir, a } = await makeNotebook()
    const body = bodyFile(dir, a)
    rmSync(join(dir, body))
    rmSync(join(dir, 'backups'), { recursive: true })
    // An intact original (its hash matches the catalog) whose text is not the stored text.
    const other = Buffer.from('Some other text entirely.\n')
    const catalog = catalogOf(dir)
    const article = catalog.articles.find((x) => x.id === a)!
    article.source.originalHash = sha256Hex(other)
    writeFileSync(join(dir, article.source.originalFile), other)
    writeJson(dir, 'catalog.json', catalog)
    const report = await checkReadOnly(dir)
    expect(problemAbout(report, body, /is missing/)).toMatchObject({ repairable: false, repair: expect.stringContaining('gives a different text') })
  })

  it('a missing original: restored from a backup, or reported when none holds it', async () => {
    const { dir, b, backups } = await makeNotebook()
    const original = originalFile(dir, b)
    rmSync(join(dir, original))
    const report = await checkReadOnly(dir)
    expect(problemAbout(report, original, /is missing\.$/)).toMatchObject({ repairable: true, repair: `Restore it from backup ${backups[1]}.` })
    expect(report.problems).toHaveLength(1)
    rmSync(join(dir, 'backups'), { recursive: true })
    const none = await checkReadOnly(dir)
    expect(problemAbout(none, original, /is missing\.$/).repairable).toBe(false)
  })

  it('an orphan annotation file', async () => {
    const { dir, a } = await makeNotebook()
    const orphan = { ...annotationsOf(dir, a), articleId: 'a-0000099999' }
    orphan.highlights = orphan.highlights.map((h) => ({ ...h, id: 'h-0000099999' as typeof h.id, articleId: orphan.articleId as ArticleId }))
    writeJson(dir, 'annotations/a-0000099999.json', orphan)
    const report = await checkReadOnly(dir)
    const p = problemAbout(report, 'annotations/a-0000099999.json', /^annotations\/a-0000099999\.json holds highlights of article a-0000099999, which is not in catalog\.json/)
    expect(p).toMatchObject({ repairable: true, repair: 'Move it to lost+found/annotations/a-0000099999.json.' })
    expect(report.problems).toHaveLength(1)
  })

  it('highlights with an unknown tag, a range outside the text and a quote that is not there', async () => {
    const { dir, a, b } = await makeNotebook()
    const inA = annotationsOf(dir, a)
    const h = inA.highlights[0]!
    inA.highlights = [
      { ...h, tagIds: ['t-convoys', 't-gone'] as TagId[] },
      { ...h, id: 'h-00000000aa' as typeof h.id, target: { ...h.target, start: 10, end: 100000 } },
      { ...h, id: 'h-00000000bb' as typeof h.id, target: { ...h.target, start: h.target.start + 1, end: h.target.end + 1 } },
    ]
    writeJson(dir, `annotations/${a}.json`, inA)
    const inB = annotationsOf(dir, b)
    inB.highlights[0]!.articleId = a
    writeJson(dir, `annotations/${b}.json`, inB)

    const report = await checkReadOnly(dir)
    const file = `annotations/${a}.json`
    expect(problemAbout(report, file, new RegExp(`^Highlight ${h.id} in ${file} has tag t-gone, which is not in notebook\\.json\\.$`)).repairable).toBe(false)
    const textLength = ARTICLE_A.replace(/^\uFEFF/, '').replace(/\r/g, '').length // the BOM and CRs are not stored
    problemAbout(report, file, new RegExp(`^Highlight h-00000000aa in ${file} points at characters 10-100000, outside the article's text \\(${textLength} characters\\)\\.$`))
    const quote = problemAbout(report, file, /^Highlight h-00000000bb in .* but the text there is not its quote "Thirty trucks left Khmeimim"\.$/)
    expect(quote.message).toBe(`Highlight h-00000000bb in ${file} points at characters ${h.target.start + 1}-${h.target.end + 1}, but the text there is not its quote "Thirty trucks left Khmeimim".`)
    problemAbout(report, `annotations/${b}.json`, new RegExp(`says it belongs to article ${a}, but the file holds the highlights of ${b}`))
    expect(report.problems).toHaveLength(4)
  })

  it('stale temp files of dead processes (repairable), and damaged copies kept for the user (listed, not problems)', async () => {
    const { dir, a } = await makeNotebook()
    writeFileSync(join(dir, `annotations/.${a}.json.${DEAD_PID}.0badc0de.tmp`), '{"articleId":')
    writeFileSync(join(dir, `.catalog.json.${DEAD_PID}.12ab.tmp`), '')
    // A live process's temp file is a write in progress (a cache written beside the app): left alone.
    writeFileSync(join(dir, `.search-index.json.${process.ppid}.12ab.tmp`), '')
    writeFileSync(join(dir, 'catalog.json.corrupt-2025-01-01T00-00-00-000Z'), 'garbage')
    const report = await checkReadOnly(dir)
    expect(problemAbout(report, `annotations/.${a}.json.${DEAD_PID}.0badc0de.tmp`, /temporary file left by a save that did not finish/)).toMatchObject({ repairable: true, repair: expect.stringMatching(/^Remove it/) })
    expect(problemAbout(report, `.catalog.json.${DEAD_PID}.12ab.tmp`, /temporary file/).repairable).toBe(true)
    expect(report.problems).toHaveLength(2)
    expect(report.kept).toEqual([{ file: 'catalog.json.corrupt-2025-01-01T00-00-00-000Z', message: expect.stringMatching(/moved aside .* kept in case it holds changes/) }])
  })

  it('content files no article refers to, as an interrupted import leaves them', async () => {
    const { dir } = await makeNotebook()
    const hash = sha256Hex('An article whose import was killed.')
    writeFileSync(join(dir, `bodies/${hash}.txt`), 'An article whose import was killed.')
    writeFileSync(join(dir, `originals/${hash}.txt`), 'An article whose import was killed.')
    mkdirSync(join(dir, 'analysis'), { recursive: true })
    writeFileSync(join(dir, `analysis/${hash}.json`), '{}')
    const report = await checkReadOnly(dir)
    for (const file of [`bodies/${hash}.txt`, `originals/${hash}.txt`, `analysis/${hash}.json`]) {
      expect(problemAbout(report, file, /belongs to no article/)).toMatchObject({ repairable: true, repair: `Move it to lost+found/${file}.` })
    }
    const { after } = await repairAndRecheck(dir)
    expect(after.problems).toEqual([])
    expect(readFileSync(join(dir, `lost+found/bodies/${hash}.txt`), 'utf8')).toBe('An article whose import was killed.')
  })

  it('a backup that does not verify', async () => {
    const { dir, backups } = await makeNotebook()
    writeFileSync(backupCopy(dir, backups[0]!, 'catalog.json'), '{"articles": []}')
    const report = await checkReadOnly(dir)
    const p = problemAbout(report, `backups/${backups[0]}`, new RegExp(`^Backup ${backups[0]} does not verify: .*catalog\\.json is missing or does not match its checksum`))
    expect(p).toMatchObject({ repairable: true, repair: `Move it to lost+found/backups/${backups[0]}, so it is never used to restore from.` })
  })

  it('a notebook from a newer Dossier: says so and checks nothing else', async () => {
    const { dir, a } = await makeNotebook()
    const manifest = readJson<Manifest>(dir, 'notebook.json')
    writeJson(dir, 'notebook.json', { ...manifest, schemaVersion: SCHEMA_VERSION + 1 })
    rmSync(join(dir, bodyFile(dir, a)))
    const report = await checkReadOnly(dir)
    expect(report.problems).toEqual([expect.objectContaining({ file: 'notebook.json', repairable: false, message: expect.stringMatching(new RegExp(`format ${SCHEMA_VERSION + 1}, written by a newer version of Dossier`)) })])
    const repaired = await checkNotebook(dir, { repair: true })
    expect(repaired.repaired).toEqual([])
  })

  it('changes no byte even when everything is damaged at once', async () => {
    const { dir, a, b, backups } = await makeNotebook()
    writeFileSync(join(dir, 'notebook.json'), '')
    writeFileSync(join(dir, `annotations/${b}.json`), 'null')
    writeJson(dir, 'annotations/a-0000099999.json', { articleId: 'a-0000099999', highlights: [] })
    rmSync(join(dir, bodyFile(dir, a)))
    writeFileSync(join(dir, bodyFile(dir, b)), 'tampered')
    writeFileSync(join(dir, `.notebook.json.${DEAD_PID}.ff.tmp`), '')
    writeFileSync(join(dir, 'backups', backups[0]!, 'backup.json'), '{')
    const report = await checkReadOnly(dir)
    expect(report.problems.map((p) => p.file).sort()).toEqual(
      [`.notebook.json.${DEAD_PID}.ff.tmp`, `annotations/${b}.json`, 'annotations/a-0000099999.json', `backups/${backups[0]}`, bodyFile(dir, a), bodyFile(dir, b), 'notebook.json'].sort(),
    )
    expect(report.problems.every((p) => p.repairable)).toBe(true)
  })
})

describe('checkNotebook with repair', () => {
  it('repairs every repairable problem, deleting nothing, and the notebook opens clean', async () => {
    const { dir, a, b, backups } = await makeNotebook()
    const [older, newer] = backups as [string, string]
    const goodAnnotationsB = readFileSync(join(dir, `annotations/${b}.json`))
    const goodManifest = readFileSync(join(dir, 'notebook.json'))
    const bodyA = bodyFile(dir, a)
    const bodyB = bodyFile(dir, b)
    const goodBodyB = readFileSync(join(dir, bodyB))

    writeFileSync(join(dir, 'notebook.json'), '\0\0\0\0\0\0')
    writeFileSync(join(dir, `annotations/${b}.json`), '{"articleId": "b"')
    writeJson(dir, 'annotations/a-0000099999.json', { articleId: 'a-0000099999', highlights: [] })
    rmSync(join(dir, bodyA))
    writeFileSync(join(dir, bodyB), 'tampered')
    writeFileSync(join(dir, `annotations/.${a}.json.${DEAD_PID}.abcdef01.tmp`), '{')
    // The newest backup fails (its copy of b's annotations, which only it holds, is damaged):
    // notebook.json and the bodies come from the older one; b's annotations cannot be restored.
    writeFileSync(backupCopy(dir, newer, `annotations/${b}.json`), '{}')

    const contentsBefore = Object.entries(tree(dir)).filter(([path, hash]) => hash !== 'dir' && !path.endsWith('.tmp'))
    const { repair, after } = await repairAndRecheck(dir)
    // Nothing but the temp file was deleted: every other file's bytes are still somewhere.
    const contentsAfter = new Set(Object.values(tree(dir)))
    expect(contentsBefore.filter(([, hash]) => !contentsAfter.has(hash))).toEqual([])
    const did = (file: string) => repair.repaired.find((p) => p.file === file)?.repair
    expect(did('notebook.json')).toMatch(new RegExp(`^Restored it from backup ${older}; the damaged file is kept as notebook\\.json\\.corrupt-`))
    expect(did('annotations/a-0000099999.json')).toBe('Moved it to lost+found/annotations/a-0000099999.json.')
    expect(did(bodyA)).toBe(`Restored it from backup ${older}.`)
    expect(did(bodyB)).toMatch(new RegExp(`^Restored it from backup ${older} \\(the damaged copy is kept as ${bodyB}\\.corrupt-`))
    expect(did(`annotations/.${a}.json.${DEAD_PID}.abcdef01.tmp`)).toBe('Removed it.')
    expect(did(`backups/${newer}`)).toBe(`Moved it to lost+found/backups/${newer}.`)
    expect(repair.problems).toEqual([expect.objectContaining({ file: `annotations/${b}.json`, repairable: false, repair: expect.stringMatching(/^No verified backup holds a valid copy/) })])

    // Restored and re-created files are exactly what they were; nothing was deleted.
    expect(readFileSync(join(dir, 'notebook.json'))).toEqual(goodManifest)
    expect(readFileSync(join(dir, bodyB))).toEqual(goodBodyB)
    expect(readFileSync(join(dir, 'lost+found/annotations/a-0000099999.json'), 'utf8')).toContain('a-0000099999')
    expect(existsSync(join(dir, 'lost+found/backups', newer, 'backup.json'))).toBe(true)
    const aside = (sub: string, prefix: string) => readdirSync(join(dir, sub)).filter((n) => n.startsWith(prefix) && n.includes('.corrupt-'))
    expect(aside('', 'notebook.json')).toHaveLength(1)
    expect(aside('bodies', '')).toHaveLength(1)
    expect(readFileSync(join(dir, 'bodies', aside('bodies', '')[0]!), 'utf8')).toBe('tampered')

    // Afterwards only what cannot be repaired is a problem: the annotation file no backup
    // holds. The damaged copies are listed as kept for the user.
    expect(after.problems.map((p) => p.file)).toEqual([`annotations/${b}.json`])
    expect(after.kept.map((k) => k.file).sort()).toEqual([aside('', 'notebook.json')[0], `bodies/${aside('bodies', '')[0]}`].sort())

    // Put b's highlights back by hand: the notebook is then fully healthy and opens clean.
    writeFileSync(join(dir, `annotations/${b}.json`), goodAnnotationsB)
    const session = await NotebookSession.open(dir, { fontsDir: FONTS }, { create: false })
    try {
      expect(session.openReport.recovered).toEqual([])
      const view = await session.getArticle(a)
      expect(view.highlights).toHaveLength(1)
      expect(view.text.slice(view.highlights[0]!.target.start, view.highlights[0]!.target.end)).toBe('Thirty trucks left Khmeimim')
    } finally {
      await session.close()
    }
  })

  it('restores a damaged annotation file from the newest backup that holds a valid copy', async () => {
    const { dir, a, backups } = await makeNotebook()
    const good = readFileSync(join(dir, `annotations/${a}.json`))
    writeFileSync(join(dir, `annotations/${a}.json`), '')
    const { repair, after } = await repairAndRecheck(dir)
    expect(repair.repaired).toEqual([expect.objectContaining({ file: `annotations/${a}.json`, message: `annotations/${a}.json is empty.`, repair: expect.stringContaining(`from backup ${backups[1]}`) })])
    expect(repair.problems).toEqual([])
    expect(readFileSync(join(dir, `annotations/${a}.json`))).toEqual(good)
    // A check right after a successful repair is clean; the damaged copy is listed as kept.
    expect(after.problems).toEqual([])
    expect(after.kept).toEqual([expect.objectContaining({ file: expect.stringMatching(new RegExp(`^annotations/${a}\\.json\\.corrupt-`)) })])
  })

  it('restores a missing catalog.json', async () => {
    const { dir } = await makeNotebook()
    rmSync(join(dir, 'catalog.json'))
    const { repair, after } = await repairAndRecheck(dir)
    expect(repair.repaired.map((p) => p.file)).toEqual(['catalog.json'])
    expect(after.problems).toEqual([])
  })

  it('refuses to repair while another process holds the writer lock, changing nothing', async () => {
    const { dir, a } = await makeNotebook()
    rmSync(join(dir, bodyFile(dir, a)))
    const lock = JSON.stringify({ pid: process.ppid, host: hostname(), since: new Date().toISOString(), app: 'app' })
    writeFileSync(join(dir, '.lock'), lock)
    const before = tree(dir)
    const error = await checkNotebook(dir, { repair: true }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DossierError)
    expect((error as DossierError).code).toBe('notebook-locked')
    expect(tree(dir)).toEqual(before)

    // The holder itself (the app) repairs without taking the lock again, and leaves its lock
    // alone, and its own temp files: they may be saves in progress.
    const ownTemp = `annotations/.${a}.json.${process.pid}.0123abcd.tmp`
    writeFileSync(join(dir, ownTemp), '{')
    const report = await checkNotebook(dir, { repair: true, lockHeld: true })
    expect(report.repaired.map((p) => p.file)).toEqual([bodyFile(dir, a)])
    expect(readFileSync(join(dir, '.lock'), 'utf8')).toBe(lock)
    expect(existsSync(join(dir, ownTemp))).toBe(true)
    rmSync(join(dir, ownTemp))
    // A plain check still works while the lock is held.
    expect((await checkReadOnly(dir)).problems).toEqual([])
  })
})
