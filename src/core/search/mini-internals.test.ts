import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { miniSearchOptions, type IndexedDoc } from './doc-store'
import { forEachPosting, postingCount } from './mini-internals'

const FIELDS = ['title', 'body', 'quote', 'comment']

function index(): MiniSearch<IndexedDoc> {
  const mini = new MiniSearch<IndexedDoc>(miniSearchOptions())
  mini.addAll([
    { id: 'a-1', title: 'Tartus port', body: 'the port of tartus and the base' },
    { id: 'a-2', body: 'tartous is another spelling; tartus again' },
    { id: 'h-1', quote: 'tartus', comment: 'tartusian trade' },
    { id: 'a-3', title: 'Latakia', body: 'no port named here, tartus only once' },
  ])
  return mini
}

/** What MiniSearch's own search visits: the reference forEachPosting must follow. */
function visitedBySearch(mini: MiniSearch<IndexedDoc>, term: string, prefix: boolean, fields: string[]): string[] {
  const seen: string[] = []
  mini.search({ queries: [term], prefix, fields }, { boostDocument: (id) => (seen.push(id as string), 0) })
  return seen
}

function visited(mini: MiniSearch<IndexedDoc>, term: string, prefix: boolean, fields: string[]): string[] {
  const ids = (mini as unknown as { _documentIds: Map<number, string> })._documentIds
  const seen: string[] = []
  forEachPosting(mini, term, prefix, fields, (shortId) => void seen.push(ids.get(shortId)!))
  return seen
}

describe('postings read from the index (candidates of a query plan)', () => {
  it('visits the documents of a word or prefix in the order MiniSearch does, once per field', () => {
    const mini = index()
    for (const [term, prefix] of [['tartus', false], ['tartus', true], ['tart', true], ['port', false]] as const) {
      expect(visited(mini, term, prefix, FIELDS)).toEqual(visitedBySearch(mini, term, prefix, FIELDS))
    }
    expect(visited(mini, 'tartus', false, FIELDS)).toEqual(['a-1', 'a-1', 'a-2', 'a-3', 'h-1'])
    expect(visited(mini, 'tartus', false, ['title'])).toEqual(['a-1'])
  })

  it('skips discarded documents, whose postings stay until a vacuum', () => {
    const mini = index()
    mini.discard('a-2')
    expect(visited(mini, 'tartus', true, FIELDS)).toEqual(visitedBySearch(mini, 'tartus', true, FIELDS))
    expect(visited(mini, 'tartus', false, FIELDS)).not.toContain('a-2')
  })

  it('counts postings up to the cap, from the sizes when nothing is discarded and by walking them when something is', () => {
    const mini = index()
    expect(postingCount(mini, 'tartus', false, FIELDS, 100)).toBe(5)
    expect(postingCount(mini, 'tartus', false, FIELDS, 3)).toBe(3)
    expect(postingCount(mini, 'tartus', true, FIELDS, 100)).toBe(visitedBySearch(mini, 'tartus', true, FIELDS).length)
    expect(postingCount(mini, 'absent', false, FIELDS, 100)).toBe(0)
    mini.discard('a-1')
    // a-1's two postings are still in the index: counted by its size they would be 5.
    expect(postingCount(mini, 'tartus', false, FIELDS, 100)).toBe(3)
  })
})
