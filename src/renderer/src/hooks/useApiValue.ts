/**
 * One value fetched from main (`fetch`, e.g. api.listEntities), fetched again when `key`
 * or `fetch` changes (callers memoise it) or after `reload()`. A reply older than the
 * latest request is dropped, so a slow answer never replaces a newer one; `loading` is
 * true while a request is out (the previous value stays shown meanwhile). `fetch === null`
 * fetches nothing and has no value.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ApiError, Result } from '../api'

export interface ApiValue<T> {
  value: T | undefined
  /** A first answer (or error) has arrived. */
  loaded: boolean
  loading: boolean
  reload(): Promise<void>
}

interface State<T> {
  value: T | undefined
  loaded: boolean
  /** The request the last answer was for. */
  answered: object | null
  /** A reload() is out. */
  reloading: boolean
}

export function useApiValue<T>(fetch: (() => Promise<Result<T>>) | null, key: unknown, onError: (error: ApiError) => void): ApiValue<T> {
  const [state, setState] = useState<State<T>>({ value: undefined, loaded: false, answered: null, reloading: false })
  const serial = useRef(0)
  // The latest error handler, without fetching again when a caller passes a new one.
  const errorHandler = useRef(onError)
  useEffect(() => {
    errorHandler.current = onError
  }, [onError])
  // A new token for each fetch/key: the request the view is waiting for.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const token = useMemo(() => ({}), [fetch, key])

  const ask = useCallback(async (): Promise<[number, Result<T> | null]> => {
    const mine = ++serial.current
    return [mine, fetch === null ? null : await fetch()]
  }, [fetch])

  const apply = useCallback(
    (asked: object, [mine, result]: [number, Result<T> | null]) => {
      if (mine !== serial.current || result === null) return
      if (result.ok) setState({ value: result.value, loaded: true, answered: asked, reloading: false })
      else {
        setState((s) => ({ ...s, loaded: true, answered: asked, reloading: false }))
        errorHandler.current(result.error)
      }
    },
    [],
  )

  useEffect(() => {
    const counter = serial
    void ask().then((reply) => apply(token, reply))
    // Unmounted or asked again: an answer still on its way is stale.
    return () => void counter.current++
  }, [ask, apply, token])

  const reload = useCallback(async () => {
    setState((s) => ({ ...s, reloading: true }))
    apply(token, await ask())
  }, [ask, apply, token])

  if (fetch === null) return { value: undefined, loaded: false, loading: false, reload }
  return { value: state.value, loaded: state.loaded, loading: state.reloading || state.answered !== token, reload }
}
