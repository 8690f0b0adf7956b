/**
 * `dossier ach …` and `dossier cooccurrence`: a matrix built entirely on the command line
 * scores as the core scores it, `show` prints what a user reads, and every refusal leaves
 * every notebook file byte for byte as it was.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { scoreAchMatrix, WEIGHT_LEVELS, type AchMatrix } from '../core/ach'
import type { CooccurrenceGrid } from '../core/cooccurrence'
import { readCsv } from '../core/export/testing/read-csv'
import type { Highlight } from '../core/model'
import type { AchSummary, AchView } from '../main/ach/ach-session'
import { openTestNotebook, tempDir } from '../main/briefings/test-notebook'
import { expectRefusal, runCliIn } from './test-cli'

let tmp: string
let nb: string
let highlights: Highlight[]
let id: string
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])
const refused = (exitCode: 1 | 2, message: RegExp | string, ...args: string[]) => expectRefusal(nb, () => dossier(...args), exitCode, message)
async function json<T>(...args: string[]): Promise<T> {
  const run = await dossier(...args, '--json')
  expect(run.code, run.err).toBe(0)
  return JSON.parse(run.out) as T
}

beforeAll(async () => {
  tmp = await tempDir('dossier-cli-ach-')
  nb = join(tmp, 'nb')
  const { session } = await openTestNotebook(nb)
  highlights = await session.store.allHighlights()
  await session.close()

  id = (await json<AchMatrix>('ach', 'create', 'Is Russia leaving Tartus?')).id
  for (const text of ['Withdrawing for good', 'Bargaining to stay', 'Forced out']) await json('ach', 'hypothesis', id, text)
  await json('ach', 'evidence', id, '--highlight', highlights[0]!.id, '--credibility', 'high', '--relevance', 'high')
  await json('ach', 'evidence', id, '--highlight', highlights[1]!.id, '--weight', '1')
  await json('ach', 'evidence', id, '--note', 'No new deployments reported', '--credibility', '0.5')
  const cells = ['E1 H1 C', 'E1 H2 II', 'E1 H3 I', 'E2 H1 I', 'E2 H2 C', 'E2 H3 NA', 'E3 h1 n', 'E3 H2 N', 'E3 H3 n']
  for (const cell of cells) await json('ach', 'rate', id, ...cell.split(' '))
})

describe('dossier ach', () => {
  it('stores what the commands built in ach/<id>.json', async () => {
    const stored = JSON.parse(await readFile(join(nb, 'ach', `${id}.json`), 'utf8')) as AchMatrix
    expect(stored.question).toBe('Is Russia leaving Tartus?')
    expect(stored.hypotheses.map((h) => h.text)).toEqual(['Withdrawing for good', 'Bargaining to stay', 'Forced out'])
    expect(stored.evidence.map((r) => [r.id, r.source.kind, r.credibility, r.relevance])).toEqual([
      ['E1', 'highlight', Math.SQRT2, Math.SQRT2],
      ['E2', 'highlight', 1, 1],
      ['E3', 'note', 0.5, 1],
    ])
    expect(stored.evidence[0]!.ratings).toEqual({ H1: 'C', H2: 'II', H3: 'I' })
  })

  it('show --json gives the ratings, scores, ranking, diagnostic and sensitive rows', async () => {
    const view = await json<AchView>('ach', 'show', id)
    // E1 weight 2: H2 +4, H3 +2. E2 weight 1: H1 +1. E3 all N.
    expect(view.scores.hypotheses.map((h) => [h.id, h.inconsistency, h.rank])).toEqual([
      ['H1', 1, 1],
      ['H2', 4, 3],
      ['H3', 2, 2],
    ])
    expect(view.scores.ranking).toEqual(['H1', 'H3', 'H2'])
    expect(view.scores.nonDiagnosticRows).toEqual(['E3'])
    // Without E1, H2 and H3 drop to 0, below H1 (1); without E2, H1 (0) still leads.
    expect(view.scores.sensitiveRows).toEqual(['E1'])
    expect(view.scores).toEqual(scoreAchMatrix(view.matrix))
    expect(view.evidence.map((e) => [e.id, e.text, e.missing])).toEqual([
      ['E1', highlights[0]!.target.exact, false],
      ['E2', highlights[1]!.target.exact, false],
      ['E3', 'No new deployments reported', false],
    ])
  })

  it('show prints a readable table with the leader and what it hinges on', async () => {
    const { out, code } = await dossier('ach', 'show', id)
    expect(code).toBe(0)
    expect(out).toContain(`ACH matrix ${id}: Is Russia leaving Tartus?`)
    expect(out).toMatch(/RANK\s+ID\s+INCONSISTENCY\s+UNRATED\s+HYPOTHESIS\n\s+1\s+H1\s+1\s+0\s+Withdrawing for good\n\s+2\s+H3\s+2\s+0\s+Forced out\n\s+3\s+H2\s+4\s+0\s+Bargaining to stay/)
    expect(out).toMatch(/E1\s+2\s+C\s+II\s+I\s+yes \(4\)\s+\[sensitive\] “/)
    expect(out).toMatch(/E3\s+0\.5\s+N\s+N\s+N\s+no\s+note: No new deployments reported/)
    expect(out).toContain('Leading: H1 “Withdrawing for good”.')
    expect(out).toContain('Sensitive rows (the lead hinges on them): E1 (without it: H2 and H3).')
    expect(out).toContain('Not diagnostic (rated alike across the hypotheses): E3.')
  })

  it('list shows each matrix with its leader', async () => {
    const list = await json<AchSummary[]>('ach', 'list')
    expect(list).toEqual([expect.objectContaining({ id, question: 'Is Russia leaving Tartus?', hypothesisCount: 3, evidenceCount: 3, leaders: ['H1'] })])
    expect((await dossier('ach', 'list')).out).toMatch(new RegExp(`^ID\\s+UPDATED\\s+HYPOTHESES\\s+ROWS\\s+LEADING\\s+QUESTION\\n${id}\\s+\\S+ \\S+\\s+3\\s+3\\s+H1\\s+Is Russia leaving Tartus\\?\\n$`))
  })

  it('export writes the matrix as Markdown or CSV, and never over a file without --force', async () => {
    const md = await dossier('ach', 'export', id, '--format', 'md', '--out', 'matrix.md')
    expect(md.code, md.err).toBe(0)
    expect(md.out).toBe(`Wrote ${join(tmp, 'matrix.md')} (3 hypotheses, 3 evidence rows).\n`)
    const text = await readFile(join(tmp, 'matrix.md'), 'utf8')
    expect(text).toContain('# ACH: Is Russia leaving Tartus?')
    expect(text).toMatch(/\| E1 \| “[^\n]+” — [^\n]+ \| 2 \| C \| II \| I \| yes \(4\), sensitive \|/)
    const csv = await json<{ path: string; format: string; rowCount: number }>('ach', 'export', id, '--format', 'csv', '--out', 'matrix.csv')
    expect(csv).toEqual({ path: join(tmp, 'matrix.csv'), format: 'csv', rowCount: 3, hypothesisCount: 3 })
    const records = readCsv(await readFile(join(tmp, 'matrix.csv'), 'utf8'))
    expect(records.at(-1)).toEqual(['Weighted inconsistency', '', '', '', '', '', '', '', '1', '4', '2', '', '', '', ''])
    await refused(1, `dossier: ${join(tmp, 'matrix.md')} already exists; nothing was written.`, 'ach', 'export', id, '--format', 'md', '--out', 'matrix.md')
    expect(await readFile(join(tmp, 'matrix.md'), 'utf8')).toBe(text)
  })

  it('a graded passage row takes its default credibility from the grade, as in the app; a weight given wins', async () => {
    const made = (await json<AchMatrix>('ach', 'create', 'Graded')).id
    expect((await dossier('highlight', 'edit', highlights[2]!.id, '--credibility', '5')).code).toBe(0)
    const graded = await json<AchMatrix>('ach', 'evidence', made, '--highlight', highlights[2]!.id)
    expect(graded.evidence[0]!.credibility).toBeCloseTo(WEIGHT_LEVELS.get('low')!, 5)
    expect(graded.evidence[0]!.relevance).toBe(1)
    const given = await json<AchMatrix>('ach', 'evidence', made, '--highlight', highlights[3]!.id, '--credibility', 'high')
    expect(given.evidence[1]!.credibility).toBe(WEIGHT_LEVELS.get('high'))
    expect((await json<{ deleted: AchMatrix }>('ach', 'delete', made)).deleted.id).toBe(made)
    expect((await dossier('highlight', 'edit', highlights[2]!.id, '--credibility', '')).code).toBe(0)
  })

  it('edits, moves and removes hypotheses', async () => {
    const made = (await json<AchMatrix>('ach', 'create', 'Scratch')).id
    await json('ach', 'hypothesis', made, 'A')
    await json('ach', 'hypothesis', made, 'B')
    expect((await json<AchMatrix>('ach', 'hypothesis', made, '--edit', 'h1', 'A, revised')).hypotheses[0]!.text).toBe('A, revised')
    expect((await json<AchMatrix>('ach', 'hypothesis', made, '--move', 'H2', '--to', '1')).hypotheses.map((h) => h.id)).toEqual(['H2', 'H1'])
    expect((await json<AchMatrix>('ach', 'hypothesis', made, '--remove', 'H2')).hypotheses.map((h) => h.id)).toEqual(['H1'])
    expect((await json<{ deleted: AchMatrix }>('ach', 'delete', made)).deleted.id).toBe(made)
  })

  it('refuses bad input with one clear line and changes nothing', async () => {
    await refused(1, 'dossier: "X" is not a rating: use one of CC, C, N, I, II, NA', 'ach', 'rate', id, 'E1', 'H1', 'X')
    await refused(1, `dossier: Matrix ${id} has no evidence row "E9" (it has: E1…E3).`, 'ach', 'rate', id, 'E9', 'H1', 'C')
    await refused(1, `dossier: Matrix ${id} has no hypothesis "H7" (it has: H1, H2, H3).`, 'ach', 'rate', id, 'E1', 'H7', 'C')
    await refused(1, 'dossier: There is no ACH matrix with id m-0000000000 in this notebook.', 'ach', 'rate', 'm-0000000000', 'E1', 'H1', 'C')
    await refused(1, 'dossier: The weight must be a number from 0.5 to 2 (1 = medium); 3 is out of range.', 'ach', 'evidence', id, '--note', 'x', '--weight', '3')
    await refused(1, 'dossier: The credibility must be low, medium, high or a number from 0.5 to 2; "abc" is none of these.', 'ach', 'evidence', id, '--note', 'x', '--credibility', 'abc')
    await refused(1, 'dossier: There is no passage (highlight) with id h-0000000000 in this notebook.', 'ach', 'evidence', id, '--highlight', 'h-0000000000')
    await refused(1, `dossier: The passage ${highlights[0]!.id} is already evidence row E1 of this matrix.`, 'ach', 'evidence', id, '--highlight', highlights[0]!.id)
    await refused(1, 'dossier: The question is empty: write some text.', 'ach', 'create', '  ')
    await refused(1, 'dossier: The hypothesis is empty: write some text.', 'ach', 'hypothesis', id, '')
    await refused(2, 'dossier: give the evidence as --highlight ID, --claim ID or --note TEXT: one of the three', 'ach', 'evidence', id)
    await refused(1, 'dossier: "../x" is not an ACH matrix id (m-…).', 'ach', 'show', '../x')
  })
})

describe('dossier cooccurrence', () => {
  it('--json gives the tag × tag counts with the highlight ids behind each', async () => {
    const grid = await json<CooccurrenceGrid>('cooccurrence')
    expect(grid.by).toBe('tag')
    const index = new Map(grid.rows.map((r, i) => [r.id, i]))
    for (const [i, row] of grid.rows.entries()) {
      const withTag = highlights.filter((h) => h.tagIds.includes(row.id as Highlight['tagIds'][number]))
      expect(grid.cells[i]![i]!.count).toBe(withTag.length)
      expect([...grid.cells[i]![i]!.highlightIds].sort()).toEqual(withTag.map((h) => h.id).sort())
    }
    const both = highlights.find((h) => h.tagIds.length >= 2)!
    const [a, b] = both.tagIds.map((t) => index.get(t)!)
    expect(grid.cells[a!]![b!]!.highlightIds).toContain(both.id)
  })

  it('--by outlet --csv FILE writes the grid as CSV with a header of outlets and a row per tag', async () => {
    const grid = await json<CooccurrenceGrid>('cooccurrence', '--by', 'outlet')
    const run = await dossier('cooccurrence', '--by', 'outlet', '--csv', 'outlets.csv')
    expect(run.code, run.err).toBe(0)
    expect(run.out).toBe(`Wrote ${join(tmp, 'outlets.csv')} (${grid.rows.length} tags × 1 outlet).\n`)
    expect(grid.columns).toHaveLength(1) // the fixture's articles state no outlet
    const records = readCsv(await readFile(join(tmp, 'outlets.csv'), 'utf8'))
    expect(records[0]).toEqual(['Tag \\ Outlet', ...grid.columns.map((c) => c.label)])
    expect(records.slice(1).map((r) => r[0])).toEqual(grid.rows.map((r) => r.label))
    expect(records.slice(1).map((r) => r.slice(1).map(Number))).toEqual(grid.cells.map((row) => row.map((c) => c.count)))
  })

  it('refuses --overlap outside tag × tag, and never overwrites a file without --force', async () => {
    await refused(2, 'dossier: --overlap applies to --by tag only', 'cooccurrence', '--by', 'article', '--overlap')
    await writeFile(join(tmp, 'kept.csv'), 'mine')
    await refused(1, `dossier: ${join(tmp, 'kept.csv')} already exists; nothing was written. Give --force to replace it, or choose another --csv.`, 'cooccurrence', '--csv', 'kept.csv')
    expect(await readFile(join(tmp, 'kept.csv'), 'utf8')).toBe('mine')
    expect((await dossier('cooccurrence', '--csv', 'kept.csv', '--force')).code).toBe(0)
    expect(readCsv(await readFile(join(tmp, 'kept.csv'), 'utf8'))[0]![0]).toBe('Tag')
    await refused(2, /argument 'nope' is invalid/, 'cooccurrence', '--by', 'nope')
  })
})
