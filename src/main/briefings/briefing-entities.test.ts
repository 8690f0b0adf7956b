/**
 * Briefings with entity sections against a real notebook (decision 49): the session's
 * preview and exports take the passages from the notebook's mention index, follow entity
 * edits, and, on the shared corpus with the starter gazetteer, a section of Tartus cites
 * every article whose highlighted mention names the port under any spelling.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sectionName } from '../../core/briefing'
import { addSection, setEntityIndex, setSelectedTags, setUntagged } from '../../core/briefing-document'
import type { EntityId } from '../../core/entities'
import { KHMEIMIM, TARTUS } from '../../core/testing/entity-briefing-fixture'
import { readPackFile } from '../entities/entity-ops'
import { NotebookSession } from '../notebook-session'
import { openEntityTestNotebook, type EntityTestNotebook } from './test-entity-notebook'
import { FONTS_DIR, tempDir } from './test-notebook'

const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus')
const STARTER = join(import.meta.dirname, '..', '..', '..', 'resources', 'gazetteer', 'syria-russia.json')

describe('a stored briefing with entity sections', () => {
  let dir: string
  let nb: EntityTestNotebook
  beforeAll(async () => {
    dir = await tempDir('dossier-briefing-entities-')
    nb = await openEntityTestNotebook(join(dir, 'nb'))
  }, 60_000)
  afterAll(async () => {
    await nb.session.close()
    await rm(dir, { recursive: true, force: true })
  })

  const quotesOf = async (id: Parameters<NotebookSession['previewBriefing']>[0]) =>
    (await nb.session.previewBriefing(id)).sections.map((s) => [sectionName(s), s.passages.map((p) => p.quote)])

  it('previews every passage mentioning the entity, in Latin and Arabic spellings, and follows a new alias', async () => {
    const tartus = nb.entities.get(TARTUS)!
    let doc = await nb.session.createBriefing('Port')
    doc = await nb.session.saveBriefing(addSection(setUntagged(setSelectedTags(doc, []), false), tartus))
    expect(await quotesOf(doc.id)).toEqual([['Tartus', ['Russian ships left Tartous on Monday.', 'غادرت السفن الروسية ميناء طرطوس صباح الاثنين.']]])
    // "Tartusian" becomes a spelling of Tartus: the mention index is updated, and the preview with it.
    await nb.session.entities.addAlias('Tartus', 'Tartusian')
    expect((await quotesOf(doc.id))[0]![1]).toContain('A Tartusian fisherman said nothing had changed.')
  })

  it('exports Markdown with the index of entities', async () => {
    let doc = await nb.session.createBriefing('Bases')
    doc = await nb.session.saveBriefing(setEntityIndex(addSection(setUntagged(setSelectedTags(doc, []), false), nb.entities.get(KHMEIMIM)!), true))
    const out = join(dir, 'bases.md')
    const result = await nb.session.exportBriefing(out, { briefingId: doc.id, format: 'md' })
    expect(result.passageCount).toBe(2)
    const md = await readFile(out, 'utf8')
    expect(md).toContain('## §1 Khmeimim')
    expect(md).toContain('- **Khmeimim** (also written Hmeimim, حميميم): §1: 1, 2')
  })
})

describe.skipIf(!existsSync(CORPUS))('an entity section on the shared corpus (skipped when /work/shared/corpus is absent)', () => {
  let dir: string
  let session: NotebookSession
  beforeAll(async () => {
    dir = await tempDir('dossier-briefing-entities-corpus-')
    session = await NotebookSession.open(join(dir, 'nb'), { fontsDir: FONTS_DIR, now: () => new Date().toISOString(), app: 'test' })
    const files = (await readdir(CORPUS)).filter((f) => f.endsWith('.txt'))
    await session.importContents(await Promise.all(files.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(CORPUS, name))) }))))
    await session.entities.importPack(await readPackFile(STARTER))
  }, 120_000)
  afterAll(async () => {
    await session.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('a section of Tartus holds a passage from every article that names the port, under whichever spelling it uses', async () => {
    const tartus = 'e-tartus' as EntityId
    const index = session.entities.mentionIndex()
    await index.whenReady()
    const articles = [...index.articlesOf(tartus).keys()]
    expect(articles.length).toBeGreaterThan(1)
    // The analyst highlights the first mention of the port in each of those articles (the name and a little around it).
    const spellings = new Set<string>()
    for (const articleId of articles) {
      const mention = index.mentionsIn(articleId).find((m) => m.entityId === tartus)!
      const text = await session.store.readBody(session.store.article(articleId)!.bodyHash)
      const quote = text.slice(mention.start, mention.end)
      spellings.add(mention.alias)
      const occurrence = text.slice(0, mention.start).split(quote).length
      await session.highlightQuote({ articleId, quote, occurrence, tagNames: [], comment: '' })
    }
    let doc = await session.createBriefing('Tartus in the reporting')
    doc = await session.saveBriefing(addSection(setUntagged(setSelectedTags(doc, []), false), tartus))
    const layout = await session.previewBriefing(doc.id)
    expect(layout.sections.map((s) => s.entity?.name)).toEqual(['Tartus'])
    expect(new Set(layout.sources.map((s) => s.articleId))).toEqual(new Set(articles))
    expect(layout.passageCount).toBe(articles.length)
    // Printed as each article spells it.
    expect(new Set(layout.sections[0]!.passages.map((p) => p.quote)).size).toBe(spellings.size)
  })
})
