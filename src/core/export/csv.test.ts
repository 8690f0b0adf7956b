import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { buildBriefing } from '../briefing'
import { csvRecords, csvRowsFromLayout, csvRowsFromNotebook, guardFormula, highlightsToCsv, CSV_COLUMNS } from './csv'
import { sourcingBriefing, sourcingNotebook, hl } from '../testing/sourcing-briefing-fixture'
import { HIGHLIGHTS, NOTEBOOK, PORTS } from './testing/fixture-notebook'
import { readCsv } from './testing/read-csv'
import type { ClaimId } from '../sourcing/schema'

describe('highlightsToCsv', () => {
  const rows = csvRowsFromNotebook(NOTEBOOK)
  const csv = highlightsToCsv(rows, stringify)

  it('starts with a UTF-8 BOM and the header, uses CRLF between records and ends with one', () => {
    expect(csv.startsWith('\ufeffArticle,Outlet,Published,Tags,Quote,Comment,Start,End,Event start,Event end,Event precision,Event date source,Event phrase,Reliability,Credibility,Grade,Attribution,Claims\r\n')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const records = readCsv(csv.slice(1))
    expect(records[0]).toEqual([...CSV_COLUMNS])
    expect(records).toHaveLength(HIGHLIGHTS.length + 1)
    for (const r of records) expect(r).toHaveLength(18)
  })

  it('writes the event date last: days, precision, where it came from and the phrase (guarded); empty without one', () => {
    const event = { start: '2025-01-21', end: '2025-01-22', precision: 'day', source: 'accepted' as const, phrase: '=21 and 22 January' }
    const records = readCsv(highlightsToCsv([{ ...rows[0]!, event }, { ...rows[1]!, event: null }], stringify).slice(1))
    expect(records[1]!.slice(8, 13)).toEqual(['2025-01-21', '2025-01-22', 'day', 'accepted', "'=21 and 22 January"])
    expect(records[2]!.slice(8, 13)).toEqual(['', '', '', '', ''])
  })

  it('quotes every field holding a line break, so the record stays one row', () => {
    const record = (field: string) => highlightsToCsv([{ ...rows[0]!, comment: field }], stringify).split('\r\n')
    expect(readCsv(highlightsToCsv([{ ...rows[0]!, comment: 'one\rtwo' }], stringify).slice(1))[1]![5]).toBe('one\rtwo')
    expect(record('one\ntwo')[1]).toContain(',"one\ntwo",')
    expect(readCsv(csv.slice(1))[1]![5]).toBe('Cross-check with the AIS data.\nSecond line of the comment.')
  })

  it('holds one row per highlight, in publication order, every quote and comment exact', () => {
    const records = readCsv(csv.slice(1)).slice(1)
    const byQuote = new Map(records.map((r) => [r[4], r]))
    for (const h of HIGHLIGHTS) {
      const expectedQuote = guardFormula(h.target.exact)
      const r = byQuote.get(expectedQuote)
      expect(r, h.target.exact).toBeDefined()
      expect(r![5]).toBe(guardFormula(h.comment))
      expect([r![6], r![7]]).toEqual([String(h.target.start), String(h.target.end)])
    }
    expect(records.map((r) => r[2])).toEqual(['2024-12-15', '2024-12-15', '2024-12-15', '2025-01-03', '2025-01-03', '', ''])
    const first = records[0]!
    expect(first.slice(0, 4)).toEqual(['Russia withdraws naval assets | ports *update*', 'bne IntelliNews', '2024-12-15', 'Ports & shipping'])
    expect(first[5]).toBe('Cross-check with the AIS data.\nSecond line of the comment.')
    expect(records[3]![3]).toBe('Negotiations; People')
    expect(records[3]![4]).toContain('Sohtaoğlu told reporters that the “temporary” arrangement — agreed in March —')
    expect(records[6]![3]).toBe('')
  })

  it('guards cells Excel would run as formulas, and only those', () => {
    const records = readCsv(csv.slice(1)).slice(1)
    expect(records[2]![4]).toBe('\'=HYPERLINK("x") is what a hostile page might contain, and 3 < 4 > 2 & so on.')
    expect(records[2]![5]).toBe('\'@mention, "quoted", and a comma')
    expect(csv).toContain('"\'=HYPERLINK(""x"") is what')
    expect(guardFormula('-1')).toBe("'-1")
    expect(guardFormula('+x')).toBe("'+x")
    expect(guardFormula('\tx')).toBe("'\tx")
    expect(guardFormula('— a dash')).toBe('— a dash')
    const raw = readCsv(highlightsToCsv(rows, stringify, { guardFormulas: false }).slice(1))
    expect(raw[3]![4]).toBe('=HYPERLINK("x") is what a hostile page might contain, and 3 < 4 > 2 & so on.')
  })

  it('exports a briefing’s distinct highlights in briefing order', () => {
    const layout = buildBriefing({ tagIds: [PORTS, 't-talks' as typeof PORTS] }, NOTEBOOK, { generatedAt: '2026-11-21T13:57:00.000Z' })
    const briefingRows = csvRowsFromLayout(layout)
    expect(briefingRows.map((r) => r.highlightId)).toEqual([HIGHLIGHTS[0]!.id, HIGHLIGHTS[1]!.id, HIGHLIGHTS[2]!.id, HIGHLIGHTS[5]!.id, HIGHLIGHTS[3]!.id])
    expect(csvRecords(briefingRows)[1]!.slice(1, 4)).toEqual(['bne IntelliNews', '2024-12-15', 'Ports & shipping'])
  })
})

describe('grades and attribution in the CSV', () => {
  const data = sourcingNotebook([1, 4, 3])
  const attributed = {
    ...data,
    highlights: data.highlights.map((h) => (h.id === hl(3) ? { ...h, attribution: { kind: 'secondary' as const, source: 'Reuters', phrase: 'according to Reuters', confirmed: true } } : h)),
  }
  const columns = (records: string[][], quote: string) => records.find((r) => r[4] === quote)!.slice(1, 2).concat(records.find((r) => r[4] === quote)!.slice(13))

  it('a briefing’s rows carry outlet, reliability, credibility, grade code and attribution', () => {
    const layout = buildBriefing(sourcingBriefing(), attributed, { generatedAt: '2025-03-02T00:00:00Z' })
    const records = readCsv(highlightsToCsv(csvRowsFromLayout(layout), stringify).slice(1))
    expect(records[0]!.slice(13)).toEqual(['Reliability', 'Credibility', 'Grade', 'Attribution', 'Claims'])
    expect(columns(records, 'Quote 3')).toEqual(['bne IntelliNews', 'B', '2', 'B2', 'secondary: Reuters (“according to Reuters”)', ''])
    expect(columns(records, 'Quote 1')).toEqual(['', '', '', '', '', ''])
  })

  it('the whole notebook’s rows name the outlet as the notebook knows it, with its grade', () => {
    const records = readCsv(highlightsToCsv(csvRowsFromNotebook(attributed), stringify).slice(1))
    expect(columns(records, 'Quote 3')).toEqual(['bne IntelliNews', 'B', '2', 'B2', 'secondary: Reuters (“according to Reuters”)', 'supports: Ships loaded at Tartus'])
  })
})

describe('claims in the CSV', () => {
  const data = sourcingNotebook([1, 4, 3])
  const withClaims = {
    ...data,
    claims: {
      version: 1 as const,
      claims: [
        { id: 'c-ships00001' as ClaimId, statement: 'Ships loaded equipment at Tartus', passages: [{ highlightId: hl(3), articleId: data.highlights.find((h) => h.id === hl(3))!.articleId, stance: 'supports' as const, addedAt: '2025-03-01T00:00:00Z' }, { highlightId: hl(1), articleId: data.highlights.find((h) => h.id === hl(1))!.articleId, stance: 'contradicts' as const, addedAt: '2025-03-01T00:00:00Z' }], createdAt: '2025-03-01T00:00:00Z', updatedAt: '2025-03-01T00:00:00Z' },
        { id: 'c-talks00001' as ClaimId, statement: 'Talks went on', passages: [{ highlightId: hl(3), articleId: data.highlights.find((h) => h.id === hl(3))!.articleId, stance: 'supports' as const, addedAt: '2025-03-01T00:00:00Z' }], createdAt: '2025-03-01T00:00:00Z', updatedAt: '2025-03-01T00:00:00Z' },
      ],
    },
  }
  const claimsOf = (records: string[][], quote: string) => records.find((r) => r[4] === quote)!.at(-1)

  it('each row of the notebook names the claims its passage belongs to, with its stance', () => {
    const records = readCsv(highlightsToCsv(csvRowsFromNotebook(withClaims), stringify).slice(1))
    expect(records[0]!.at(-1)).toBe('Claims')
    expect(claimsOf(records, 'Quote 3')).toBe('supports: Ships loaded equipment at Tartus | supports: Talks went on')
    expect(claimsOf(records, 'Quote 1')).toBe('contradicts: Ships loaded equipment at Tartus')
    expect(claimsOf(records, 'Quote 4')).toBe('')
  })
})
