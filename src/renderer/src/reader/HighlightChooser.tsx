/**
 * A menu (role="menu") for a click on text where several highlights overlap: one item per
 * highlight, named by its tags and the start of its quote, with its tags' colours, innermost first. Arrow keys
 * move, Enter picks, Escape or a click elsewhere closes.
 */
import { useEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react'
import type { HighlightId } from '../../../core/ids'
import { dispatchKey } from '../../../core/shortcuts'
import { IS_MAC } from '../hooks/useAppKeys'
import type { Labels } from './labels'

export interface ChooserState {
  ids: HighlightId[]
  /** Position in the scroll container's content coordinates. */
  top: number
  left: number
}

interface Props {
  state: ChooserState
  labels: Labels
  onPick(id: HighlightId): void
  onClose(): void
}

export function HighlightChooser({ state, labels, onPick, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null)

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true })
    const onDown = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose()
    }
    document.addEventListener('pointerdown', onDown, true)
    return () => document.removeEventListener('pointerdown', onDown, true)
  }, [onClose])

  // The keymap's `chooser` scope.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
    const at = items.indexOf(document.activeElement as HTMLElement)
    const taken = dispatchKey(e, 'chooser', IS_MAC, {
      'chooser.move': () => {
        const next = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length
        items[next]?.focus()
      },
      'chooser.close': () => onClose(),
    })
    if (taken) {
      e.preventDefault()
      e.stopPropagation()
    }
  }

  return (
    <div
      ref={menu}
      role="menu"
      aria-label="Choose a highlight"
      className="hl-chooser"
      style={{ top: `${state.top}px`, left: `${state.left}px` }}
      onKeyDown={onKeyDown}
    >
      {state.ids.map((id) => (
        <button key={id} type="button" role="menuitem" tabIndex={-1} className="hl-chooser-item" onClick={() => onPick(id)}>
          <span className="hl-chooser-swatches" aria-hidden="true">
            {(labels.colors?.(id) ?? []).map((color, i) => (
              <span key={i} className="tag-swatch" style={{ '--tag-color': color } as CSSProperties} />
            ))}
          </span>
          <span dir="auto">{labels.get(id) ?? id}</span>
        </button>
      ))}
    </div>
  )
}
