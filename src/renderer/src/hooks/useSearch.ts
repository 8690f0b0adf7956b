/**
 * Search as you type: runs api.search about 120 ms after the query or filters last
 * changed, and keeps only the reply to the latest request. While a new search is under
 * way the previous results stay shown. An empty query shows nothing and asks main nothing.
 */
import { useEffect, useMemo, useState } from 'react'
import type { ArticleSummary } from '../../../core/api'
import type { EntitySummary } from '../../../core/api-entities'
import type { SearchResponse } from '../../../core/search/types'
import { api, type ApiError } from '../api'
import { searchArgs, type SearchArgs, type SearchDialogFilters } from '../search/snippet-parts'

export const SEARCH_DEBOUNCE_MS = 120

export interface SearchState {
  /** The latest reply, or null before the first one / for an empty query. */
  response: SearchResponse | null
  /** The call failed (not a query error: those are in `response.error`). */
  failure: ApiError | null
  /** A search for the current query and filters has not answered yet. */
  searching: boolean
}

const IDLE: SearchState = { response: null, failure: null, searching: false }

interface Reply {
  key: string
  response: SearchResponse | null
  failure: ApiError | null
}

export function useSearch(enabled: boolean, query: string, filters: SearchDialogFilters): SearchState {
  const trimmed = query.trim()
  const active = enabled && trimmed !== ''
  const key = useMemo(() => JSON.stringify(searchArgs(trimmed, filters)), [trimmed, filters])
  const [reply, setReply] = useState<Reply | null>(null)

  useEffect(() => {
    if (!active) return
    let current = true
    const timer = setTimeout(() => {
      void api.search(JSON.parse(key) as SearchArgs).then((result) => {
        if (!current) return
        setReply(result.ok ? { key, response: result.value, failure: null } : { key, response: null, failure: result.error })
      })
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [active, key])

  if (!active) return IDLE
  if (reply?.key === key) return { response: reply.response, failure: reply.failure, searching: false }
  return { response: reply?.response ?? null, failure: null, searching: true }
}

export type ArticleLookup = ReadonlyMap<string, ArticleSummary>

/** The notebook's articles by id (titles, outlets and dates for result rows), fetched each time the dialog opens. */
export function useArticleLookup(open: boolean): ArticleLookup {
  const [lookup, setLookup] = useState<ArticleLookup>(new Map())
  useEffect(() => {
    if (!open) return
    let live = true
    void api.listArticles().then((result) => {
      if (live && result.ok) setLookup(new Map(result.value.map((a) => [a.id, a])))
    })
    return () => {
      live = false
    }
  }, [open])
  return lookup
}

/** The notebook's entities (the name filter), fetched each time the dialog opens; empty until they come or if none. */
export function useEntityList(open: boolean): EntitySummary[] {
  const [entities, setEntities] = useState<EntitySummary[]>([])
  useEffect(() => {
    if (!open) return
    let live = true
    void api.listEntities().then((result) => {
      if (live && result.ok) setEntities(result.value)
    })
    return () => {
      live = false
    }
  }, [open])
  return entities
}
