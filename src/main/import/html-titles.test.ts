/**
 * A saved page's own headline, not its site's name: sites often fill og:title or a logo
 * <h1> with their name, which must not give every page of the site one title.
 */
import { describe, expect, it } from 'vitest'
import { draftArticleFromText } from '../../core/import-text'
import { extractDocument } from './extract'

const page = (head: string, body: string): Uint8Array => Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`)
const PROSE =
  '<p>The harbour master said the northern breakwater would be closed for repairs from Monday, and that pleasure craft should use the south entrance until the work is finished in the autumn.</p>' +
  '<p>Fishing boats will keep their berths, but the fuel pontoon moves to the east quay for the duration. The board expects the repairs to cost less than last year’s estimate.</p>'

async function draftOf(bytes: Uint8Array, name = 'page.html') {
  const doc = await extractDocument(bytes, name)
  return draftArticleFromText(doc.text, name, doc.meta)
}

const HEADLINES = [
  'Russia pulls ships from Tartus', 'Convoy leaves Hmeimim at dawn', 'Talks on the bases stall in Damascus', 'Ferry crews walk out over night rotas',
  'Breakwater closed for repairs', 'Port authority names new harbour master', 'Fuel pontoon moves to the east quay', 'Night sailings cancelled until Thursday',
  'Union rejects new rota', 'Operator calls walkout unlawful',
]

describe('the title of a saved page', () => {
  it('is the page’s own title, with the site name after " | " as the outlet', async () => {
    const draft = await draftOf(page('<title>Russia pulls ships from Tartus | Example News</title>', `<article>${PROSE}</article>`))
    expect(draft.title).toBe('Russia pulls ships from Tartus')
    expect(draft.outlet).toBe('Example News')
    expect(draft.metaSources.outlet).toBe('<title>, the name after its last "|"')
  })

  it('fifty pages of one site whose og:title is the site name get fifty distinct titles', async () => {
    const titles = new Set<string>()
    for (let i = 0; i < 50; i++) {
      const headline = `${HEADLINES[i % HEADLINES.length]} (part ${i + 1})`
      const head = `<title>${headline} | Example News</title><meta property="og:title" content="Example News"><meta property="og:type" content="article">`
      const draft = await draftOf(page(head, `<header><h1 class="logo">Example News</h1></header><article>${PROSE}</article>`), `page-${i}.html`)
      expect(draft.title).toBe(headline)
      expect(draft.outlet).toBe('Example News')
      titles.add(draft.title)
    }
    expect(titles.size).toBe(50)
  })

  it('skips an og:title or <h1> that is only the site name stated by og:site_name or the publisher, and cuts the name from one that ends with it', async () => {
    const bySiteName = await extractDocument(
      page('<title>Example News</title><meta property="og:site_name" content="Example News"><meta property="og:title" content="Example News">', `<h1>Example News</h1><h2>Convoy leaves Hmeimim</h2>${PROSE}`),
      'a.html',
    )
    expect(bySiteName.meta.title).toBeUndefined()
    const jsonLd = '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Levant Ledger"}}</script>'
    const suffixed = await extractDocument(page(`${jsonLd}<meta property="og:title" content="Convoy leaves Hmeimim – Levant Ledger"><title>Levant Ledger</title>`, PROSE), 'b.html')
    expect(suffixed.meta.title).toEqual({ value: 'Convoy leaves Hmeimim', source: 'Open Graph og:title' })
    expect(suffixed.meta.outlet).toEqual({ value: 'Levant Ledger', source: 'JSON-LD publisher' })
  })
})

describe('what a saved page states is checked by the core rules', () => {
  it.each([
    ['javascript:alert(1)'],
    ['https://example.org/a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['https://bank.example@evil.example/login'],
    ['file:///etc/passwd'],
  ])('a canonical URL %s is not kept', async (href) => {
    const draft = await draftOf(page(`<title>Breakwater closed for repairs</title><link rel="canonical" href="${href}">`, `<article>${PROSE}</article>`))
    expect(draft.url).toBeNull()
    expect(draft.metaSources.url).toBeUndefined()
  })

  it('keeps a date before 1900 that the page states, and refuses one that is not a real day', async () => {
    const old = await draftOf(page('<title>Address at Gettysburg</title><meta property="article:published_time" content="1863-11-19">', `<article>${PROSE}</article>`))
    expect(old.published).toBe('1863-11-19')
    // An impossible date is passed over for the next statement of the date.
    const next = await draftOf(page('<title>Breakwater closed</title><meta property="article:published_time" content="2025-02-30"><meta name="dc.date" content="2025-02-28">', `<article>${PROSE}</article>`))
    expect(next.published).toBe('2025-02-28')
  })
})
