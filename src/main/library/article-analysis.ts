/**
 * An article's analysis (page furniture and text-reuse fingerprint), kept in
 * `analysis/<bodyHash>.json` out of the catalog. Derived data: when the file is missing or
 * damaged it is recomputed from the body; when its fingerprint is missing (notebooks
 * migrated from format 3) or of an older version, only the fingerprint is recomputed,
 * keeping the furniture found at import. What is recomputed is stored again when the
 * notebook is open for writing.
 */
import { fingerprint, FINGERPRINT_VERSION, type Fingerprint } from '../../core/analysis/fingerprint'
import type { AnalysisFile, Article } from '../../core/model'
import { isDossierError } from '../../core/result'
import type { NotebookStore } from '../storage/notebook-store'

/** The article's page furniture (the reader's folds); `text` is its body when the caller has already read it. */
export async function furnitureOf(store: NotebookStore, article: Article, text?: string): Promise<AnalysisFile['furniture']> {
  return (await store.readFurniture(article.bodyHash)) ?? (await analysisOf(store, article, text)).furniture
}

/** The article's analysis with a current fingerprint; `text` is its body when the caller has already read it. */
export async function analysisOf(store: NotebookStore, article: Article, text?: string): Promise<AnalysisFile> {
  const stored = await store.readAnalysis(article.bodyHash)
  if (stored && stored.fingerprint?.version === FINGERPRINT_VERSION) return stored
  const body = text ?? (await store.readBody(article.bodyHash))
  let analysis: AnalysisFile
  if (stored) {
    analysis = { ...stored, fingerprint: fingerprint(body, { ignore: stored.furniture }) }
  } else {
    // Only here is the full analysis needed (furniture): loaded on demand, it brings the date parser.
    const { analyseText } = await import('../../core/analysis/analyse')
    const found = analyseText(body, { fileName: article.source.fileName })
    analysis = { bodyHash: article.bodyHash, furniture: found.furniture, fingerprint: found.fingerprint }
  }
  await store.putAnalysis(analysis).catch(() => undefined) // derived: failing to keep it only costs a recompute
  return analysis
}

/** The article's fingerprint, or null when its body cannot be read (`dossier check` reports that). */
export async function fingerprintOfArticle(store: NotebookStore, article: Article): Promise<Fingerprint | null> {
  try {
    return (await analysisOf(store, article)).fingerprint
  } catch (error) {
    if (isDossierError(error)) return null
    throw error
  }
}
