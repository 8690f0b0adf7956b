/**
 * The stored event date (decision 53): set, cleared and forgotten through the session as
 * the API does, kept on disk in the article's annotation file, restored by undo, and bad
 * values refused by the API schema and the session with the notebook unchanged.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseApiArgs } from '../../core/api-schema'
import type { ArticleId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import { isDossierError } from '../../core/result'
import type { EventDate } from '../../core/timeline/event-date'
import { FONTS_DIR, tempDir } from '../briefings/test-notebook'
import { NotebookSession } from '../notebook-session'
import { exportEventDates } from './event-dates'

let dir: string
let session: NotebookSession
let articleId: ArticleId
let highlight: Highlight
const onDisk = async () => (JSON.parse(await readFile(join(dir, 'annotations', `${articleId}.json`), 'utf8')) as { highlights: Highlight[] }).highlights[0]!
const SET: EventDate = { start: '2025-01-21', end: '2025-01-22', precision: 'day', source: 'analyst' }

beforeAll(async () => {
  dir = await tempDir('dossier-event-dates-')
  session = await NotebookSession.open(dir, { fontsDir: FONTS_DIR, app: 'test' })
  const report = await session.importContents([{ name: 'docking.txt', bytes: new TextEncoder().encode('Ships dock\n\nFebruary 2, 2025\n\nOn January 21 and 22, two vessels docked at Tartus.\n') }])
  articleId = report.items[0]!.articleId!
  highlight = await session.highlightQuote({ articleId, quote: 'On January 21 and 22, two vessels docked at Tartus.', tagNames: ['Convoys'], comment: '' })
})

afterAll(async () => {
  await session.close()
  await rm(dir, { recursive: true, force: true })
})

describe('a highlight\'s event date in the notebook', () => {
  it('a new highlight has no decision: nothing stored, the suggestion counts for exports', async () => {
    expect('eventDate' in (await onDisk())).toBe(false)
    expect((await exportEventDates(session.store)).get(highlight.id)).toEqual({ start: '2025-01-21', end: '2025-01-22', precision: 'day', source: 'suggested', phrase: 'January 21 and 22' })
  })

  it('set, clear (null) and forget (auto) are saved in the annotation file', async () => {
    await session.updateHighlight({ highlightId: highlight.id, eventDate: SET })
    expect((await onDisk()).eventDate).toEqual(SET)
    expect((await exportEventDates(session.store)).get(highlight.id)).toMatchObject({ start: '2025-01-21', source: 'analyst' })
    await session.updateHighlight({ highlightId: highlight.id, eventDate: null })
    expect((await onDisk()).eventDate).toBeNull()
    expect((await exportEventDates(session.store)).has(highlight.id)).toBe(false)
    await session.updateHighlight({ highlightId: highlight.id, eventDate: 'auto' })
    expect('eventDate' in (await onDisk())).toBe(false)
  })

  it('undo of a delete puts the event date back exactly', async () => {
    const dated = await session.updateHighlight({ highlightId: highlight.id, eventDate: SET })
    await session.deleteHighlight(dated.id)
    await session.restoreHighlight(dated)
    expect(await onDisk()).toEqual(dated)
  })

  it('an impossible day or an end before its start is refused by the session and the API schema, changing nothing', async () => {
    const before = await readFile(join(dir, 'annotations', `${articleId}.json`), 'utf8')
    for (const bad of [{ ...SET, start: '2025-02-30', end: '2025-03-01' }, { ...SET, start: '2025-01-22', end: '2025-01-21' }]) {
      const error = await session.updateHighlight({ highlightId: highlight.id, eventDate: bad }).catch((e: unknown) => e)
      expect(isDossierError(error) && error.code).toBe('bad-request')
      await expect(session.restoreHighlight({ ...highlight, id: 'h-00000000ff' as Highlight['id'], eventDate: bad })).rejects.toThrow(/event date/)
      const parsed = parseApiArgs('updateHighlight', [{ highlightId: highlight.id, eventDate: bad }])
      expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/^invalid arguments for updateHighlight at eventDate: The event date/) })
    }
    expect((await session.updateHighlight({ highlightId: highlight.id, eventDate: { ...SET, start: '2025-02-30' } }).catch((e: Error) => e.message))).toBe("The event date's start 2025-02-30 is not a real day: February 2025 has 28 days. Nothing was changed.")
    expect(await readFile(join(dir, 'annotations', `${articleId}.json`), 'utf8')).toBe(before)
    expect(parseApiArgs('updateHighlight', [{ highlightId: highlight.id, eventDate: 'auto' }]).ok).toBe(true)
    expect(parseApiArgs('updateHighlight', [{ highlightId: highlight.id, eventDate: { ...SET, precision: 'week' } }]).ok).toBe(false)
  })
})
