/**
 * Every highlight in the notebook (api.listPassages), fetched again whenever `reloadKey`
 * changes. A reply that arrives after a newer request started is dropped.
 */
import { useEffect, useState } from 'react'
import type { PassageSummary } from '../../../core/api'
import { api, type ApiError } from '../api'

export interface PassagesState {
  passages: PassageSummary[]
  loaded: boolean
}

export function usePassages(reloadKey: number, onError: (error: ApiError) => void): PassagesState {
  const [state, setState] = useState<PassagesState>({ passages: [], loaded: false })
  useEffect(() => {
    let current = true
    void api.listPassages().then((result) => {
      if (!current) return
      if (result.ok) setState({ passages: result.value, loaded: true })
      else {
        setState((s) => ({ ...s, loaded: true }))
        onError(result.error)
      }
    })
    return () => {
      current = false
    }
  }, [reloadKey, onError])
  return state
}
