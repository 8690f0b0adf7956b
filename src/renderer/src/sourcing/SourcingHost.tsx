/**
 * What every sourcing control needs from the app, given once by App instead of threaded
 * through the reader, passages and library props: the status bar, the app's reload after
 * a change, and the data version (so lists fetch again after any change).
 */
import { createContext, useContext } from 'react'
import type { StatusControls } from '../hooks/useStatus'

export interface SourcingHost {
  status: StatusControls
  afterChange(): Promise<void>
  reloadKey: number
}

export const SourcingHostContext = createContext<SourcingHost | null>(null)

export function useSourcingHost(): SourcingHost {
  const host = useContext(SourcingHostContext)
  if (!host) throw new Error('useSourcingHost() is used outside <SourcingHostContext.Provider>.')
  return host
}
