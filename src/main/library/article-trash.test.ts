import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId, TagId } from '../../core/ids'
import { emptyAnalysisFields, type Article, type Highlight } from '../../core/model'
import type { DossierError } from '../../core/result'
import { checkNotebook } from '../storage/check-notebook'
import { writeFileDurably } from '../storage/durable-write'
import { annotationFileFor, CATALOG_FILE, NotebookStore } from '../storage/notebook-store'
import { deleteArticle, restoreArticle, trashFileFor } from './article-trash'

const A = 'a-0000000001' as ArticleId
const B = 'a-0000000002' as ArticleId

const article = (id: ArticleId, title: string, bodyHash: string, rewrites: Article['rewrites'] = [], original = { path: `originals/${bodyHash}.txt`, hash: bodyHash }): Article => ({
  id,
  title,
  outlet: 'Reuters',
  author: null,
  published: '2026-01-02',
  url: null,
  metaSources: { title: 'first heading' },
  bodyHash,
  wordCount: 3,
  charCount: 20,
  importedAt: '2026-11-21T10:00:00.000Z',
  ...emptyAnalysisFields(),
  rewrites,
  source: { fileName: `${title}.txt`, format: 'txt', originalFile: original.path, originalHash: original.hash },
})

const highlight = (n: number, articleId = A): Highlight => ({
  id: `h-${String(n).padStart(10, '0')}` as HighlightId,
  articleId,
  target: { start: 0, end: 6, exact: 'Convoy', prefix: '', suffix: ' turned' },
  tagIds: ['t-convoys' as TagId],
  comment: `note ${n}`,
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
})

