import { describe, expect, it } from 'vitest'
import { analyseText } from '../../core/analysis/analyse'
import { ORIGINAL, PARAPHRASE, REPUBLISHED, TARTUS_TALKS, TARTUS_TRADE } from '../../core/analysis/fixtures'
import type { Fingerprint } from '../../core/analysis/fingerprint'
import { entryOf, ReuseIndex } from '../../core/analysis/reuse-index'
import { compareFingerprints } from '../../core/analysis/rewrites'
import { findRewriteLinks, indexContext, MAX_LINKS, type Linkable } from './rewrite-links'

const fp = (text: string) => analyseText(text, { fileName: 'x.txt' }).fingerprint
const articles = {
  original: { id: 'original', fingerprint: fp(ORIGINAL) },
  republished: { id: 'republished', fingerprint: fp(REPUBLISHED) },
  paraphrase: { id: 'paraphrase', fingerprint: fp(PARAPHRASE) },
  trade: { id: 'trade', fingerprint: fp(TARTUS_TRADE) },
  talks: { id: 'talks', fingerprint: fp(TARTUS_TALKS) },
}

/** findRewriteLinks for `fresh` against a notebook holding `known` (in its reuse index). */
function link(fresh: Linkable<string>[], known: Linkable<string>[]) {
  const index = new ReuseIndex()
  for (const k of known) index.add(entryOf(k.id, k.fingerprint))
  const prints = new Map<string, Fingerprint>(known.map((k) => [k.id, k.fingerprint]))
  return { index, links: findRewriteLinks(index, fresh, (id) => Promise.resolve(prints.get(id) ?? null)) }
}

describe('findRewriteLinks', () => {
  it('links the same reporting both ways with the scores and kinds compareFingerprints gives, and not topic-only pairs', async () => {
    const { original, republished, paraphrase, trade, talks } = articles
    const { index, links: found } = link([republished, paraphrase, talks], [original, trade])
    const links = await found
    const ids = (id: string) => (links.get(id) ?? []).map((l) => l.articleId).sort()
    expect(ids('original')).toEqual(['paraphrase', 'republished'])
    expect(ids('republished')).toEqual(['original', 'paraphrase'])
    expect(ids('paraphrase')).toEqual(['original', 'republished'])
    expect(links.has('trade')).toBe(false)
    expect(links.has('talks')).toBe(false)
    const full = compareFingerprints(paraphrase.fingerprint, original.fingerprint, indexContext(index))
    expect(links.get('paraphrase')!.find((l) => l.articleId === 'original')).toEqual({ articleId: 'original', score: Math.round(full.score * 1000) / 1000, kind: full.kind })
    expect(links.get('original')!.find((l) => l.articleId === 'republished')!.kind).toBe('republication')
  })

  it('keeps at most MAX_LINKS links per article, best first', async () => {
    const copies = Array.from({ length: MAX_LINKS + 5 }, (_, i) => ({ id: `copy-${String(i).padStart(2, '0')}`, fingerprint: fp(`${ORIGINAL}\n\nEditor's note ${i}: republished with permission.`) }))
    const links = await link(copies, [articles.original]).links
    expect(links.get('original')).toHaveLength(MAX_LINKS)
    const scores = links.get('original')!.map((l) => l.score)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
  })
})
