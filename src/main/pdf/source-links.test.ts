import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildBriefing } from '../../core/briefing'
import { ARTICLES, NOTEBOOK } from '../../core/export/testing/fixture-notebook'
import { renderBriefingPdf } from './briefing-pdf'

const FONTS_DIR = join(fileURLToPath(new URL('../../../', import.meta.url)), 'resources', 'fonts')

describe('links in the PDF source list', () => {
  it('are written only for http(s) URLs, whatever else an article’s URL holds', async () => {
    const urls = ['javascript:alert(document.cookie)', 'mailto:editor@example.org', 'https://example.org/ok?a=1']
    const articles = ARTICLES.map((a, i) => ({ ...a, url: urls[i]! }))
    const layout = buildBriefing({ title: 'Links' }, { ...NOTEBOOK, articles }, { generatedAt: '2026-11-21T13:57:00.000Z' })
    const { bytes } = await renderBriefingPdf(layout, { fontsDir: FONTS_DIR })
    // pdfkit writes annotation dictionaries uncompressed, an ASCII URI as a literal string.
    const pdf = Buffer.from(bytes).toString('latin1')
    const uris = [...pdf.matchAll(/\/S \/URI\s*\/URI \(([^)]*)\)/g)].map((m) => m[1])
    expect(uris).toEqual(['https://example.org/ok?a=1'])
    expect(pdf).not.toMatch(/\/URI\s*<[0-9A-Fa-f\s]*>/) // no URI written as a hex string either
  })
})