const open: NotebookStore[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

/** A notebook with two articles (B links to A as a rewrite) and two highlights on A. */
async function populated(): Promise<NotebookStore> {
  const dir = join(mkdtempSync(join(tmpdir(), 'dossier-trash-')), 'nb')
  const store = await NotebookStore.open(dir)
  open.push(store)
  const textA = 'Convoy turned back.'
  const textB = 'Convoy turned back, officials said.'
  const hashA = await store.putBody(textA)
  const hashB = await store.putBody(textB)
  const originalA = await store.putOriginal(new TextEncoder().encode(textA), '.txt')
  const originalB = await store.putOriginal(new TextEncoder().encode(textB), '.txt')
  await store.updateCatalog((c) => {
    c.articles.push(article(A, 'Convoy turned back', hashA, [], originalA))
    c.articles.push(article(B, 'Officials: convoy back', hashB, [{ articleId: A, score: 0.82, kind: 'rewrite' }], originalB))
  })
  await store.updateHighlights(A, (hs) => void hs.push(highlight(1), highlight(2)))
  await store.updateHighlights(B, (hs) => void hs.push(highlight(3, B)))
  return store
}

describe('deleteArticle / restoreArticle', () => {
  it('moves the article and its highlights to the trash, and restore brings back the same entry and highlights', async () => {
    const store = await populated()
    const before = structuredClone(store.article(A))
    const highlightsBefore = structuredClone(await store.loadHighlights(A))

    const removal = await deleteArticle(store, A)
    expect(removal).toEqual({ articleId: A, title: 'Convoy turned back', highlightCount: 2 })
    expect(store.articles.map((a) => a.id)).toEqual([B])
    expect(store.highlightCount(A)).toBe(0)
    expect((await store.allHighlights()).map((h) => h.comment)).toEqual(['note 3'])
    const onDisk = JSON.parse(readFileSync(join(store.dir, CATALOG_FILE), 'utf8')) as { articles: Article[] }
    expect(onDisk.articles.map((a) => a.id)).toEqual([B])
    expect(existsSync(join(store.dir, annotationFileFor(A)))).toBe(false)
    const trash = JSON.parse(readFileSync(join(store.dir, trashFileFor(A)), 'utf8'))
    expect(trash.article).toEqual(before)
    expect(trash.highlights).toEqual(highlightsBefore)
    // The other article's link is kept so a restore is exact.
    expect(store.article(B)?.rewrites).toEqual([{ articleId: A, score: 0.82, kind: 'rewrite' }])

    const restored = await restoreArticle(store, A)
    expect(restored).toEqual(before)
    expect(store.articles.map((a) => a.id)).toEqual([A, B])
    expect(await store.loadHighlights(A)).toEqual(highlightsBefore)
    expect(store.highlightCount(A)).toBe(2)
    expect(existsSync(join(store.dir, trashFileFor(A)))).toBe(false)
  })

  it('restores what is on disk after the notebook is reopened', async () => {
    const store = await populated()
    const dir = store.dir
    await deleteArticle(store, A)
    await open.pop()?.close()
    const again = await NotebookStore.open(dir)
    open.push(again)
    expect(again.article(A)).toBeUndefined()
    await restoreArticle(again, A)
    expect((await again.loadHighlights(A)).map((h) => h.comment)).toEqual(['note 1', 'note 2'])
  })

  it('leaves a notebook that dossier check finds healthy', async () => {
    const store = await populated()
    await deleteArticle(store, A)
    const report = await checkNotebook(store.dir, { lockHeld: true })
    expect(report.problems).toEqual([])
  })

  it('says there is nothing to restore for an article that is not in the trash', async () => {
    const store = await populated()
    const error = (await restoreArticle(store, 'a-0000000099' as ArticleId).catch((e: DossierError) => e)) as DossierError
    expect(error.code).toBe('not-found')
    expect(error.message).toMatch(/nothing to restore/)
  })

  it('refuses to restore over an article already in the library, or a re-import of the same text', async () => {
    const store = await populated()
    await deleteArticle(store, A)
    const hashA = (JSON.parse(readFileSync(join(store.dir, trashFileFor(A)), 'utf8')) as { article: Article }).article.bodyHash
    await store.updateCatalog((c) => void c.articles.push(article('a-0000000003' as ArticleId, 'Same text again', hashA)))
    const error = (await restoreArticle(store, A).catch((e: DossierError) => e)) as DossierError
    expect(error.code).toBe('bad-request')
    expect(error.message).toMatch(/Same text again/)
    expect(store.articles.map((a) => a.id)).toEqual([B, 'a-0000000003'])
    expect(existsSync(join(store.dir, trashFileFor(A)))).toBe(true)
  })

  it('leaves the catalog and highlights unchanged when the trash cannot be written', async () => {
    const store = await populated()
    writeFileSync(join(store.dir, 'trash'), 'not a folder')
    const catalogBefore = readFileSync(join(store.dir, CATALOG_FILE), 'utf8')
    const error = (await deleteArticle(store, A).catch((e: DossierError) => e)) as DossierError
    expect(error.code).toBe('write-failed')
    expect(error.message).toMatch(/nothing was deleted/)
    expect(readFileSync(join(store.dir, CATALOG_FILE), 'utf8')).toBe(catalogBefore)
    expect(store.articles.map((a) => a.id)).toEqual([A, B])
    expect((await store.loadHighlights(A)).length).toBe(2)
  })

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('leaves the catalog unchanged when the trash folder is read-only (skipped as root, who may write anywhere, and on Windows)', async () => {
    const store = await populated()
    mkdirSync(join(store.dir, 'trash'))
    chmodSync(join(store.dir, 'trash'), 0o500)
    try {
      await expect(deleteArticle(store, A)).rejects.toMatchObject({ code: 'write-failed' })
      expect(store.article(A)?.title).toBe('Convoy turned back')
    } finally {
      chmodSync(join(store.dir, 'trash'), 0o700)
    }
  })

  it('a highlight saved while the delete runs goes to the trash with the others, and comes back on restore', async () => {
    const store = await populated()
    const deleting = deleteArticle(store, A)
    await store.updateHighlights(A, (hs) => void hs.push(highlight(4)))
    const removal = await deleting
    expect(removal.highlightCount).toBe(3)
    const trash = JSON.parse(readFileSync(join(store.dir, trashFileFor(A)), 'utf8')) as { highlights: Highlight[] }
    expect(trash.highlights.map((h) => h.comment)).toEqual(['note 1', 'note 2', 'note 4'])
    await restoreArticle(store, A)
    expect((await store.loadHighlights(A)).map((h) => h.comment)).toEqual(['note 1', 'note 2', 'note 4'])
  })

  it('puts the highlights back and leaves no trash file when the catalog cannot be written', async () => {
    const dir = (await populated()).dir
    await open.pop()?.close()
    let failCatalog = false
    const store = await NotebookStore.open(dir, {
      writer: async (target, data) => {
        if (failCatalog && target.endsWith(CATALOG_FILE)) throw new Error('ENOSPC: no space left on device')
        await writeFileDurably(target, data)
      },
    })
    open.push(store)
    const annotationsBefore = readFileSync(join(dir, annotationFileFor(A)), 'utf8')
    failCatalog = true
    await expect(deleteArticle(store, A)).rejects.toMatchObject({ code: 'write-failed' })
    expect(store.article(A)?.title).toBe('Convoy turned back')
    expect((await store.loadHighlights(A)).map((h) => h.comment)).toEqual(['note 1', 'note 2'])
    expect(readFileSync(join(dir, annotationFileFor(A)), 'utf8')).toBe(annotationsBefore)
    expect(existsSync(join(dir, trashFileFor(A)))).toBe(false)
  })

  it('restores highlights without the tags deleted from the codebook since', async () => {
    const store = await populated()
    await store.updateHighlights(A, (hs) => void (hs[0]!.tagIds = ['t-convoys' as TagId, 't-bases' as TagId]))
    await store.updateManifest((m) => {
      m.tags = [{ id: 't-bases' as TagId, name: 'Bases', color: '#0072B2', description: '' }]
    })
    await deleteArticle(store, A)
    await restoreArticle(store, A)
    expect((await store.loadHighlights(A)).map((h) => h.tagIds)).toEqual([['t-bases'], []])
  })

  it('refuses a damaged trash file and keeps it', async () => {
    const store = await populated()
    await deleteArticle(store, A)
    writeFileSync(join(store.dir, trashFileFor(A)), '{"article": null}')
    await expect(restoreArticle(store, A)).rejects.toMatchObject({ code: 'notebook-unreadable' })
    expect(store.article(A)).toBeUndefined()
    expect(existsSync(join(store.dir, trashFileFor(A)))).toBe(true)
  })
})
