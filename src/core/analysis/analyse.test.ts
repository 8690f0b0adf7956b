import { describe, expect, it } from 'vitest'
import { countWords, normaliseText } from '../text'
import { analyseText, type TextAnalysis } from './analyse'

/** Three paragraphs of article prose (our own words), separated by blank lines. */
const BODY = [
  'Dockworkers in Latakia stopped work on Monday morning to demand wages that have gone unpaid since the autumn, leaving two grain ships waiting at anchor outside the harbour.',
  'The port authority said talks with the workers’ committee would resume on Wednesday, and that the transitional government had promised to pay the arrears in two instalments before the end of March.',
  'Shipping agents said the strike added to delays caused by new customs rules, and that some importers had begun sending cargo through Beirut instead, despite the longer road journey to Homs.',
].join('\n\n')

const analyse = (text: string, structural?: Parameters<typeof analyseText>[1]['structural']): TextAnalysis =>
  analyseText(normaliseText(text), structural ? { fileName: 'x.txt', structural } : { fileName: 'x.txt' })

const kinds = (a: TextAnalysis) => a.furniture.map((f) => f.kind)
const hidden = (text: string, a: TextAnalysis) => a.furniture.map((f) => text.slice(f.start, f.end))

/** No furniture range may overlap any of the given article passages. */
function expectUntouched(text: string, a: TextAnalysis, passages: string[]) {
  for (const passage of passages) {
    const start = text.indexOf(passage)
    expect(start, passage).toBeGreaterThanOrEqual(0)
    const end = start + passage.length
    for (const f of a.furniture) expect(f.end <= start || f.start >= end, `${f.kind} overlaps ${passage.slice(0, 40)}`).toBe(true)
  }
}

