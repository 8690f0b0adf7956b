/**
 * The six views as a tab list named "Views" (Left/Right move between tabs, as the
 * ARIA tabs pattern has it; Ctrl/Cmd+1..6 jump from anywhere).
 */
import { useRef, type KeyboardEvent } from 'react'

export const VIEWS = ['library', 'reader', 'passages', 'tags', 'briefings', 'entities', 'sources', 'timeline', 'analysis'] as const
export type AppView = (typeof VIEWS)[number]

const LABELS: Record<AppView, string> = {
  library: 'Library',
  reader: 'Reader',
  passages: 'Passages',
  tags: 'Tags',
  briefings: 'Briefings',
  entities: 'Entities',
  sources: 'Sources',
  timeline: 'Timeline',
  analysis: 'Analysis',
}

interface Props {
  current: AppView
  onChange(view: AppView): void
}

export function viewPanelId(view: AppView): string {
  return `view-${view}`
}

export function ViewTabs({ current, onChange }: Props) {
  const refs = useRef(new Map<AppView, HTMLButtonElement>())
  const onKeyDown = (e: KeyboardEvent) => {
    const index = VIEWS.indexOf(current)
    const next = e.key === 'ArrowRight' ? VIEWS[(index + 1) % VIEWS.length] : e.key === 'ArrowLeft' ? VIEWS[(index + VIEWS.length - 1) % VIEWS.length] : null
    if (!next) return
    e.preventDefault()
    onChange(next)
    refs.current.get(next)?.focus()
  }
  return (
    <div role="tablist" aria-label="Views" className="view-tabs" onKeyDown={onKeyDown}>
      {VIEWS.map((view) => (
        <button
          key={view}
          ref={(el) => {
            if (el) refs.current.set(view, el)
            else refs.current.delete(view)
          }}
          type="button"
          role="tab"
          id={`tab-${view}`}
          aria-selected={view === current}
          aria-controls={viewPanelId(view)}
          tabIndex={view === current ? 0 : -1}
          className="view-tab"
          onClick={() => onChange(view)}
        >
          {LABELS[view]}
        </button>
      ))}
    </div>
  )
}
