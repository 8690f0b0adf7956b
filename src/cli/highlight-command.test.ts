/**
 * `dossier highlight edit|delete` (and that `dossier highlight ARTICLE …` still highlights),
 * `dossier delete` / `undelete`: through the session, with --json shapes, exit codes and
 * an unchanged notebook (every file, byte for byte) when refused.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleSummary, ArticleView } from '../core/api'
import type { ArticleId } from '../core/ids'
import type { Highlight, Tag } from '../core/model'
import { openTestNotebook, tempDir } from '../main/briefings/test-notebook'
import { expectRefusal, fileTree, runCliIn } from './test-cli'

let tmp: string
let nb: string
let articleId: ArticleId
/** As the importer titled it: the text's first line. */
let title: string
let highlight: Highlight
let tagsByName: Map<string, Tag>
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])
const refused = (exitCode: 1 | 2, message: RegExp | string, ...args: string[]) => expectRefusal(nb, () => dossier(...args), exitCode, message)
/** `show --json` as stored: without the event-date suggestions show adds (timeline-commands.test.ts covers those). */
const view = async (id: string) => {
  const shown = JSON.parse((await dossier('show', id, '--json')).out) as ArticleView
  const stored = (h: Highlight) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'suggestedEventDate')) as Highlight
  return { ...shown, highlights: shown.highlights.map(stored), orphans: shown.orphans.map(stored) }
}

beforeAll(async () => {
  tmp = await tempDir('dossier-cli-highlights-')
  nb = join(tmp, 'nb')
  const made = await openTestNotebook(nb)
  articleId = made.ids.get('a-0000000002')!
  title = made.session.articleSummary(articleId).title
  await made.session.close()
  expect((await dossier('backup')).code).toBe(0)
  tagsByName = new Map((JSON.parse((await dossier('tags', '--json')).out) as Tag[]).map((t) => [t.name, t]))
  // "Sohtaoğlu, 54, …": tagged People only, no comment.
  highlight = (await view(articleId)).highlights.find((h) => h.target.exact.startsWith('Sohtaoğlu, 54'))!
}, 60_000)

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('dossier highlight edit', () => {
  it('adds and removes tags and replaces the comment, keeping the passage', async () => {
    const r = await dossier('highlight', 'edit', highlight.id, '--tag', 'negotiations', '--untag', 'People', '--comment', '  Born in İzmir: check.  ', '--json')
    expect(r.code).toBe(0)
    const edited = JSON.parse(r.out) as Highlight
    expect(edited).toEqual({ ...highlight, tagIds: [tagsByName.get('Negotiations')!.id], comment: 'Born in İzmir: check.', updatedAt: expect.any(String) })
    expect((await view(articleId)).highlights.find((h) => h.id === highlight.id)).toEqual(edited)
    highlight = edited
    const human = await dossier('highlight', 'edit', highlight.id, '--tag', tagsByName.get('People')!.id)
    expect(human.out).toBe(`Updated ${highlight.id} in "${title}" [Negotiations, People]\n  comment: Born in İzmir: check.\n`)
    const cleared = await dossier('highlight', 'edit', highlight.id, '--comment', '', '--json')
    expect(JSON.parse(cleared.out)).toMatchObject({ comment: '', tagIds: [tagsByName.get('Negotiations')!.id, tagsByName.get('People')!.id] })
  })

  it('an edit that changes nothing writes nothing and says so', async () => {
    const before = await fileTree(nb)
    const r = await dossier('highlight', 'edit', highlight.id, '--tag', 'People', '--comment', '')
    expect(r).toMatchObject({ code: 0, err: '' })
    expect(r.out).toMatch(/already is as asked; nothing changed/)
    expect(await fileTree(nb)).toEqual(before)
  })

  it('refuses an unknown highlight or tag, a tag both added and removed, or nothing to change', async () => {
    const missing = await refused(1, 'There is no highlight with id h-0000000000 in this notebook.', 'highlight', 'edit', 'h-0000000000', '--tag', 'People', '--json')
    expect(JSON.parse(missing.out)).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no highlight with id h-0000000000 in this notebook.' } })
    await refused(1, 'There is no tag named "Nobody"', 'highlight', 'edit', highlight.id, '--tag', 'Nobody')
    await refused(2, 'is given to both --tag and --untag', 'highlight', 'edit', highlight.id, '--tag', 'People', '--untag', 'people')
    const nothing = await refused(2, 'Nothing to change', 'highlight', 'edit', highlight.id)
    expect(nothing.err).toContain('Run "dossier highlight edit --help" for its usage.')
  })

  it('"dossier highlight ARTICLE --quote …" still makes a highlight (the group\'s default command)', async () => {
    const r = await dossier('highlight', articleId, '--quote', 'until further notice', '--tag', 'People', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ articleId, target: { exact: 'until further notice' } })
    const usage = await refused(2, "required option '--quote <text>' not specified", 'highlight', articleId, '--tag', 'People')
    expect(usage.err).toContain('Run "dossier highlight --help" for its usage.')
  })
})

