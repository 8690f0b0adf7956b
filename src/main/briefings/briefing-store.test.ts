import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { addSection, type BriefingDocument, type BriefingId } from '../../core/briefing-document'
import type { ArticleId, HighlightId, TagId } from '../../core/ids'
import { NotebookSession } from '../notebook-session'
import { deleteTag, restoreTag } from '../tags/tag-ops'
import { createBriefing, deleteBriefing, getBriefing, listBriefings, previewBriefing, saveBriefing } from './briefing-ops'
import { FONTS_DIR, openTestNotebook, tempDir, type TestNotebook } from './test-notebook'

let nb: TestNotebook

beforeAll(async () => {
  nb = await openTestNotebook(await tempDir('dossier-briefings-'))
})
afterAll(async () => {
  await nb.session.close()
})

const fileOf = (id: string) => join(nb.dir, 'briefings', `${id}.json`)

describe('stored briefings', () => {
  it('creates a briefing with the codebook as sections and stores it in briefings/<id>.json', async () => {
    const doc = await createBriefing(nb.ctx, '  Ports weekly ')
    expect(doc.id).toMatch(/^b-[0-9a-f]{10}$/)
    expect(doc.title).toBe('Ports weekly')
    expect(doc.selection.tagIds).toEqual(nb.session.store.tags.map((t) => t.id))
    expect(doc.sections.map((s) => s.tagId)).toEqual(doc.selection.tagIds)
    expect(JSON.parse(await readFile(fileOf(doc.id), 'utf8'))).toEqual(doc)
    expect(await getBriefing(nb.ctx, doc.id)).toEqual(doc)
  })

  it('lists summaries, most recently updated first', async () => {
    const a = await createBriefing(nb.ctx, 'First')
    const b = await createBriefing(nb.ctx, 'Second')
    const savedA = await saveBriefing(nb.ctx, { ...a, title: 'First, edited' })
    expect(savedA.updatedAt > b.updatedAt).toBe(true)
    const list = await listBriefings(nb.ctx)
    expect(list[0]).toEqual({ id: a.id, title: 'First, edited', date: a.date, updatedAt: savedA.updatedAt, sectionCount: a.sections.length })
    expect(list.map((s) => s.id)).toContain(b.id)
    const times = list.map((s) => s.updatedAt)
    expect([...times].sort().reverse()).toEqual(times)
  })

  it('saves edits, stamping updatedAt, and refuses an invalid document naming the problem', async () => {
    const doc = await createBriefing(nb.ctx, 'Edits')
    const saved = await saveBriefing(nb.ctx, { ...doc, handling: 'UNCLASSIFIED // FOR TRAINING', keyJudgments: 'Ports matter.' })
    expect(saved.updatedAt > doc.updatedAt).toBe(true)
    expect(await getBriefing(nb.ctx, doc.id)).toEqual(saved)
    const before = await readFile(fileOf(doc.id), 'utf8')
    await expect(saveBriefing(nb.ctx, { ...doc, title: '' })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/title/) })
    await expect(saveBriefing(nb.ctx, { ...doc, date: '2025-02-30' })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/date: not a calendar date/) })
    expect(await readFile(fileOf(doc.id), 'utf8')).toBe(before)
  })

  it('keeps references to tags, passages and articles that no longer exist when saving; the preview ignores them', async () => {
    const doc = await createBriefing(nb.ctx, 'Stale references')
    const ports = 't-ports' as TagId
    const [first] = (await previewBriefing(nb.ctx, doc.id)).sections.find((s) => s.tag?.id === ports)!.passages
    const gone = (n: number) => `h-gone00000${n}` as HighlightId
    let edited: BriefingDocument = { ...doc, sections: doc.sections.map((s) => (s.tagId === ports ? { ...s, order: [gone(2), first!.highlightId], excluded: [gone(1)] } : s)) }
    edited = addSection(edited, 't-deleted' as TagId)
    const saved = await saveBriefing(nb.ctx, edited)
    expect(saved.selection.tagIds).toContain('t-deleted')
    const section = saved.sections.find((s) => s.tagId === ports)!
    expect(section.order).toEqual([gone(2), first!.highlightId])
    expect(section.excluded).toEqual([gone(1)])
    const layout = await previewBriefing(nb.ctx, doc.id)
    expect(layout.sections.map((s) => s.tag?.id)).not.toContain('t-deleted')
    expect(layout.sections.find((s) => s.tag?.id === ports)!.passages[0]!.highlightId).toBe(first!.highlightId)
    expect(layout.warnings.map((w) => w.kind)).toEqual(expect.arrayContaining(['tag-missing', 'passage-missing']))
  })

  it('a section whose tag was deleted comes back, note and all, when the tag delete is undone after a save', async () => {
    const doc = await createBriefing(nb.ctx, 'Undo a tag delete')
    const people = nb.session.store.tags.find((t) => t.name === 'People')!.id
    const noted = await saveBriefing(nb.ctx, { ...doc, sections: doc.sections.map((s) => (s.tagId === people ? { ...s, note: 'Who decides.' } : s)) })
    const removal = await deleteTag(nb.session.store, people)
    try {
      expect((await previewBriefing(nb.ctx, doc.id)).sections.map((s) => s.tag?.id)).not.toContain(people)
      await saveBriefing(nb.ctx, { ...noted, title: 'Undo a tag delete, edited' })
    } finally {
      await restoreTag(nb.session.store, removal)
    }
    const layout = await previewBriefing(nb.ctx, doc.id)
    const section = layout.sections.find((s) => s.tag?.id === people)
    expect(section?.note).toBe('Who decides.')
    expect(section!.passages.length).toBeGreaterThan(0)
  })

  it('an article filter whose articles were all deleted is an empty selection, not every article', async () => {
    const doc = await createBriefing(nb.ctx, 'Gone articles')
    const saved = await saveBriefing(nb.ctx, { ...doc, selection: { ...doc.selection, articleIds: ['a-gone0000001' as ArticleId] } })
    expect(saved.selection.articleIds).toEqual(['a-gone0000001'])
    await expect(previewBriefing(nb.ctx, doc.id)).rejects.toMatchObject({ code: 'empty-selection', message: expect.stringMatching(/no longer in the notebook/) })
  })

  it('saving a document whose id is unknown creates it (undo of a delete)', async () => {
    const doc = await createBriefing(nb.ctx, 'Undo me')
    await deleteBriefing(nb.ctx, doc.id)
    await expect(getBriefing(nb.ctx, doc.id)).rejects.toMatchObject({ code: 'not-found' })
    expect((await listBriefings(nb.ctx)).map((s) => s.id)).not.toContain(doc.id)
    const restored = await saveBriefing(nb.ctx, doc)
    expect(restored).toMatchObject({ id: doc.id, title: 'Undo me' })
    expect((await listBriefings(nb.ctx)).map((s) => s.id)).toContain(doc.id)
  })

  it('unknown ids are not-found; a malformed id is a bad request', async () => {
    await expect(getBriefing(nb.ctx, 'b-0000000000' as BriefingId)).rejects.toMatchObject({ code: 'not-found', message: 'There is no briefing with id b-0000000000 in this notebook.' })
    await expect(deleteBriefing(nb.ctx, 'b-0000000000' as BriefingId)).rejects.toMatchObject({ code: 'not-found' })
    await expect(getBriefing(nb.ctx, '../notebook' as BriefingId)).rejects.toMatchObject({ code: 'bad-request' })
  })

  it('skips a damaged file in the list and never writes over it', async () => {
    const good = await createBriefing(nb.ctx, 'Good')
    const damagedId = 'b-da3a6ed000'
    const damagedText = '{"id": "b-da3a6ed000", "title": "half a fi'
    await writeFile(fileOf(damagedId), damagedText)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const list = await listBriefings(nb.ctx)
      expect(list.map((s) => s.id)).toContain(good.id)
      expect(list.map((s) => s.id)).not.toContain(damagedId)
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`briefings/${damagedId}.json is damaged (is not valid JSON`))
    } finally {
      warn.mockRestore()
    }
    await expect(getBriefing(nb.ctx, damagedId as BriefingId)).rejects.toMatchObject({ code: 'notebook-unreadable', message: expect.stringMatching(/is damaged .* it was left as it is/) })
    await expect(saveBriefing(nb.ctx, { ...good, id: damagedId as BriefingId })).rejects.toMatchObject({ code: 'notebook-unreadable' })
    expect(await readFile(fileOf(damagedId), 'utf8')).toBe(damagedText)
    // Other briefings still save.
    await expect(saveBriefing(nb.ctx, { ...good, title: 'Still saves' })).resolves.toMatchObject({ title: 'Still saves' })
    expect((await readdir(join(nb.dir, 'briefings'))).filter((n) => n.endsWith('.tmp'))).toEqual([])
    await rm(fileOf(damagedId))
  })

  it('a read-only notebook lists and reads briefings but refuses changes', async () => {
    const doc = await createBriefing(nb.ctx, 'Read me')
    const ro = await NotebookSession.open(nb.dir, { fontsDir: FONTS_DIR }, { readOnly: true, create: false })
    try {
      const ctx = { ...nb.ctx, store: ro.store }
      expect(await getBriefing(ctx, doc.id)).toEqual(doc)
      expect((await listBriefings(ctx)).map((s) => s.id)).toContain(doc.id)
      const readOnly = { code: 'forbidden', message: 'This notebook was opened read-only; nothing can be changed.' }
      await expect(createBriefing(ctx, 'No')).rejects.toMatchObject(readOnly)
      await expect(saveBriefing(ctx, doc)).rejects.toMatchObject(readOnly)
      await expect(deleteBriefing(ctx, doc.id)).rejects.toMatchObject(readOnly)
      expect(await getBriefing(nb.ctx, doc.id)).toEqual(doc)
    } finally {
      await ro.close()
    }
  })

  it('previews a stored briefing against the current notebook: a new one holds every tag and the untagged passages', async () => {
    const doc = await createBriefing(nb.ctx, 'Preview')
    expect(doc.selection.untagged).toBe(true)
    const layout = await previewBriefing(nb.ctx, doc.id)
    expect(layout.briefingId).toBe(doc.id)
    expect(layout.title).toBe('Preview')
    expect(layout.sections.map((s) => s.tag?.name ?? '(untagged)')).toEqual(['Negotiations', 'Ports & shipping', 'People', '(untagged)'])
    expect(layout.sections.at(-1)!.passages.every((p) => p.tags.length === 0)).toBe(true)
    expect(layout.passageCount).toBeGreaterThan(0)
  })
})
