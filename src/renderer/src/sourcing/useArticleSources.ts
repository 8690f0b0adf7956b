/**
 * Every article's outlet and reliability as the notebook knows them (api.listArticleSources),
 * by article id, fetched again after every change. Outside the app's sourcing host (a
 * component test without it) there are none, and grade codes are simply not shown.
 */
import { useCallback, useContext, useMemo } from 'react'
import type { ArticleSource } from '../../../core/api-sourcing'
import type { ArticleId, HighlightId } from '../../../core/ids'
import { gradeCode, type Credibility } from '../../../core/sourcing'
import { api } from '../api'
import { useApiValue } from '../hooks/useApiValue'
import { SourcingHostContext } from './SourcingHost'

const IGNORE = () => undefined

export function useArticleSources(): ReadonlyMap<ArticleId, ArticleSource> {
  const host = useContext(SourcingHostContext)
  const sources = useApiValue(host ? api.listArticleSources : null, host?.reloadKey ?? 0, host?.status.announceError ?? IGNORE)
  return useMemo(() => new Map((sources.value ?? []).map((s) => [s.articleId, s])), [sources.value])
}

/** The grade code of a passage ("B2", "B?", "?3"), or null when neither half is graded. */
export function passageGrade(sources: ReadonlyMap<ArticleId, ArticleSource>, articleId: ArticleId, credibility: number | undefined): string | null {
  return gradeCode(sources.get(articleId)?.reliability?.grade ?? null, (credibility ?? null) as Credibility | null)
}

/**
 * The grade code of a search hit: a passage's ("B2") from its article's reliability and its
 * own credibility, an article's from its reliability alone ("B?"); null when ungraded.
 * Fetches the notebook's passages only while `active` (the search dialog is open).
 */
export function useHitGrades(active: boolean): (articleId: ArticleId, highlightId: HighlightId | null) => string | null {
  const host = useContext(SourcingHostContext)
  const sources = useArticleSources()
  const passages = useApiValue(host && active ? api.listPassages : null, host?.reloadKey ?? 0, host?.status.announceError ?? IGNORE)
  const credibility = useMemo(() => new Map((passages.value ?? []).map((p) => [p.highlight.id, p.highlight.credibility])), [passages.value])
  return useCallback(
    (articleId: ArticleId, highlightId: HighlightId | null) => passageGrade(sources, articleId, highlightId === null ? undefined : credibility.get(highlightId)),
    [credibility, sources],
  )
}