describe('dossier highlight delete', () => {
  it('deletes the highlight, printing it in full with --json; the text stays', async () => {
    const before = await view(articleId)
    const doomed = before.highlights.find((h) => h.target.exact === 'until further notice')!
    const r = await dossier('highlight', 'delete', doomed.id, '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toEqual({ deleted: doomed })
    const after = await view(articleId)
    expect(after.highlights.map((h) => h.id)).toEqual(before.highlights.filter((h) => h.id !== doomed.id).map((h) => h.id))
    expect(after.text).toBe(before.text)
    const again = await refused(1, `There is no highlight with id ${doomed.id}`, 'highlight', 'delete', doomed.id)
    expect(again.out).toBe('')
  })

  it('says what it deleted', async () => {
    const r = await dossier('highlight', 'delete', highlight.id)
    expect(r).toEqual({ code: 0, err: '', out: `Deleted highlight ${highlight.id} from "${title}" [Negotiations, People]\n  “${highlight.target.exact}”\n` })
  })
})

describe('dossier delete and undelete', () => {
  it('moves an article and its highlights to the trash, saying it can be restored, and restores it exactly', async () => {
    const list = async () => JSON.parse((await dossier('list', '--json')).out) as ArticleSummary[]
    const before = await list()
    const shownBefore = await view(articleId)
    const r = await dossier('delete', articleId)
    expect(r).toEqual({
      code: 0,
      err: '',
      out: `Moved "${title}" (${articleId}) and its 1 highlight to the notebook's trash.\nRestore it with: dossier undelete ${articleId}\n`,
    })
    expect((await list()).map((a) => a.id)).not.toContain(articleId)
    await refused(1, `There is no article with id ${articleId} in this notebook.`, 'delete', articleId)
    const restored = await dossier('undelete', articleId, '--json')
    expect(restored.code).toBe(0)
    expect(JSON.parse(restored.out)).toEqual(before.find((a) => a.id === articleId))
    expect(await list()).toEqual(before)
    expect(await view(articleId)).toEqual(shownBefore)
  })

  it('--json of delete names what went to the trash', async () => {
    const r = await dossier('delete', articleId, '--json')
    expect(JSON.parse(r.out)).toEqual({ articleId, title, highlightCount: 1, inTrash: true })
    expect((await dossier('undelete', articleId)).out).toBe(`Restored "${title}" (${articleId}) with 1 highlight from the trash.\n`)
  })

  it('refuses an unknown article, one not in the trash, or something that is not an id, changing nothing', async () => {
    const unknown = await refused(1, 'There is no article with id a-0000000000 in this notebook.', 'delete', 'a-0000000000', '--json')
    expect(JSON.parse(unknown.out)).toMatchObject({ ok: false, error: { code: 'not-found' } })
    await refused(1, `There is nothing to restore for article ${articleId}: it is not in the notebook's trash.`, 'undelete', articleId)
    await refused(1, 'There is nothing to restore for article a-0000000000', 'undelete', 'a-0000000000')
    await refused(1, '"../notebook" is not an article id (a-…); nothing was restored.', 'undelete', '../notebook')
    await refused(2, "missing required argument 'id'", 'delete')
  })
})
