/**
 * What plain-text `list` and `show` tell about an article beyond its metadata: damage
 * flags, rewrite links, page furniture, highlights whose quote is gone, and fields the
 * analyst edited. (--json always carried these; the text output hid them.)
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleView, ImportReport } from '../core/api'
import { tempDir } from '../main/briefings/test-notebook'
import { runCliIn } from './test-cli'

const BODY =
  'Russian forces began withdrawing equipment from the Tartus naval base on Sunday, according to satellite images reviewed by analysts. ' +
  'The convoy of trucks left before dawn and headed north toward Latakia, where the Khmeimim air base remains under Russian control. ' +
  'Officials in Damascus said talks on the future of both bases would continue next week. ' +
  'A spokesman for the defence ministry declined to comment on the number of vehicles involved. ' +
  'Local residents described a steady stream of lorries through the night.'
/** Page furniture around the story, and a BEL (U+0007) import removes and flags. */
const ORIGINAL = `Advertisement\n\nRussian convoy leaves Tartus\n\nBy Jane Roe\n\n${BODY} The port bell\u0007 rang twice.\n\nShare this article\n\n© 2024 Example News. All rights reserved.\n`
/** The same reporting, lightly reworded: linked to the first as a likely rewrite. */
const REWRITE = `Convoy departs Tartus base\n\n${BODY.replace('Sunday', 'Monday').replace('declined to comment', 'would not comment')}\n`
/** Long enough (80 words) not to be flagged as a short extraction. */
const PLAIN =
  'Ships gather off Khmeimim\n\n' +
  'The Sparta II cargo ship waited offshore while negotiators met in the capital. Port officials said two more vessels were expected before the end of the week, ' +
  'and that loading would resume once the talks produced a timetable for the remaining equipment. Harbour pilots reported calm weather and no restrictions on movement. ' +
  'Shipping agents in Latakia said freight rates had risen for a third month, driven by waits at anchor rather than by demand, and that insurers were watching the talks closely ' +
  'before renewing cover for the spring.\n'

let tmp: string
let original: string
let rewrite: string
let plain: string
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])

beforeAll(async () => {
  tmp = await tempDir('dossier-cli-article-output-')
  await writeFile(join(tmp, 'original.txt'), ORIGINAL)
  await writeFile(join(tmp, 'rewrite.txt'), REWRITE)
  await writeFile(join(tmp, 'plain.txt'), PLAIN)
  const report = JSON.parse((await dossier('import', 'original.txt', 'rewrite.txt', 'plain.txt', '--json')).out) as ImportReport
  ;[original, rewrite, plain] = report.items.map((i): string => i.articleId!) as [string, string, string]
}, 60_000)

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('plain-text list', () => {
  it('has a FLAGS column: damage flags as short codes, rwN for rewrite links, — for none; and a legend', async () => {
    const r = await dossier('list')
    expect(r.code).toBe(0)
    const lines = r.out.split('\n')
    expect(lines[0]).toMatch(/^ID\s+DATE\s+OUTLET\s+WORDS\s+HIGHLIGHTS\s+FLAGS\s+TITLE$/)
    expect(lines.find((l) => l.startsWith(original))).toMatch(/\s0\s+ctrl,rw1\s+Russian convoy leaves Tartus$/)
    expect(lines.find((l) => l.startsWith(rewrite))).toMatch(/\s0\s+rw1\s+Convoy departs Tartus base$/)
    expect(lines.find((l) => l.startsWith(plain))).toMatch(/\s0\s+—\s+Ships gather off Khmeimim$/)
    expect(r.out).toMatch(/\n\nFLAGS: ctrl = control characters removed; rwN = likely rewrite of, or rewritten by, N other articles\. "dossier show ID" gives the details\.\n$/)
  })
})

describe('plain-text show', () => {
  it('lists the flags with their details, the rewrite links with score and title, and the furniture ranges with kind and label', async () => {
    const r = await dossier('show', original)
    expect(r.code).toBe(0)
    const view = JSON.parse((await dossier('show', original, '--json')).out) as ArticleView
    const flag = view.article.flags[0]!
    expect(r.out).toContain(`\nFlags (1):\n  Control characters removed (1): ${flag.detail}\n`)
    const link = view.article.rewrites[0]!
    expect(link).toMatchObject({ articleId: rewrite, kind: 'republication' })
    expect(r.out).toContain(`\nRewrite links (1):\n  ${rewrite}   ${Math.round(link.score * 100)}%  Likely republication of "Convoy departs Tartus base"\n`)
    const furniture = view.furniture.map((f) => `characters ${f.start}–${f.end}`)
    const width = Math.max(...furniture.map((f) => f.length))
    expect(view.furniture.map((f) => f.kind)).toEqual(['advertisement', 'social', 'copyright'])
    expect(r.out).toContain(
      `\nPage furniture (3; not the article, kept in the text below):\n${view.furniture.map((f, i) => `  ${furniture[i]!.padEnd(width)}  ${f.kind.padEnd('advertisement'.length)}  ${f.label}\n`).join('')}`,
    )
    // The furniture is still in the text shown below it.
    expect(r.out).toContain('Share this article\n\n© 2024 Example News. All rights reserved.\n────')
  })

  it('an article with none of these shows none of the sections', async () => {
    const r = await dossier('show', plain)
    expect(r.out).not.toMatch(/Flags \(|Rewrite links \(|Page furniture \(/)
    expect(r.out).toContain('format:    txt, language en\n')
  })

  it('marks fields the analyst edited, and lists highlights whose quote is no longer in the text', async () => {
    expect((await dossier('edit', plain, '--outlet', 'Example News')).code).toBe(0)
    expect((await dossier('highlight', plain, '--quote', 'waited offshore', '--comment', 'Where?')).code).toBe(0)
    expect((await dossier('highlight', plain, '--quote', 'Sparta II', '--comment', 'Which ship')).code).toBe(0)
    // A highlight whose quote cannot be found any more (as after an import from another notebook's text).
    const file = join(tmp, 'nb', 'annotations', `${plain}.json`)
    const stored = JSON.parse(await readFile(file, 'utf8')) as { highlights: { target: { exact: string; prefix: string; suffix: string } }[] }
    stored.highlights[1]!.target = { ...stored.highlights[1]!.target, exact: 'Admiral Kuznetsov', prefix: 'The ', suffix: ' sailed' }
    await writeFile(file, JSON.stringify(stored))
    const r = await dossier('show', plain)
    expect(r.out).toContain('outlet:    Example News  [edited by the analyst]\n')
    expect(r.out).toMatch(/\nHighlights \(1\):\n\nh-[0-9a-f]+ {2}\[\] {2}characters \d+–\d+\n {2}“waited offshore”\n {2}comment: Where\?\n/)
    expect(r.out).toMatch(/\n\nHighlights whose quote is no longer in the text \(1; kept, never removed\):\n\nh-[0-9a-f]+ {2}\[\] {2}not found\n {2}“Admiral Kuznetsov”\n {2}comment: Which ship\n$/)
  })
})
