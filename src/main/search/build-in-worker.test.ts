import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import type { HighlightId } from '../../core/ids'
import type { HighlightInput } from '../../core/search/types'
import { openTestNotebook, type TestNotebook } from '../tags/tag-test-notebook'
import { IndexWorkers, joinMentions } from './build-in-worker'
import { notebookState, SEARCH_DIR, type IndexFiles } from './index-files'
import type { CompactMentions } from './index-jobs'

/** Each article's mentions as [entity, start, end, spelling], read back from the compact form. */
function decoded(m: CompactMentions): [string, number, number, string][][] {
  const out: [string, number, number, string][][] = []
  for (let k = 0; k + 1 < m.offsets.length; k++) {
    const rows: [string, number, number, string][] = []
    for (let r = m.offsets[k]! * 4; r < m.offsets[k + 1]! * 4; r += 4) rows.push([m.entityIds[m.rows[r]!]!, m.rows[r + 1]!, m.rows[r + 2]!, m.spellings[m.rows[r + 3]!]!])
    out.push(rows)
  }
  return out
}

describe('joinMentions (mention scans split across worker threads)', () => {
  it('gives every article its own mentions, whatever numbering each share used', () => {
    // Share one: two articles (Tartus twice in the first, nothing in the second).
    const one: CompactMentions = { entityIds: ['e-tartus'], spellings: ['Tartus', 'Tartous'], offsets: Int32Array.from([0, 2, 2]), rows: Int32Array.from([0, 4, 10, 0, 0, 30, 37, 1]) }
    // Share two numbers Hmeimim first, and meets Tartus under a spelling share one has too.
    const two: CompactMentions = {
      entityIds: ['e-hmeimim', 'e-tartus'],
      spellings: ['Khmeimim', 'Tartous'],
      offsets: Int32Array.from([0, 1, 3]),
      rows: Int32Array.from([0, 0, 8, 0, 1, 12, 19, 1, 0, 40, 48, 0]),
    }
    const joined = joinMentions([one, two])
    expect(decoded(joined)).toEqual([
      [
        ['e-tartus', 4, 10, 'Tartus'],
        ['e-tartus', 30, 37, 'Tartous'],
      ],
      [],
      [['e-hmeimim', 0, 8, 'Khmeimim']],
      [
        ['e-tartus', 12, 19, 'Tartous'],
        ['e-hmeimim', 40, 48, 'Khmeimim'],
      ],
    ])
    // Each entity and spelling is numbered once.
    expect(joined.entityIds).toEqual(['e-tartus', 'e-hmeimim'])
    expect(joined.spellings).toEqual(['Tartus', 'Tartous', 'Khmeimim'])
  })
})

describe('a search index written by both threads (each a share of the shards, then one the head)', () => {
  let nb: TestNotebook
  beforeEach(async () => {
    nb = await openTestNotebook()
  })
  afterEach(async () => {
    await nb.session.close()
  })

  /** Builds the notebook's index with these workers; returns what head.json names and holds. */
  async function built(workers: IndexWorkers): Promise<{ files: IndexFiles; index: unknown; names: string[] }> {
    await rm(join(nb.dir, SEARCH_DIR), { recursive: true, force: true })
    const articles = nb.session.store.articles.map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, bodyHash: a.bodyHash, fileName: a.source.fileName }))
    const highlights: HighlightInput[] = [
      { id: 'h-0000000010' as HighlightId, articleId: nb.convoy, target: { exact: 'convoy' }, comment: 'Moved at night', tagIds: [] },
      { id: 'h-0000000020' as HighlightId, articleId: nb.talks, target: { exact: 'talks' }, comment: '', tagIds: [] },
    ]
    try {
      const files = await workers.buildSearchIndex(nb.dir, articles, highlights, await notebookState(nb.dir))
      const head = JSON.parse(await readFile(join(nb.dir, SEARCH_DIR, 'head.json'), 'utf8')) as { files: IndexFiles; index: unknown }
      expect(head.files).toEqual(files)
      return { files, index: head.index, names: (await readdir(join(nb.dir, SEARCH_DIR))).sort() }
    } finally {
      await workers.dispose()
    }
  }

  it('writes the same files, byte for byte, as one writer in this thread', async () => {
    const twoThreads = await built(new IndexWorkers({ workerUrl: new URL(inject('indexWorkerUrl')), threads: 2 }))
    const inThread = await built(new IndexWorkers({ workerUrl: null }))
    expect(Object.keys(twoThreads.files.shards).length).toBeGreaterThan(20)
    // Data files are named by a hash of their content: the same names are the same bytes.
    expect(twoThreads.files).toEqual(inThread.files)
    expect(twoThreads.names).toEqual(inThread.names)
    expect(twoThreads.index).toEqual(inThread.index)
  })
})
