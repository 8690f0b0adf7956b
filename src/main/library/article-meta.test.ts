/**
 * The analyst's metadata edits and their undo accept only real days and safe URLs, the
 * same rules import and `dossier check` apply (src/core/dates.ts, src/core/urls.ts).
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ArticleMetaSnapshot } from '../../core/api'
import { parseApiArgs } from '../../core/api-schema'
import type { ArticleId } from '../../core/ids'
import { NotebookSession } from '../notebook-session'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
const TEXT = 'Convoy turned back at the Tartus gate\n\nThirty trucks left Khmeimim at dawn. The convoy was stopped at a checkpoint near Jableh.\n'

let dir: string
let session: NotebookSession
let id: ArticleId
let snapshot: ArticleMetaSnapshot

beforeEach(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'dossier-meta-')), 'nb')
  session = await NotebookSession.open(dir, { fontsDir: FONTS })
  await session.importContents([{ name: 'convoy.txt', bytes: new TextEncoder().encode(TEXT) }])
  id = session.listArticles()[0]!.id
  const { article: a } = await session.getArticle(id)
  snapshot = { title: a.title, outlet: a.outlet, author: a.author, published: a.published, url: a.url, metaSources: a.metaSources, metaEdited: a.metaEdited }
})

const catalog = () => readFileSync(join(dir, 'catalog.json'), 'utf8')

describe('editing an article’s date and URL', () => {
  it.each([
    ['2025-02-30', 'The date "2025-02-30" is not a real day: February 2025 has 28 days.'],
    ['9999-99-99', 'The date "9999-99-99" is not a real day: there is no month 99.'],
    ['2025-01-15T25:00', 'The date "2025-01-15T25:00" is not a real time: there is no hour 25.'],
  ])('refuses the date %s, saying why, and changes nothing', async (published, message) => {
    const before = catalog()
    await expect(session.updateArticleMeta(id, { published })).rejects.toMatchObject({ code: 'bad-request', message })
    await expect(session.restoreArticleMeta(id, { ...snapshot, published })).rejects.toMatchObject({ code: 'bad-request', message })
    expect(catalog()).toBe(before)
  })

  it('keeps a date before 1900', async () => {
    expect((await session.updateArticleMeta(id, { published: '1863-11-19' })).published).toBe('1863-11-19')
  })

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'https://bank.example@evil.example/', 'https://example.org/"><script>'])(
    'refuses the URL %s in an edit and in an undo',
    async (url) => {
      const before = catalog()
      await expect(session.updateArticleMeta(id, { url })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/^The URL /) })
      await expect(session.restoreArticleMeta(id, { ...snapshot, url })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/^The URL /) })
      expect(catalog()).toBe(before)
    },
  )

  it('removes bidi overrides and zero-width characters from an edited title', async () => {
    const edited = await session.updateArticleMeta(id, { title: '\u202eTROPER DEKAEL\u202c \u200bnotes' })
    expect(edited.title).toBe('TROPER DEKAEL notes')
  })
})

describe('the API argument schemas apply the same rules', () => {
  it('refuses an impossible date or an unsafe URL in updateArticleMeta and restoreArticleMeta', () => {
    const meta = { title: 'T', outlet: null, author: null, published: null, url: null, metaSources: {}, metaEdited: [] }
    expect(parseApiArgs('updateArticleMeta', [{ articleId: 'a-0123456789', change: { published: '2025-02-30' } }])).toEqual({
      ok: false,
      message: 'invalid arguments for updateArticleMeta at change.published: "2025-02-30" is not a real day: February 2025 has 28 days.',
    })
    expect(parseApiArgs('updateArticleMeta', [{ articleId: 'a-0123456789', change: { url: 'javascript:alert(1)' } }])).toMatchObject({ ok: false, message: expect.stringMatching(/at change\.url: The URL "javascript:alert\(1\)" is not a web address/) })
    expect(parseApiArgs('restoreArticleMeta', [{ articleId: 'a-0123456789', meta: { ...meta, url: 'javascript:alert(1)' } }])).toMatchObject({ ok: false, message: expect.stringMatching(/at meta\.url: The URL/) })
    expect(parseApiArgs('restoreArticleMeta', [{ articleId: 'a-0123456789', meta: { ...meta, published: '9999-99-99' } }])).toMatchObject({ ok: false, message: expect.stringMatching(/at meta\.published: "9999-99-99" is not a real day/) })
    expect(parseApiArgs('search', [{ query: 'x', from: '2025-02-30' }])).toMatchObject({ ok: false, message: expect.stringMatching(/at from: "2025-02-30" is not a real day/) })
    // What is valid passes; '' still clears a field in an edit.
    expect(parseApiArgs('updateArticleMeta', [{ articleId: 'a-0123456789', change: { published: '1863-11-19', url: '' } }])).toMatchObject({ ok: true })
    expect(parseApiArgs('restoreArticleMeta', [{ articleId: 'a-0123456789', meta: { ...meta, published: '2024-02-29', url: 'https://example.org/a' } }])).toMatchObject({ ok: true })
  })
})
