/**
 * Terminal escape injection: an imported article's title and text (and a comment) holding
 * ESC/OSC/C1 sequences and bidi overrides must reach the terminal escaped, in every
 * command that prints them, on stdout and stderr; --json keeps the data but escapes it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleView, ImportReport } from '../core/api'
import { testArticle } from '../core/testing/test-article'
import { NotebookStore } from '../main/storage/notebook-store'
import { runCliIn, type CliRun } from './test-cli'

// Retitles the terminal (OSC 0), writes the clipboard (OSC 52), clears the screen (C1 CSI), reverses text (RLO).
const TITLE = 'Quarterly \u001b]0;pwned\u0007report \u001b]52;c;Y3VybA==\u0007\u009b2J \u202eevil\u202c'
const BODY = 'The body \u001b[2J clears \u009bH the screen.\rThe convoy left the base.'
const SHOWN_TITLE = 'Quarterly \\u001b]0;pwned\\u0007report \\u001b]52;c;Y3VybA==\\u0007\\u009b2J \\u202eevil\\u202c'

/** Anything a terminal would act on: C0 but line feed and tab, DEL, C1. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
const RAW_BIDI = /[\u202a-\u202e\u2066-\u2069]/

let tmp: string
let id: string
let imported: CliRun
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])

function expectSafe(r: CliRun): void {
  expect(r.out).not.toMatch(RAW_CONTROL)
  expect(r.err).not.toMatch(RAW_CONTROL)
  expect(r.out).not.toMatch(RAW_BIDI)
  expect(r.err).not.toMatch(RAW_BIDI)
}

/** What import keeps of TITLE: controls and invisible characters removed (src/core/text-hygiene.ts). */
const CLEANED_TITLE = 'Quarterly ]0;pwnedreport ]52;c;Y3VybA==2J evil'

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'dossier-cli-terminal-'))
  await writeFile(join(tmp, 'hostile.txt'), `${TITLE}\n\n${BODY}\n`)
  imported = await dossier('import', 'hostile.txt')
  // Import removes control characters now, but notebooks written before kept them in titles
  // and texts (stored text never changes): plant such an article as an older version stored it.
  const store = await NotebookStore.open(join(tmp, 'nb'))
  const text = 'The body \u001b[2J clears \u009bH the screen.\nThe convoy left the base.\n'
  const bodyHash = await store.putBody(text)
  await store.updateCatalog((c) => void c.articles.push(testArticle('a-01d0000000', { title: TITLE, bodyHash, charCount: text.length })))
  await store.close()
  id = 'a-01d0000000'
})

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('human output escapes what the notebook holds', () => {
  it('the import report is safe: import removed the controls from the title', () => {
    expect(imported.code).toBe(0)
    expectSafe(imported)
    expect(imported.out).toMatch(new RegExp(`imported  a-[0-9a-f]{10}  ${CLEANED_TITLE.replace(/[[\]()*+?.\\^$|{}]/g, '\\$&')}\n`))
  })

  it('list, show and search print the title and text with their controls escaped', async () => {
    const list = await dossier('list')
    expectSafe(list)
    expect(list.out).toContain(SHOWN_TITLE)

    const show = await dossier('show', id)
    expectSafe(show)
    expect(show.out.split('\n')[0]).toBe(SHOWN_TITLE)
    expect(show.out).toContain('The body \\u001b[2J clears \\u009bH the screen.\nThe convoy left the base.') // import made the CR a line break

    const search = await dossier('search', 'convoy')
    expectSafe(search)
    expect(search.out).toContain(SHOWN_TITLE)
  })

  it('a highlight comment and the highlight report are escaped too', async () => {
    const h = await dossier('highlight', id, '--quote', 'The convoy left the base', '--tag', 'Convoys', '--comment', 'see \u001b]52;c;ZXZpbA==\u0007 here')
    expectSafe(h)
    expect(h.out).toContain(`in "${SHOWN_TITLE}"`)
    const show = await dossier('show', id)
    expectSafe(show)
    expect(show.out).toContain('  comment: see \\u001b]52;c;ZXZpbA==\\u0007 here')
  })

  it('an error message naming the title escapes it on stderr', async () => {
    const r = await dossier('highlight', id, '--quote', 'not in the text', '--tag', 'Bases')
    expect(r.code).toBe(1)
    expectSafe(r)
    expect(r.err).toContain(`"${SHOWN_TITLE}"`)
  })
})

describe('the commands that change tags, highlights, articles and briefings escape what they print', () => {
  it('tag, highlight edit/delete, delete/undelete and briefing create/list/show/note', async () => {
    const name = 'Bad \u001b]0;tag\u0007 \u202eeman'
    const shownName = 'Bad \\u001b]0;tag\\u0007 \\u202eeman'
    const created = await dossier('tag', 'create', name)
    expectSafe(created)
    expect(created.out).toContain(`"${shownName}"`)
    const h = JSON.parse((await dossier('highlight', id, '--quote', 'the screen', '--tag', name, '--json')).out) as { id: string }
    const refused = await dossier('tag', 'delete', name)
    expect(refused.code).toBe(1)
    expectSafe(refused)
    const runs = [
      await dossier('tag', 'rename', name, `${name}2`),
      await dossier('highlight', 'edit', h.id, '--comment', 'x \u009b2J y'),
      await dossier('briefing', 'create', '--title', TITLE, '--section', `${name}2`, '--handling', 'A \u001b[31m B'),
      await dossier('briefing', 'list'),
      await dossier('highlight', 'delete', h.id),
      await dossier('delete', id),
      await dossier('undelete', id),
    ]
    for (const r of runs) {
      expect(r.code, r.err).toBe(0)
      expectSafe(r)
    }
    expect(runs[2]!.out).toContain(`\n${SHOWN_TITLE}\n`)
    expect(runs[3]!.out).toContain(SHOWN_TITLE)
    expect(runs[5]!.out).toContain(`"${SHOWN_TITLE}"`)
  })
})

describe('--json output keeps the data and escapes it', () => {
  it('holds no raw C1 or bidi character, and parses back to the stored title and text', async () => {
    for (const args of [['list'], ['show', id], ['import', 'hostile.txt']]) {
      const r = await dossier(...args, '--json')
      expectSafe(r)
    }
    const view = JSON.parse((await dossier('show', id, '--json')).out) as ArticleView
    expect(view.article.title).toBe(TITLE)
    expect(view.text).toContain(BODY.replace('\r', '\n'))
    const again = JSON.parse((await dossier('import', 'hostile.txt', '--json')).out) as ImportReport
    expect(again.items[0]).toMatchObject({ status: 'duplicate', title: CLEANED_TITLE })
  })
})
