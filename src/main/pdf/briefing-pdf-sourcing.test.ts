/**
 * The briefing PDF's sourcing (notes/sourcing.md "Briefings"): a key judgment prints the
 * claim it cites with its independent-source count and its passages' numbers and grades;
 * the Sources list groups the rewrite pair and notes the damaged source. Checked in the
 * text pdftotext reads.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBriefing } from '../../core/briefing'
import { briefingToMarkdown } from '../../core/export/markdown'
import { hl, sourcingBriefing, sourcingNotebook } from '../../core/testing/sourcing-briefing-fixture'
import { renderBriefingPdf } from './briefing-pdf'
import { FONTS_DIR, has, normalise, run } from './test-briefing-pdf'

const layout = buildBriefing(sourcingBriefing(), sourcingNotebook([1, 4, 3]), { generatedAt: '2025-03-02T00:00:00Z' })
let dir: string
let path: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-sourcing-pdf-'))
  path = join(dir, 'briefing.pdf')
  await writeFile(path, (await renderBriefingPdf(layout, { fontsDir: FONTS_DIR })).bytes)
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe.skipIf(!has('pdftotext'))('sourcing in the PDF (needs pdftotext)', () => {
  let text: string
  beforeAll(() => {
    text = normalise(run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']).stdout)
  })

  it('prints the cited claim under its key judgment with its count and passages’ grades', () => {
    expect(text).toContain('Claim: “Ships loaded at Tartus” 3 passages, 2 independent sources: [2] and [3] are one report.')
    expect(text).toContain('Supporting: passage 2 [2] (ungraded); passage 3 [3] (ungraded); passage 1 [1] (B2).')
  })

  it('groups the rewrite pair and notes damage in the Sources list; citations carry grades', () => {
    expect(text).toContain('[2] and [3] tell one report, 53% shared text: counted once.')
    expect(text).toContain('[4]: 2 unreadable characters in the text.')
    expect(text).toContain('[1] bne IntelliNews, “bne report”, 15 December 2024 (B2).')
  })
})

describe('sourcing in the Markdown export', () => {
  it('lists the claims a key judgment cites and the Sources list’s notes', () => {
    const md = briefingToMarkdown(layout)
    expect(md).toContain('**Key judgment 1 cites:**\n\n- Claim: “Ships loaded at Tartus”\\\n  3 passages, 2 independent sources: \\[2\\] and \\[3\\] are one report.\\\n  Supporting: passage 2 \\[2\\] (ungraded); passage 3 \\[3\\] (ungraded); passage 1 \\[1\\] (B2).\n')
    expect(md).toContain('*\\[2\\] and \\[3\\] tell one report, 53% shared text: counted once.*\\\n*\\[4\\]: 2 unreadable characters in the text.*')
  })
})

describe('attribution in the Markdown export', () => {
  it('prints the attribution the analyst saved under its passage', () => {
    const data = sourcingNotebook([1, 4, 3])
    const attributed = { ...data, highlights: data.highlights.map((h) => (h.id === hl(3) ? { ...h, attribution: { kind: 'secondary' as const, source: 'Reuters', phrase: 'according to Reuters', confirmed: true } } : h)) }
    const md = briefingToMarkdown(buildBriefing(sourcingBriefing(), attributed, { generatedAt: '2025-03-02T00:00:00Z' }))
    expect(md).toContain('**Attribution:** secondary: Reuters (“according to Reuters”)')
    expect(md.match(/\*\*Attribution:\*\*/g)).toHaveLength(1)
  })
})