describe('metadata from the text', () => {
  it('reads headline, date line under it, byline, and keeps the stated time without inventing an offset', () => {
    const text = ['Port workers strike in Latakia over unpaid wages', 'March 3, 2025 at 9:15 am', 'By Rana Khoury', '', BODY].join('\n')
    const { meta } = analyse(text)
    expect(meta.title).toMatchObject({ value: 'Port workers strike in Latakia over unpaid wages', source: 'headline: first line, above the date line' })
    expect(meta.published.value).toBe('2025-03-03T09:15')
    expect(meta.published.source).toBe('date line under the headline (time stated without a UTC offset)')
    expect(meta.author).toMatchObject({ value: 'Rana Khoury', source: 'byline "By …"' })
    expect(meta.outlet.value).toBeNull()
    expect(meta.url.value).toBeNull()
    expect(meta.language).toMatchObject({ value: 'en' })
    for (const field of ['title', 'published', 'author'] as const) {
      const at = meta[field].at!
      expect(text.slice(at.start, at.end)).toContain(field === 'published' ? 'March 3, 2025' : meta[field].value)
    }
  })

  it('counts a repeated headline once and leaves it out of the word count', () => {
    const text = ['Port workers strike in Latakia', '', 'Port workers strike in Latakia', BODY].join('\n')
    const a = analyse(text)
    expect(a.meta.title).toMatchObject({ value: 'Port workers strike in Latakia', source: 'headline: first line, repeated (counted once)' })
    expect(a.meta.wordCount.value).toBe(analyse(BODY).meta.wordCount.value)
    expect(a.meta.wordCount.source).toMatch(/headline/)
  })

  it('takes a first line set apart above the body as the headline, and markdown marks off it', () => {
    expect(analyse(`# Port workers strike in Latakia\n\n${BODY}`).meta.title).toMatchObject({
      value: 'Port workers strike in Latakia',
      source: 'headline: first line, set apart above the body',
    })
  })

  it('takes the headline under a date line that comes first', () => {
    const { meta } = analyse(`5 March 2025\nPort workers strike in Latakia\n\n${BODY}`)
    expect(meta.title).toMatchObject({ value: 'Port workers strike in Latakia', source: 'headline: line 2, set apart above the body' })
    expect(meta.published).toMatchObject({ value: '2025-03-05', source: 'date line (first line)' })
  })

  it('states no headline, date, author or outlet for a file that begins with the body', () => {
    const { meta } = analyse(`${BODY}\n\nThe strike began yesterday; on Tuesday talks resume, and since 5 January no ship has left on December 13.`)
    expect(meta.title.value).toBeNull()
    expect(meta.title.source).toMatch(/no headline/)
    expect(meta.published.value).toBeNull()
    expect(meta.published.source).toMatch(/dates inside the body are not the publication date/)
    expect(meta.author.value).toBeNull()
    expect(meta.outlet.value).toBeNull()
  })

  it('ignores an "Updated" line and a date line below the header', () => {
    expect(analyse(`Port workers strike in Latakia\nUpdated: 5 March 2025\n\n${BODY}`).meta.published.value).toBeNull()
    const late = ['Port workers strike in Latakia', ...BODY.split('\n\n'), ...BODY.split('\n\n'), ...BODY.split('\n\n'), '5 March 2025'].join('\n')
    expect(analyse(late).meta.published.value).toBeNull()
  })

  it('reads a labelled date line and a byline with the date, with the offset stated', () => {
    const a = analyse(`Port workers strike in Latakia\nPublished: 3 March 2025, 09:15 GMT\n\n${BODY}`)
    expect(a.meta.published).toMatchObject({ value: '2025-03-03T09:15+00:00' })
    expect(a.meta.published.source).toMatch(/^labelled date line .*with its UTC offset$/)
    const b = analyse(`Port workers strike in Latakia\nBy Levant desk | March 3, 2025\n\n${BODY}`)
    expect(b.meta.author).toMatchObject({ value: 'Levant desk', source: 'byline "By …" before the date' })
    expect(b.meta.published.value).toBe('2025-03-03')
  })

  it('finds the outlet in a standfirst signature, a wire dateline or a source line', () => {
    const signed = analyse(`Port workers strike in Latakia\nTwo grain ships wait at anchor as dockworkers demand unpaid wages. / Levant Ledger\n\n${BODY}`)
    expect(signed.meta.outlet).toMatchObject({ value: 'Levant Ledger', source: 'signature at the end of the standfirst ("… / Levant Ledger")' })
    const wire = analyse(`LATAKIA, Syria (Reuters) — ${BODY}`)
    expect(wire.meta.outlet).toMatchObject({ value: 'Reuters', source: 'wire dateline "LATAKIA, Syria (Reuters) —"' })
    const sourced = analyse(`${BODY}\n\nSource: Levant Ledger`)
    expect(sourced.meta.outlet.value).toBe('Levant Ledger')
  })

  it('reads a URL line in the header or at the end', () => {
    expect(analyse(`Port workers strike in Latakia\nhttps://example.org/2025/03/strike\n\n${BODY}`).meta.url).toMatchObject({
      value: 'https://example.org/2025/03/strike',
    })
    expect(analyse(`${BODY}\n\nOriginally published at https://example.org/strike`).meta.url.value).toBe('https://example.org/strike')
    expect(analyse(`${BODY}\n\nSee pic.twitter.com/abc and MarineTraffic.com for more.`).meta.url.value).toBeNull()
  })

  it.each([
    ['fr', 'Les dockers de Lattaquié ont cessé le travail lundi matin pour réclamer des salaires impayés depuis l’automne, laissant deux navires céréaliers au mouillage devant le port.'],
    ['de', 'Die Hafenarbeiter in Latakia haben am Montagmorgen die Arbeit niedergelegt, um seit dem Herbst ausstehende Löhne einzufordern, und zwei Getreideschiffe warten vor dem Hafen.'],
    ['ru', 'Портовые рабочие в Латакии в понедельник утром прекратили работу, требуя выплатить зарплату, которую им не платят с осени. Из-за забастовки два судна с зерном уже третий день стоят на рейде, а администрация порта обещает, что переговоры с рабочими продолжатся в среду.'],
    ['ar', 'توقف عمال الميناء في اللاذقية عن العمل صباح يوم الاثنين للمطالبة بأجور لم تدفع منذ الخريف، مما ترك سفينتين محملتين بالحبوب تنتظران خارج الميناء.'],
  ])('detects the language (%s)', (tag, text) => {
    expect(analyse(text).meta.language.value).toBe(tag)
  })

  it('says when there is too little text to detect the language', () => {
    expect(analyse('Tartus.').meta.language).toMatchObject({ value: null, source: 'too little text to detect the language' })
  })
})

