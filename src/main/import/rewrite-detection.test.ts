/**
 * Rewrite detection as the analyst meets it, through imports: the same reporting is
 * linked, boilerplate shared by unrelated files (a licence, mail headers, a signature) is
 * not, and links made before the notebook showed something to be boilerplate are taken
 * back as it does.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ORIGINAL, REPUBLISHED, TARTUS_TRADE } from '../../core/analysis/fixtures'
import type { Article } from '../../core/model'
import { NotebookSession } from '../notebook-session'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus')

/** A deterministic article of made-up but word-like prose: no sentence repeats across seeds. */
function prose(seed: number, sentences: number): string {
  let state = seed * 2654435761
  const next = () => ((state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x6d2b79f5) >>> 0), state)
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'dri', 'nel', 'sur', 'pa', 'gon', 'ti', 'mar', 'eb', 'ul', 'fen', 'ros', 'qui']
  const word = () => Array.from({ length: 2 + (next() % 2) }, () => syllables[next() % syllables.length]).join('')
  return Array.from({ length: sentences }, () => {
    const words = Array.from({ length: 9 + (next() % 8) }, word)
    return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`
  }).join(' ')
}

const FOOTER = [
  'This message and any attachments are confidential and intended solely for the addressee.',
  'If you have received this message in error, please notify the sender immediately and delete it from your system.',
  'Any views or opinions presented are solely those of the author and do not necessarily represent those of the organisation.',
  'The organisation accepts no liability for any damage caused by any virus transmitted by this email or its attachments.',
  'To unsubscribe from this mailing list, send an empty message with the subject unsubscribe to the list address.',
  'Mailing list archives, the list charter and the posting guidelines are available on the project website at any time.',
].join('\n')

/** An e-mail-like note: its own subject and body, the footer every note of the list carries. */
const note = (i: number) => `Notes from meeting ${i} of the working group\n\n${prose(i + 1, 6)}\n\n--\n${FOOTER}\n`

async function session(): Promise<{ s: NotebookSession; dir: string }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'dossier-rewrites-')), 'nb')
  return { s: await NotebookSession.open(dir, { fontsDir: FONTS }, {}), dir }
}

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) })

/** The rewrite links in the catalog, as "a ↔ b" pairs of source file names. */
function linkedPairs(dir: string): string[] {
  const articles = (JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as { articles: Article[] }).articles
  const name = new Map(articles.map((a) => [a.id, a.source.fileName]))
  const pairs = new Set<string>()
  for (const a of articles) for (const l of a.rewrites) pairs.add([name.get(a.id), name.get(l.articleId)].sort().join(' ↔ '))
  return [...pairs].sort()
}

describe('rewrite detection through imports', () => {
  it.skipIf(!existsSync(CORPUS))('links corpus articles 001 and 004 (a machine paraphrase) and no other pair (skipped without ../shared/corpus)', async () => {
    const { s, dir } = await session()
    const files = readdirSync(CORPUS).filter((n) => /^\d{3}_.*\.txt$/.test(n)).sort()
    await s.importContents(files.map((n) => file(n, readFileSync(join(CORPUS, n), 'utf8'))))
    await s.close()
    expect(linkedPairs(dir).map((p) => p.replace(/_[0-9a-f]+\.txt/g, ''))).toEqual(['001 ↔ 004'])
  })

  it('ignores a footer thirty unrelated notes share, and still links a republication among them', async () => {
    const { s, dir } = await session()
    const notes = Array.from({ length: 30 }, (_, i) => file(`note-${String(i).padStart(2, '0')}.txt`, note(i)))
    await s.importContents([...notes, file('original.txt', ORIGINAL), file('republished.txt', REPUBLISHED), file('trade.txt', TARTUS_TRADE)])
    await s.close()
    expect(linkedPairs(dir)).toEqual(['original.txt ↔ republished.txt'])
  })

  it('takes back links made before the notebook showed the footer is boilerplate (notes imported one at a time)', async () => {
    const { s, dir } = await session()
    await s.importContents([file('note-00.txt', note(0)), file('note-01.txt', note(1))])
    // Two notes alone: the footer is most of what they hold, and nothing says it is boilerplate yet.
    const early = linkedPairs(dir)
    for (let i = 2; i < 30; i++) await s.importContents([file(`note-${String(i).padStart(2, '0')}.txt`, note(i))])
    await s.close()
    expect(early).toEqual(['note-00.txt ↔ note-01.txt'])
    expect(linkedPairs(dir)).toEqual([])
  })
})
