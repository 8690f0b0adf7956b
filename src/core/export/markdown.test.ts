import { describe, expect, it } from 'vitest'
import { buildBriefing } from '../briefing'
import { createBriefingDocument, makeBriefingId, setSectionNote, updateBriefingFields } from '../briefing-document'
import { block, briefingToMarkdown, escapeInline, quoteBlock } from './markdown'
import { ARTICLES, NOTEBOOK, PEOPLE, PORTS, TALKS, TAGS } from './testing/fixture-notebook'

const GEN = { generatedAt: '2026-11-21T13:57:00.000Z' }
let doc = createBriefingDocument({
  id: makeBriefingId('00000000aa'),
  now: GEN.generatedAt,
  tags: TAGS,
  title: 'Eastern Mediterranean ports — weekly',
  author: 'Analyst Sohtaoğlu',
  handling: 'UNCLASSIFIED // FOR TRAINING',
  keyJudgments: 'Russia is keeping a foothold at طرطوس.\nTalks continue — slowly.\n\n- Watch the tariff.',
})
doc = setSectionNote(doc, PORTS, 'Port calls are down *sharply*.')
const layout = buildBriefing(doc, NOTEBOOK, GEN)
const md = briefingToMarkdown(layout)

/**
 * Undoes this module's escaping the way a CommonMark renderer does for text: drops the
 * backslash before ASCII punctuation and turns a backslash line break into a newline.
 */
const unescape = (s: string) => s.replace(/\\\n/g, '\n').replace(/\\([!-/:-@[-`{-~])/g, '$1')

describe('briefingToMarkdown', () => {
  it('opens with the handling line, title and the title block', () => {
    const lines = md.split('\n')
    expect(lines.slice(0, 3)).toEqual(['**UNCLASSIFIED // FOR TRAINING**', '', '# Eastern Mediterranean ports — weekly'])
    expect(md).toContain('**Author:** Analyst Sohtaoğlu\\\n**Date:** 21 November 2026\\\n**Handling:** UNCLASSIFIED // FOR TRAINING\\\n')
    expect(md).toContain('**Contents:** 8 passages from 3 sources')
    expect(md.trimEnd().endsWith('**UNCLASSIFIED // FOR TRAINING**')).toBe(true)
  })

  it('has key judgments, contents, one heading per section with its description and note', () => {
    expect(md).toContain('## Key judgments\n\nRussia is keeping a foothold at طرطوس.\\\nTalks continue — slowly.\n\n\\- Watch the tariff.\n')
    expect(md).toContain('## Contents\n\n1. §1 Ports & shipping (4 passages)\n2. §2 Negotiations (2 passages)\n3. §3 People (2 passages)\n4. Sources (3 sources)\n')
    expect(md).toContain('## §1 Ports & shipping\n\n*Port calls, shipping routes and who controls the harbours.*\n\nPort calls are down \\*sharply\\*.\n')
    expect(md).toContain('## §3 People\n')
  })

  it('renders every quote as a blockquote that reads back exactly, with its comment and citation', () => {
    for (const section of layout.sections) {
      for (const p of section.passages) {
        const quoted = quoteBlock(p.quote)
        expect(md).toContain(`**Passage ${p.number}**\n\n${quoted}\n`)
        const rendered = unescape(quoted.split('\n').map((l) => l.replace(/^> ?/, '')).join('\n'))
        expect(rendered).toBe(p.quote)
        if (p.comment) expect(unescape(md)).toContain(`**Comment:** ${p.comment}`)
      }
    }
    expect(unescape(md)).toContain('[1] bne IntelliNews, “Russia withdraws naval assets | ports *update*”, by Jane Roe, 15 December 2024. Also in §2 Negotiations (passage 5).')
  })

  it('escapes Markdown punctuation in article text so it renders as written', () => {
    expect(md).toContain('the \\*temporary\\* arrangement \\[sic\\] would end.')
    expect(md).toContain('3 \\< 4 \\> 2 & so on.')
    expect(escapeInline('a_b `c` <d> ~e~ &amp; & f')).toBe('a\\_b \\`c\\` \\<d\\> \\~e\\~ \\&amp; & f')
    expect(escapeInline('# not a heading')).toBe('\\# not a heading')
    expect(escapeInline('1. not a list')).toBe('1\\. not a list')
    expect(escapeInline('- not a list')).toBe('\\- not a list')
    expect(escapeInline('two\nlines')).toBe('two lines')
  })

  it('keeps line breaks: single ones as hard breaks, blank lines as paragraph breaks', () => {
    expect(block('one\ntwo\n\nthree')).toBe('one\\\ntwo\n\nthree')
    expect(quoteBlock('one\ntwo\n\nthree')).toBe('> one\\\n> two\n>\n> three')
  })

  it('lists sources with URL and the passages that cite them', () => {
    const sources = md.slice(md.indexOf('## Sources'))
    expect(sources).toContain('\\[1\\] bne IntelliNews, “Russia withdraws naval assets \\| ports \\*update\\*”, by Jane Roe, 15 December 2024.\\\n<https://example.org/news/russia-withdraws>\\\nCited in passages 1–3, 5.')
    expect(unescape(sources)).toContain('[2] “Notes from the harbour at طرطوس”.\nCited in passage 4.\n\n[3] Anadolu Agency')
  })

  it('links only http(s) URLs; any other URL is shown as text, never as a link', () => {
    const urls = ['javascript:alert(document.cookie)', 'file:///etc/passwd', 'https://example.org/a_b?c=1']
    const articles = ARTICLES.map((a, i) => ({ ...a, url: urls[i]! }))
    const text = briefingToMarkdown(buildBriefing({ title: 'Links' }, { ...NOTEBOOK, articles }, GEN))
    expect(text).toContain('\\\njavascript:alert(document.cookie)\\\n')
    expect(text).toContain('\\\nfile:///etc/passwd\\\n')
    expect(text).toContain('\\\n<https://example.org/a_b?c=1>\\\n')
    expect(text.match(/<[a-z][a-z0-9+.-]*:[^>]*>/gi)).toEqual(['<https://example.org/a_b?c=1>'])
  })

  it('lists cross-references in cross-reference mode', () => {
    const x = briefingToMarkdown(buildBriefing(updateBriefingFields(doc, { multiTag: 'cross-reference' }), NOTEBOOK, GEN))
    expect(x).toContain('See also §2 Negotiations.')
    expect(x).toContain('**Also relevant to Negotiations** (printed in other sections):\n\n- Passage 2 (§1 Ports & shipping): “Officials said the berths would be “cleared” — perhaps by March — and that the \\*temporary…”')
    expect([PEOPLE, TALKS]).toHaveLength(2)
  })

  it('leaves out what is empty: no handling lines, no key judgments', () => {
    const plain = briefingToMarkdown(buildBriefing({ title: 'Plain' }, NOTEBOOK, GEN))
    expect(plain.startsWith('# Plain\n')).toBe(true)
    expect(plain).not.toContain('Key judgments')
    expect(plain).not.toContain('**Handling:**')
    expect(plain).not.toContain('---')
  })
})
