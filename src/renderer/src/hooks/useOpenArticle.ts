/**
 * The article shown in the reader. Only the latest request wins: a slow reply for an
 * article the user has already moved away from is dropped.
 */
import { useCallback, useRef, useState } from 'react'
import type { ArticleView } from '../../../core/api'
import type { ArticleId } from '../../../core/ids'
import { api, type ApiError } from '../api'

export interface OpenArticle {
  openId: ArticleId | null
  view: ArticleView | null
  open(articleId: ArticleId): Promise<void>
  /** Fetches the open article again (after its highlights changed). */
  reload(): Promise<void>
  close(): void
}

export function useOpenArticle(onError: (error: ApiError) => void): OpenArticle {
  const [openId, setOpenId] = useState<ArticleId | null>(null)
  const [view, setView] = useState<ArticleView | null>(null)
  const latest = useRef<ArticleId | null>(null)

  const load = useCallback(
    async (articleId: ArticleId) => {
      const result = await api.getArticle({ articleId })
      if (latest.current !== articleId) return
      if (result.ok) {
        setView(result.value)
        return
      }
      onError(result.error)
      if (result.error.code === 'not-found') {
        latest.current = null
        setOpenId(null)
        setView(null)
      }
    },
    [onError],
  )

  const open = useCallback(
    async (articleId: ArticleId) => {
      latest.current = articleId
      setOpenId(articleId)
      await load(articleId)
    },
    [load],
  )

  const reload = useCallback(async () => {
    if (latest.current) await load(latest.current)
  }, [load])

  const close = useCallback(() => {
    latest.current = null
    setOpenId(null)
    setView(null)
  }, [])

  return { openId, view, open, reload, close }
}