describe('structural metadata wins over the text and says so', () => {
  const text = ['Port workers strike in Latakia over unpaid wages', 'March 3, 2025 at 9:15 am', '', BODY].join('\n')

  it('prefers JSON-LD and meta values, naming what the text said', () => {
    const { meta } = analyse(text, {
      published: { value: '2025-03-03T09:15:00+02:00', source: 'JSON-LD datePublished' },
      title: { value: 'Port workers strike in Latakia over unpaid wages', source: 'og:title' },
      outlet: { value: 'Levant Ledger', source: 'og:site_name' },
      language: { value: 'en_GB', source: 'HTML lang attribute' },
      url: { value: 'https://example.org/strike', source: 'canonical link' },
    })
    expect(meta.published.value).toBe('2025-03-03T09:15:00+02:00')
    expect(meta.published.source).toBe(
      'JSON-LD datePublished (the text agrees: date line under the headline (time stated without a UTC offset))',
    )
    expect(meta.title.source).toMatch(/^og:title \(the text agrees/)
    expect(meta.outlet).toEqual({ value: 'Levant Ledger', source: 'og:site_name' })
    expect(meta.language).toEqual({ value: 'en-GB', source: 'HTML lang attribute (the text agrees: detected from the article text (franc-min: eng))' })
    expect(meta.url.value).toBe('https://example.org/strike')
  })

  it('notes a disagreement', () => {
    const { meta } = analyse(text, { published: { value: '2025-03-04T10:15:00+01:00', source: 'JSON-LD datePublished' } })
    expect(meta.published).toEqual({
      value: '2025-03-04T10:15:00+01:00',
      source: 'JSON-LD datePublished (preferred over the text\'s date line under the headline (time stated without a UTC offset): "2025-03-03T09:15")',
    })
  })

  it('never takes the date the file was made as the publication date', () => {
    const created = { value: "D:20250304101500+01'00'", source: 'PDF document info CreationDate' }
    expect(analyse(text, { created }).meta.published.value).toBe('2025-03-03T09:15')
    const undated = analyseText('Convoy turned back at the Tartus gate\n\nThe convoy left at dawn.', { fileName: 'u.pdf', structural: { created } }).meta.published
    expect(undated).toEqual({
      value: null,
      source: 'no publication date stated (no date line in the header (dates inside the body are not the publication date)); the PDF document info CreationDate says 2025-03-04T10:15:00+01:00, which is when the file was made, not when the text was published',
    })
  })

  it('ignores structural values that are not valid', () => {
    const { meta } = analyse(text, {
      published: { value: 'last week', source: 'meta date' },
      url: { value: 'javascript:alert(1)', source: 'canonical link' },
      title: { value: '   ', source: 'og:title' },
    })
    expect(meta.published.value).toBe('2025-03-03T09:15')
    expect(meta.url.value).toBeNull()
    expect(meta.title.source).toMatch(/^headline/)
  })
})

describe('page furniture (own fixtures)', () => {
  it('finds a stray word and a tagline above the headline, and a related headline at the end', () => {
    const text = ['clear', '', 'News you can trust since 1998', '', 'Port workers strike in Latakia over unpaid wages', '', 'March 3, 2025 at 9:15 am', '', BODY, '', 'Ships queue outside Tartus as customs system fails'].join('\n')
    const a = analyse(text)
    expect(kinds(a)).toEqual(['stray-word', 'tagline', 'related-headline'])
    expect(hidden(text, a)).toEqual(['clear', 'News you can trust since 1998', 'Ships queue outside Tartus as customs system fails'])
    expect(a.furniture[1]!.label).toBe('site tagline "News you can trust since 1998"')
    expect(a.meta.title.value).toBe('Port workers strike in Latakia over unpaid wages')
    expectUntouched(text, a, BODY.split('\n\n'))
    expect(text.slice(a.article.start, a.article.end)).toMatch(/^Port workers[\s\S]*Homs\.$/)
  })

  it('finds a headline list under its heading, sharing and copyright lines and a cookie banner', () => {
    const text = [
      'Port workers strike in Latakia',
      'By Rana Khoury',
      BODY,
      'Read more',
      'Customs reform delayed again',
      'Grain prices rise in Homs as bakeries cut hours',
      'Share this article',
      '© 2025 Levant Ledger Ltd. All rights reserved.',
      'We use cookies to improve your experience. By continuing you accept our cookie policy.',
      'Accept all',
    ].join('\n')
    const a = analyse(text)
    expect(kinds(a)).toEqual(['related-list', 'social', 'copyright', 'cookie-banner'])
    expect(a.furniture[0]!.label).toBe('"Read more" list: 2 headlines')
    expect(a.meta.outlet).toMatchObject({ value: 'Levant Ledger Ltd' })
    expect(a.meta.outlet.source).toMatch(/^copyright holder/)
    expectUntouched(text, a, BODY.split('\n\n'))
  })

  it('finds a headline list with timestamps and no heading', () => {
    const text = [BODY, 'Fri, 31 Jan 2025 21:40:37 GMT', 'Customs reform delayed again', 'Thu, 30 Jan 2025 19:48:26 GMT', 'Grain prices rise in Homs'].join('\n\n')
    const a = analyse(text)
    expect(kinds(a)).toEqual(['related-list'])
    expect(a.furniture[0]!.label).toBe('headline list: 2 headlines with 2 timestamps')
    expect(a.meta.published.value).toBeNull()
  })

  it('finds navigation and cookie lines at the top of a file without a header', () => {
    const text = ['Skip to main content', 'Menu', 'Accept cookies', BODY].join('\n')
    const a = analyse(text)
    expect(kinds(a)).toEqual(['navigation', 'cookie-banner'])
    expect(hidden(text, a)).toEqual(['Skip to main content\nMenu', 'Accept cookies'])
  })

  const untouched: [string, string][] = [
    ['a credit line', `${BODY}\n\n(Reporting by Rana Khoury; editing by Sam Hale)`],
    ['an additional-reporting line', `${BODY}\n\nAdditional reporting by Sam Hale in Beirut`],
    ['a closing question', `${BODY}\n\nWill the ships wait another week?`],
    ['a cut-off last sentence', `${BODY}\n\nThe convoy was forced to return to the`],
    ['a closing photo caption with its credit', `${BODY}\n\nThe port of Tartus lies on the Mediterranean coast (Google Earth)`],
    ['a subheading in the middle', `Will Russia Remain in Syria\n${BODY}\nWhat the ministry said\n${BODY}`],
    ['a short first line that is no headline', `Damascus\n${BODY}`],
    ['a long caption above the headline', `Workers gather at the gate of the port of Latakia on Monday, in a photo taken by a local resident and shared widely.\nPort workers strike in Latakia\nMarch 3, 2025\n${BODY}`],
    ['hard-wrapped lines', BODY.replace(/(\S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+) /g, '$1\n') + '\nWorkers said they would return to the quay on Thursday morning if paid'],
    ['a list of notes with no prose', 'Tartus\nKhmeimim air base\nSparta II cargo ship\nDismiss'],
  ]
  it.each(untouched)('never marks article text: %s', (_name, text) => {
    const a = analyse(text)
    expect(a.furniture).toEqual([])
  })
})

describe('damage flags and word count', () => {
  it('flags replacement characters, mojibake and a short extraction', () => {
    const a = analyse('Port workers strike\n\nThe workers â€œwaitedâ€ \uFFFD\uFFFD for pay.')
    expect(a.flags.map((f) => f.kind)).toEqual(['replacement-character', 'mojibake', 'short-extraction'])
    expect(a.flags.map((f) => f.count).slice(0, 2)).toEqual([2, 2])
  })

  it('counts the article words only', () => {
    const a = analyse(BODY)
    expect(a.meta.wordCount).toEqual({ value: countWords(BODY), source: 'words of the article text' })
    expect(a.flags).toEqual([])
  })
})
