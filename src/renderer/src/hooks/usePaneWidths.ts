/**
 * The reader view's side panes: their widths and whether each is collapsed to a rail,
 * remembered between sessions (localStorage, which the sandboxed renderer keeps in the
 * app's own profile). Stored values are clamped, so a bad stored value never hides a pane.
 * `fitPanes` fits them to the window: on a narrow one they give up width (never below
 * their minimum) so the article keeps room to read, and when even that is not enough the
 * library list folds to its rail (for this width only; what was chosen is kept).
 */
import { useCallback, useState } from 'react'

export interface PaneWidths {
  library: number
  panel: number
}

export interface PaneState extends PaneWidths {
  libraryCollapsed: boolean
  panelCollapsed: boolean
}

export const PANE_LIMITS = { min: 180, max: 560 } as const
/** The article's own minimum width, and a collapsed pane's rail. */
export const ARTICLE_MIN = 420
export const RAIL = 44
const KEY = 'dossier.paneWidths.v1'
const COLLAPSED_KEY = 'dossier.paneCollapsed.v1'
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

export function readCollapsed(storage: Pick<Storage, 'getItem'> | undefined): Pick<PaneState, 'libraryCollapsed' | 'panelCollapsed'> {
  try {
    const parsed = JSON.parse(storage?.getItem(COLLAPSED_KEY) ?? '{}') as Partial<PaneState>
    return { libraryCollapsed: parsed.libraryCollapsed === true, panelCollapsed: parsed.panelCollapsed === true }
  } catch {
    return { libraryCollapsed: false, panelCollapsed: false }
  }
}

/**
 * The panes as shown in a workspace `total` px wide: the chosen state, with widths cut
 * (each down to its minimum, the wider first) until the article has ARTICLE_MIN, and the
 * library list folded to its rail when that is still not enough.
 */
export function fitPanes(total: number, chosen: PaneState): PaneState {
  const shown = { ...chosen }
  const room = () => total - (shown.libraryCollapsed ? RAIL : shown.library) - (shown.panelCollapsed ? RAIL : shown.panel)
  if (!Number.isFinite(total) || total <= 0 || room() >= ARTICLE_MIN) return shown
  for (const pane of ['panel', 'library'] as const) {
    const collapsed = pane === 'panel' ? shown.panelCollapsed : shown.libraryCollapsed
    if (collapsed) continue
    shown[pane] = Math.max(PANE_LIMITS.min, shown[pane] - (ARTICLE_MIN - room()))
    if (room() >= ARTICLE_MIN) return shown
  }
  if (!shown.libraryCollapsed) shown.libraryCollapsed = true
  return shown
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

function remember(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value))
  } catch {
    // Remembering is a convenience; a full or blocked storage must not break the layout.
  }
}

export interface PaneControls {
  setWidth(pane: keyof PaneWidths, width: number): void
  setCollapsed(pane: keyof PaneWidths, collapsed: boolean): void
}

export function usePaneWidths(): [PaneState, PaneControls] {
  const [state, setState] = useState<PaneState>(() => ({ ...readPaneWidths(storage()), ...readCollapsed(storage()) }))
  const setWidth = useCallback((pane: keyof PaneWidths, width: number) => {
    setState((prev) => {
      const next = { ...prev, [pane]: clampWidth(width) }
      remember(KEY, { library: next.library, panel: next.panel })
      return next
    })
  }, [])
  const setCollapsed = useCallback((pane: keyof PaneWidths, collapsed: boolean) => {
    setState((prev) => {
      const next = { ...prev, [pane === 'library' ? 'libraryCollapsed' : 'panelCollapsed']: collapsed }
      remember(COLLAPSED_KEY, { libraryCollapsed: next.libraryCollapsed, panelCollapsed: next.panelCollapsed })
      return next
    })
  }, [])
  return [state, { setWidth, setCollapsed }]
}
