/**
 * Help > Keyboard Shortcuts (F1): generated from the keymap (src/core/shortcuts.ts), the same
 * table the key handlers dispatch through, so it lists exactly the keys that work. The list
 * scrolls between a fixed heading and a fixed Close button; it opens at its top with focus
 * on the list (a Tab stop, so the keyboard scrolls it), and Tab reaches Close.
 */
import { useEffect, useRef } from 'react'
import { shortcutGroups } from '../../../core/shortcuts'
import { IS_MAC } from '../hooks/useAppKeys'

interface Props {
  onClose(): void
}

export function ShortcutsDialog({ onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const list = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal?.()
    list.current?.focus({ preventScroll: true })
  }, [])
  return (
    <dialog ref={ref} className="dialog dialog-scrolling shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose} onCancel={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <div ref={list} className="dialog-body" tabIndex={0} role="region" aria-label="Shortcut list">
        {shortcutGroups(IS_MAC).map((group) => (
          <section key={group.title} aria-labelledby={`shortcuts-${group.title}`}>
            <h3 id={`shortcuts-${group.title}`}>{group.title}</h3>
            <dl>
              {group.shortcuts.map((s) => (
                <div key={s.keys + s.action} className="shortcut-row">
                  <dt>
                    <kbd>{s.keys}</kbd>
                  </dt>
                  <dd>{s.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="shortcuts-note">Tab, Space and the arrow keys also work as usual in tab lists, menus, dialogs and on the pane splitters.</p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  )
}
