/**
 * Rewrite detection for an import step, through the notebook's reuse index
 * (src/core/analysis/reuse-index.ts) instead of every stored fingerprint, so its time and
 * memory follow the new articles and what they share, not the notebook's size.
 *
 * For each new article, in order (each is added to the index first, so later ones in the
 * same import see it):
 * - shingle signals: the articles sharing samples with it that few articles hold (a
 *   sample held by more than CANDIDATE_MAX_HOLDERS is boilerplate and gives no
 *   candidate) are compared on their samples, each sample weighted by how many other
 *   articles hold it (rewrites.ts): copies, republications and light rewrites are linked
 *   while a licence, mail headers or a signature shared by hundreds count for nothing;
 * - sentence alignment (paraphrases): among the articles the shingles did not link, the
 *   ALIGN_CANDIDATES most alike in content stems (sketch, then exact overlap among the
 *   best 4× that many) are compared in full, sentences held by BOILERPLATE_SENTENCE_ARTICLES
 *   or more articles left out.
 * Known limit: a paraphrase whose source is not among the ALIGN_CANDIDATES articles
 * sharing most stems with it is missed (a notebook with many rewrites of one story).
 * Each article keeps its MAX_LINKS best links.
 */
import type { Fingerprint } from '../../core/analysis/fingerprint'
import { entryOf, type ReuseIndex } from '../../core/analysis/reuse-index'
import { classifyReuse, compareFingerprints, shingleReuse, type ReuseContext, type ReuseKind } from '../../core/analysis/rewrites'
import { stemOverlap, stemsOf } from '../../core/analysis/stems'

export const ALIGN_CANDIDATES = 5
export const MAX_LINKS = 20
/** A sample held by more articles than this is boilerplate: it finds no candidates. */
export const CANDIDATE_MAX_HOLDERS = 64
/** At most this many articles sharing samples are compared, those sharing the most first. */
export const SAMPLE_CANDIDATES = 64
/** A sentence found in this many articles or more is boilerplate, left out of the alignment. */
export const BOILERPLATE_SENTENCE_ARTICLES = 4

export interface Linkable<Id extends string> {
  id: Id
  fingerprint: Fingerprint
}

export interface FoundLink<Id extends string> {
  articleId: Id
  score: number
  kind: ReuseKind
}

/** What the index says about a pair (the ReuseContext of compareFingerprints). */
export function indexContext(index: ReuseIndex): ReuseContext {
  return {
    sampleArticles: (sample) => index.sampleArticles(sample),
    isBoilerplateSentence: (key) => index.sentenceArticles(key) >= BOILERPLATE_SENTENCE_ARTICLES,
  }
}

/**
 * Links for each new article against every article of the index and the new ones before
 * it (each pair once), both directions, each article's best MAX_LINKS first, scores rounded
 * to three decimals. The new articles are added to `index`. `fingerprintOf` gives a stored
 * article's full fingerprint (for alignment); null when it cannot be read.
 */
export async function findRewriteLinks<Id extends string>(
  index: ReuseIndex,
  fresh: readonly Linkable<Id>[],
  fingerprintOf: (id: Id) => Promise<Fingerprint | null>,
): Promise<Map<Id, FoundLink<Id>[]>> {
  const byArticle = new Map<Id, FoundLink<Id>[]>()
  const add = (from: Id, link: FoundLink<Id>) => {
    const list = byArticle.get(from)
    if (list) list.push(link)
    else byArticle.set(from, [link])
  }
  const freshPrints = new Map<string, Fingerprint>(fresh.map((a) => [a.id, a.fingerprint]))
  const fullPrint = (id: Id) => Promise.resolve(freshPrints.get(id) ?? fingerprintOf(id))
  const context = indexContext(index)
  for (const a of fresh) {
    const entry = entryOf(a.id, a.fingerprint)
    index.add(entry)
    const found = new Map<Id, { score: number; kind: ReuseKind }>()

    const sharing = [...index.sharing(entry, CANDIDATE_MAX_HOLDERS)].sort((x, y) => y[1] - x[1]).slice(0, SAMPLE_CANDIDATES)
    for (const [id] of sharing) {
      const other = index.entry(id)!
      const { jaccard, containment } = shingleReuse(a.fingerprint, other, context.sampleArticles)
      const { score, kind } = classifyReuse(jaccard, containment, 0)
      if (kind) found.set(id as Id, { score, kind })
    }

    // Paraphrases: alignment, only against the articles most alike in content stems.
    const rough = index.nearestByStems(entry, ALIGN_CANDIDATES * 4, new Set(found.keys()))
    const stems = stemsOf(a.fingerprint)
    const ranked: { id: Id; fp: Fingerprint; overlap: number }[] = []
    for (const id of rough as Id[]) {
      const fp = await fullPrint(id)
      if (fp) ranked.push({ id, fp, overlap: stemOverlap(stems, stemsOf(fp)) })
    }
    ranked.sort((x, y) => y.overlap - x.overlap)
    for (const { id, fp } of ranked.slice(0, ALIGN_CANDIDATES)) {
      const full = compareFingerprints(a.fingerprint, fp, context)
      if (full.kind) found.set(id, { score: full.score, kind: full.kind })
    }

    for (const [id, { score, kind }] of found) {
      const rounded = Math.round(score * 1000) / 1000
      add(a.id, { articleId: id, score: rounded, kind })
      add(id, { articleId: a.id, score: rounded, kind })
    }
    // Let the app's other work (IPC, progress) run between articles.
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  for (const [id, links] of byArticle) byArticle.set(id, links.sort((x, y) => y.score - x.score || x.articleId.localeCompare(y.articleId)).slice(0, MAX_LINKS))
  return byArticle
}
