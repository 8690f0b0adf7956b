/**
 * The codebook with highlight counts (api.listTagSummaries), fetched again when
 * `reloadKey` changes or after `reload()`. A reply older than the latest request is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { TagSummary } from '../../../core/api'
import { api, type ApiError, type Result } from '../api'

export interface TagsState {
  tags: TagSummary[]
  loaded: boolean
  reload(): Promise<void>
}

export function useTags(reloadKey: number, onError: (error: ApiError) => void): TagsState {
  const [tags, setTags] = useState<TagSummary[]>([])
  const [loaded, setLoaded] = useState(false)
  const serial = useRef(0)

  const fetchTags = useCallback(async (): Promise<[number, Result<TagSummary[]>]> => {
    const mine = ++serial.current
    return [mine, await api.listTagSummaries()]
  }, [])

  const apply = useCallback(
    ([mine, result]: [number, Result<TagSummary[]>]) => {
      if (mine !== serial.current) return
      if (result.ok) setTags(result.value)
      else onError(result.error)
      setLoaded(true)
    },
    [onError],
  )

  const reload = useCallback(() => fetchTags().then(apply), [fetchTags, apply])

  useEffect(() => {
    let live = true
    void fetchTags().then((reply) => {
      if (live) apply(reply)
    })
    return () => {
      live = false
    }
  }, [fetchTags, apply, reloadKey])

  return { tags, loaded, reload }
}
