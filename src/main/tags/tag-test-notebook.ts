/**
 * A small notebook for the tag and search tests: two dated articles, opened through
 * NotebookSession with a writer that can be made to fail on chosen files.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ArticleId, TagId } from '../../core/ids'
import { NotebookSession } from '../notebook-session'
import { writeFileDurably } from '../storage/durable-write'
import { CATALOG_FILE, MANIFEST_FILE } from '../storage/notebook-store'

export const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')

export const CONVOY = [
  'Convoy turned back at the Tartus gate',
  'December 15, 2024',
  '',
  'Thirty trucks left Khmeimim at dawn, Ayla Sohtaoğlu reported. The convoy was stopped at a checkpoint.',
  '',
  'Officials said the withdrawal of equipment would continue through January.',
].join('\n')

export const TALKS = [
  'Moscow and Damascus resume talks on the naval base',
  'January 20, 2025',
  '',
  'Negotiators met in Damascus to discuss the future of the Tartus naval base and the lease terms.',
  '',
  'A second round of talks is planned for February.',
].join('\n')

/** Ends with page furniture (a related-stories list and a copyright line) whose words the article's text never uses. */
export const HARBOUR = [
  'Harbour cranes idle as ships leave Latakia',
  'February 3, 2025',
  '',
  'Port workers in Latakia said on Monday that the last foreign cargo ships had left the harbour, and that the cranes had stood idle since the weekend.',
  '',
  '"We are waiting for instructions," one foreman said. Officials gave no date for the port to reopen.',
  '',
  'Related stories:',
  'Quillfeather lighthouse keepers mark a century of service',
  'Grain prices climb in coastal markets',
  '',
  '© 2025 Harbour Watch Media. All rights reserved.',
].join('\n')

export const BASES = 't-bases' as TagId
export const CONVOYS = 't-convoys' as TagId
export const NEGOTIATIONS = 't-negotiations' as TagId

export interface TestNotebook {
  dir: string
  session: NotebookSession
  convoy: ArticleId
  talks: ArticleId
  /** Writes to a file whose path matches this fail (as a full disk would). */
  failWrites: (pattern: RegExp | null) => void
  /** Manifest, catalog and every annotation file, for byte-for-byte comparisons. */
  snapshot: () => string
}

let counter = 0

export async function openTestNotebook(options: { articles?: boolean; dir?: string } = {}): Promise<TestNotebook> {
  const dir = options.dir ?? join(mkdtempSync(join(tmpdir(), 'dossier-tags-')), 'nb')
  let failing: RegExp | null = null
  const writer = async (target: string, data: string | Uint8Array) => {
    if (failing?.test(target)) throw new Error('ENOSPC: no space left on device')
    await writeFileDurably(target, data)
  }
  const session = await NotebookSession.open(dir, { fontsDir: FONTS, randomHex: () => (++counter).toString(16).padStart(10, '0') + 'abcdef' }, { writer })
  let convoy = '' as ArticleId
  let talks = '' as ArticleId
  if (options.articles !== false && session.listArticles().length === 0) {
    const enc = new TextEncoder()
    const report = await session.importContents([
      { name: 'convoy.txt', bytes: enc.encode(CONVOY) },
      { name: 'talks.txt', bytes: enc.encode(TALKS) },
    ])
    convoy = report.items[0]!.articleId!
    talks = report.items[1]!.articleId!
  } else {
    for (const a of session.listArticles()) {
      if (a.sourceFileName === 'convoy.txt') convoy = a.id
      if (a.sourceFileName === 'talks.txt') talks = a.id
    }
  }
  const snapshot = () => {
    const annotations = readdirSync(join(dir, 'annotations'))
      .filter((n) => n.endsWith('.json'))
      .sort()
    return [MANIFEST_FILE, CATALOG_FILE, ...annotations.map((n) => `annotations/${n}`)].map((f) => `${f}\n${readFileSync(join(dir, f), 'utf8')}`).join('\n')
  }
  return { dir, session, convoy, talks, failWrites: (p) => void (failing = p), snapshot }
}
