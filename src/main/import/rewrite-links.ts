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
 *   or more articles left out, and stems common across the notebook (COMMON_STEM_SHARE)
 *   left out of the rest: a licence, a template or a shared topic does not align.
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
/**
 * A content stem in COMMON_STEM_SHARE of the notebook's articles (and at least
 * COMMON_STEM_MIN_ARTICLES of them) is common: a topic's names, a template's or a
 * licence's words. Alignment looks at the rarer stems only.
 */
export const COMMON_STEM_SHARE = 0.1
export const COMMON_STEM_MIN_ARTICLES = 8
/**
 * A content stem held by at most DISTINCTIVE_STEM_MAX_ARTICLES articles (or 1% of the
 * notebook, when that is more) is distinctive: aligned sentences must share one, so
 * sentences from one template (a man page's "Full documentation <…/chown>") do not align.
 */
export const DISTINCTIVE_STEM_MAX_ARTICLES = 3
export const DISTINCTIVE_STEM_SHARE = 0.01

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
    isCommonStem: (stem) => index.stemArticles(stem) >= Math.max(COMMON_STEM_MIN_ARTICLES, COMMON_STEM_SHARE * index.size),
    isDistinctiveStem: (stem) => index.stemArticles(stem) <= Math.max(DISTINCTIVE_STEM_MAX_ARTICLES, DISTINCTIVE_STEM_SHARE * index.size),
  }
}

/**
 * New link lists after adding `fresh` to the notebook (and to `index`): for each article
 * whose links changed, its complete list, best MAX_LINKS first, scores rounded to three
 * decimals.
 *
 * 1. Discovery: each new article, in order, is added to the index and compared with the
 *    candidates it finds (see the file comment); each pair once.
 * 2. Re-evaluation: what two articles share may have become common since they were linked
 *    (the tenth e-mail with the same footer shows the footer is boilerplate), so every link
 *    of the new articles' neighbours (articles sharing any sample or sentence with them)
 *    and every link just found is scored again against the notebook as it now is: kept,
 *    rescored, or dropped.
 * `fingerprintOf` gives a stored article's full fingerprint (null when it cannot be read);
 * `linksOf` its current links.
 */
export async function findRewriteLinks<Id extends string>(
  index: ReuseIndex,
  fresh: readonly Linkable<Id>[],
  fingerprintOf: (id: Id) => Promise<Fingerprint | null>,
  linksOf: (id: Id) => readonly FoundLink<Id>[] = () => [],
): Promise<Map<Id, FoundLink<Id>[]>> {
  const prints = new Map<Id, Fingerprint | null>(fresh.map((a) => [a.id, a.fingerprint]))
  const fullPrint = async (id: Id) => {
    if (!prints.has(id)) prints.set(id, await fingerprintOf(id))
    return prints.get(id) ?? null
  }
  // 1. Discovery.
  const pairs = new Map<string, { a: Id; b: Id; kind: ReuseKind }>()
  const pairKey = (a: Id, b: Id) => (a < b ? `${a} ${b}` : `${b} ${a}`)
  for (const a of fresh) {
    const entry = entryOf(a.id, a.fingerprint)
    index.add(entry)
    for (const [b, kind] of await discover(index, entry, a.fingerprint, fullPrint)) pairs.set(pairKey(a.id, b), { a: a.id, b, kind })
    // Let the app's other work (IPC, progress) run between articles.
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  // 2. Re-evaluation, against the notebook with every new article in it.
  const touched = new Set<Id>(fresh.map((a) => a.id))
  for (const a of fresh) for (const id of index.neighbours(index.entry(a.id)!)) touched.add(id as Id)
  const lists = new Map<Id, FoundLink<Id>[]>()
  for (const id of touched) {
    for (const link of linksOf(id)) {
      if (!index.has(link.articleId)) continue // linked to a deleted article: kept as it is (a restore is exact)
      if (!pairs.has(pairKey(id, link.articleId))) pairs.set(pairKey(id, link.articleId), { a: id, b: link.articleId, kind: link.kind })
    }
  }
  const context = indexContext(index)
  for (const { a, b, kind } of pairs.values()) {
    const found = await rescore(index, context, a, b, kind, fullPrint)
    for (const [from, to] of [[a, b], [b, a]] as const) {
      let list = lists.get(from)
      if (!list) lists.set(from, (list = linksOf(from).filter((l) => !pairs.has(pairKey(from, l.articleId)))))
      if (found) list.push({ articleId: to, score: Math.round(found.score * 1000) / 1000, kind: found.kind })
    }
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  for (const [id, links] of lists) lists.set(id, links.sort((x, y) => y.score - x.score || x.articleId.localeCompare(y.articleId)).slice(0, MAX_LINKS))
  return lists
}

/** The articles one new article reuses, with what kind of reuse, by the signals of the file comment. */
async function discover<Id extends string>(
  index: ReuseIndex,
  entry: ReturnType<typeof entryOf>,
  fp: Fingerprint,
  fullPrint: (id: Id) => Promise<Fingerprint | null>,
): Promise<Map<Id, ReuseKind>> {
  const context = indexContext(index)
  const found = new Map<Id, ReuseKind>()
  const sharing = [...index.sharing(entry, CANDIDATE_MAX_HOLDERS)].sort((x, y) => y[1] - x[1]).slice(0, SAMPLE_CANDIDATES)
  for (const [id] of sharing) {
    const { jaccard, containment } = shingleReuse(fp, index.entry(id)!, context.sampleArticles)
    const { kind } = classifyReuse(jaccard, containment, 0)
    if (kind) found.set(id as Id, kind)
  }
  // Paraphrases: alignment, only against the articles most alike in content stems.
  const stems = stemsOf(fp)
  const ranked: { id: Id; fp: Fingerprint; overlap: number }[] = []
  for (const id of index.nearestByStems(entry, ALIGN_CANDIDATES * 4, new Set(found.keys())) as Id[]) {
    const other = await fullPrint(id)
    if (other) ranked.push({ id, fp: other, overlap: stemOverlap(stems, stemsOf(other)) })
  }
  ranked.sort((x, y) => y.overlap - x.overlap)
  for (const { id, fp: other } of ranked.slice(0, ALIGN_CANDIDATES)) {
    const full = compareFingerprints(fp, other, context)
    if (full.kind) found.set(id, full.kind)
  }
  return found
}

/**
 * A pair's reuse in the notebook as it now is, or null under the threshold. A pair linked
 * by shared wording is scored on its samples (in memory); a paraphrase, or wording that
 * no longer reaches the threshold, is compared in full.
 */
async function rescore<Id extends string>(
  index: ReuseIndex,
  context: ReuseContext,
  a: Id,
  b: Id,
  kind: ReuseKind,
  fullPrint: (id: Id) => Promise<Fingerprint | null>,
): Promise<{ score: number; kind: ReuseKind } | null> {
  if (kind !== 'paraphrase') {
    const { jaccard, containment } = shingleReuse(index.entry(a)!, index.entry(b)!, context.sampleArticles)
    const cheap = classifyReuse(jaccard, containment, 0)
    if (cheap.kind) return { score: cheap.score, kind: cheap.kind }
  }
  const [fa, fb] = [await fullPrint(a), await fullPrint(b)]
  if (!fa || !fb) return null
  const full = compareFingerprints(fa, fb, context)
  return full.kind ? { score: full.score, kind: full.kind } : null
}
