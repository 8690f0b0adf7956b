/**
 * The open notebook's shared data: its name, the article list and the tag codebook.
 * Loads once on mount; `reloadAll` runs again after a notebook switch and
 * `refreshArticles` after imports and highlight edits (counts change).
 */
import { useCallback, useEffect, useState } from 'react'
import type { ArticleSummary, NotebookInfo } from '../../../core/api'
import type { Tag } from '../../../core/model'
import { api, type ApiError, type Result } from '../api'

export interface Library {
  notebook: NotebookInfo | null
  articles: ArticleSummary[]
  tags: Tag[]
  /** False until the first article list has arrived (avoids flashing the empty state). */
  loaded: boolean
  /** Fetches the article list again; resolves to it (undefined when that failed). */
  refreshArticles(): Promise<ArticleSummary[] | undefined>
  /** Fetches the tags again (after a tag was created, renamed, merged or deleted). */
  refreshTags(): Promise<void>
  reloadAll(): Promise<void>
}

type Snapshot = [Result<NotebookInfo>, Result<ArticleSummary[]>, Result<Tag[]>]

function fetchSnapshot(): Promise<Snapshot> {
  return Promise.all([api.getNotebook(), api.listArticles(), api.listTags()])
}

export function useLibrary(onError: (error: ApiError) => void): Library {
  const [notebook, setNotebook] = useState<NotebookInfo | null>(null)
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const [tags, setTags] = useState<Tag[]>([])
  const [loaded, setLoaded] = useState(false)

  const refreshArticles = useCallback(async () => {
    const [list, info] = await Promise.all([api.listArticles(), api.getNotebook()])
    if (list.ok) setArticles(list.value)
    else onError(list.error)
    if (info.ok) setNotebook(info.value)
    setLoaded(true)
    return list.ok ? list.value : undefined
  }, [onError])

  const refreshTags = useCallback(async () => {
    const list = await api.listTags()
    if (list.ok) setTags(list.value)
    else onError(list.error)
  }, [onError])

  const applyAll = useCallback(
    ([info, list, tagList]: Snapshot) => {
      if (info.ok) setNotebook(info.value)
      else onError(info.error)
      if (list.ok) setArticles(list.value)
      else onError(list.error)
      if (tagList.ok) setTags(tagList.value)
      else onError(tagList.error)
      setLoaded(true)
    },
    [onError],
  )

  const reloadAll = useCallback(() => fetchSnapshot().then(applyAll), [applyAll])

  useEffect(() => {
    let live = true
    void fetchSnapshot().then((snapshot) => {
      if (live) applyAll(snapshot)
    })
    return () => {
      live = false
    }
  }, [applyAll])

  return { notebook, articles, tags, loaded, refreshArticles, refreshTags, reloadAll }
}
