/**
 * Whether the Passages view shows cards or the dense table, remembered between sessions
 * (localStorage, as the pane widths are: usePaneWidths.ts).
 */
import { useCallback, useState } from 'react'

export type PassagesMode = 'cards' | 'table'

const KEY = 'dossier.passages.mode'

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined // storage denied: the choice lasts for this session only
  }
}

export function usePassagesMode(): [PassagesMode, (mode: PassagesMode) => void] {
  const [mode, setState] = useState<PassagesMode>(() => (storage()?.getItem(KEY) === 'table' ? 'table' : 'cards'))
  const setMode = useCallback((next: PassagesMode) => {
    setState(next)
    try {
      storage()?.setItem(KEY, next)
    } catch {
      // A full or denied storage only loses the remembering.
    }
  }, [])
  return [mode, setMode]
}
