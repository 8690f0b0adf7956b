/**
 * What a view or pane shows with nothing in it yet: a heading that says so, a sentence on
 * how things get there, and the actions that put them there ("Import files", "Paste an
 * article", "Go to the library"), so an empty view is a place to start, not a dead end.
 */
import type { ReactNode } from 'react'
import { useCommand } from '../commands'
import type { MenuCommand } from '../../../core/api'

interface Props {
  title: string
  children?: ReactNode
  /** Commands offered as buttons, the first one primary. */
  commands?: { command: MenuCommand; label: string }[]
  /** Other controls (e.g. a button with its own handler). */
  actions?: ReactNode
  /** The heading's level: 2 in a view, 3 in a side pane. */
  level?: 2 | 3
}

export function EmptyState({ title, children, commands = [], actions, level = 2 }: Props) {
  const run = useCommand()
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <div className="empty-state">
      <Heading className="empty-state-title">{title}</Heading>
      {children && <div className="empty-state-body">{children}</div>}
      {(commands.length > 0 || actions) && (
        <div className="empty-state-actions">
          {commands.map((c, i) => (
            <button key={c.command} type="button" className={i === 0 ? 'button button-primary' : 'button'} onClick={() => run(c.command)}>
              {c.label}
            </button>
          ))}
          {actions}
        </div>
      )}
    </div>
  )
}

/** The empty notebook's ways in, for every view that has nothing to show without articles. */
export const IMPORT_COMMANDS: { command: MenuCommand; label: string }[] = [
  { command: 'import', label: 'Import files' },
  { command: 'paste-article', label: 'Paste an article' },
]
