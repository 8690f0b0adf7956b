/**
 * Widths of the resizable side panes, remembered between sessions (localStorage, which
 * the sandboxed renderer keeps in the app's own profile). Values are clamped, so a bad
 * stored value or a smaller window never hides a pane.
 */
import { useCallback, useState } from 'react'

export interface PaneWidths {
  library: number
  panel: number
}

export const PANE_LIMITS = { min: 180, max: 560 } as const
const KEY = 'dossier.paneWidths.v1'
const DEFAULTS: PaneWidths = { library: 260, panel: 300 }

export function clampWidth(value: number): number {
  if (!Number.isFinite(value)) return PANE_LIMITS.min
  return Math.round(Math.min(PANE_LIMITS.max, Math.max(PANE_LIMITS.min, value)))
}

export function readPaneWidths(storage: Pick<Storage, 'getItem'> | undefined): PaneWidths {
  try {
    const raw = storage?.getItem(KEY)
    if (!raw) return { ...DEFAULTS }
    const parsed = JSON.parse(raw) as Partial<PaneWidths>
    return {
      library: typeof parsed.library === 'number' ? clampWidth(parsed.library) : DEFAULTS.library,
      panel: typeof parsed.panel === 'number' ? clampWidth(parsed.panel) : DEFAULTS.panel,
    }
  } catch {
    return { ...DEFAULTS }
  }
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

export function usePaneWidths(): [PaneWidths, (pane: keyof PaneWidths, width: number) => void] {
  const [widths, setWidths] = useState<PaneWidths>(() => readPaneWidths(storage()))
  const setWidth = useCallback((pane: keyof PaneWidths, width: number) => {
    setWidths((prev) => {
      const next = { ...prev, [pane]: clampWidth(width) }
      try {
        storage()?.setItem(KEY, JSON.stringify(next))
      } catch {
        // Remembering is a convenience; a full or blocked storage must not break resizing.
      }
      return next
    })
  }, [])
  return [widths, setWidth]
}
