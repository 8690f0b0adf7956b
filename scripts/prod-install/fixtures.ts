/**
 * One document per import format for the production-only suite, built at run time
 * (nothing binary in the repository): .txt, .md and .html written out, .pdf and .docx
 * with the same builders the import tests use (src/main/import/test-documents.ts).
 * Every document is a different, made-up article; each holds one `marker` sentence that
 * the suite looks for in the stored text and highlights for the exports.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { makeDocx, makePdf } from '../../src/main/import/test-documents.ts'

export interface Fixture {
  format: 'txt' | 'md' | 'html' | 'pdf' | 'docx'
  file: string
  title: string
  /** A sentence found only in this document, on one line in every format. */
  marker: string
}

const ARTICLES: Record<Fixture['format'], { title: string; marker: string; body: string[] }> = {
  txt: {
    title: 'Grain barges wait at the Vessel Lock',
    marker: 'Eleven grain barges were still moored below the Vessel Lock on Friday evening.',
    body: [
      'The lock keepers said the upper gate would stay shut until the divers finish their survey of the cracked sill, which could take the whole weekend.',
      'Barge owners complained that nobody had told them about the closure before they loaded at the inland silos, and several crews have now been waiting for three days.',
      'The waterway authority promised a statement on Monday morning, once the survey report is in.',
    ],
  },
  md: {
    title: 'Orchard cooperative counts the frost damage',
    marker: 'The cooperative estimates that a third of the early pear blossom was lost in one night.',
    body: [
      'Growers on the southern slopes lit braziers between the rows, but the temperature kept falling until just before sunrise.',
      'The cooperative will ask the regional fund for help with replanting, and its chair said members would decide on the autumn prices at the June meeting.',
      'Apple trees, which flower later, seem to have escaped the worst of it.',
    ],
  },
  html: {
    title: 'Night buses return to the harbour district',
    marker: 'From next month the night buses will again stop at the harbour gates every twenty minutes.',
    body: [
      'The transport board cut the harbour loop two winters ago, after the last late ferry was withdrawn and passenger numbers on the route fell below forty a night.',
      'Shift workers at the container terminal collected more than two thousand signatures asking for the service to come back, and the board agreed at its spring session.',
      'The first buses will run on a six-month trial, and the board will count passengers at every stop before it decides whether to keep them.',
      'Residents of the old fish market streets asked for a stop closer to the steps, which the board said it would look at during the trial.',
    ],
  },
  pdf: {
    title: 'Library restores the flooded map room',
    marker: 'Conservators have dried and flattened nearly four hundred of the flooded sea charts.',
    body: [
      'Water from a burst pipe reached the lower shelves of the map room over the holiday, and volunteers moved the wettest drawers to the reading hall within hours.',
      'The library expects to reopen the room to researchers in the autumn, once the new shelving is in and the humidity has been stable for a month.',
    ],
  },
  docx: {
    title: 'Choir tours the mountain villages',
    marker: 'The youth choir sang in nine mountain villages in twelve days without missing a concert.',
    body: [
      'Their bus broke down on the pass above the quarry, and the choir walked the last stretch into the village with the music stands on their backs.',
      'The conductor said the tour had been planned around the old pilgrims road, and that the choir hopes to make it an annual journey.',
    ],
  },
}

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** Writes one document per format into `dir` and says what each holds. */
export async function writeFixtures(dir: string): Promise<Fixture[]> {
  const fixtures: Fixture[] = []
  for (const [format, article] of Object.entries(ARTICLES) as [Fixture['format'], (typeof ARTICLES)[Fixture['format']]][]) {
    const paragraphs = [article.marker, ...article.body]
    const file = join(dir, `fixture-${format}.${format}`)
    let bytes: string | Uint8Array
    switch (format) {
      case 'txt':
        bytes = `${article.title}\n\n${paragraphs.join('\n\n')}\n`
        break
      case 'md':
        bytes = `# ${article.title}\n\n*By the farm desk*\n\n${paragraphs.join('\n\n')}\n`
        break
      case 'html':
        bytes = [
          '<!doctype html><html lang="en"><head><meta charset="utf-8">',
          `<title>${escapeHtml(article.title)} | Harbour Courier</title>`,
          '<meta property="og:site_name" content="Harbour Courier"><meta name="author" content="Mara Lindqvist">',
          '</head><body><nav><a href="/">Home</a> <a href="/city">City</a></nav><main><article>',
          `<h1>${escapeHtml(article.title)}</h1>`,
          ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
          '</article></main><footer>© Harbour Courier</footer></body></html>',
        ].join('\n')
        break
      case 'pdf':
        bytes = await makePdf((doc) => {
          doc.fontSize(18).text(article.title)
          doc.moveDown()
          for (const p of paragraphs) doc.fontSize(11).text(p).moveDown()
        })
        break
      case 'docx':
        bytes = await makeDocx({ paragraphs: [['Title', article.title], ...paragraphs.map((p): ['', string] => ['', p])], core: { 'dc:title': article.title, 'dc:creator': 'Ines Varga' } })
        break
    }
    await writeFile(file, bytes)
    fixtures.push({ format, file, title: article.title, marker: article.marker })
  }
  return fixtures
}
