/** Help > Keyboard Shortcuts (F1): every shortcut of the app, from the one list in the core. */
import { useEffect, useRef } from 'react'
import { formatKeys, SHORTCUT_GROUPS } from '../../../core/shortcuts'

interface Props {
  onClose(): void
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)

export function ShortcutsDialog({ onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal?.()
  }, [])
  return (
    <dialog ref={ref} className="dialog shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose} onCancel={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3>{group.title}</h3>
          <dl>
            {group.shortcuts.map((s) => (
              <div key={s.keys + s.action} className="shortcut-row">
                <dt>
                  <kbd>{formatKeys(s.keys, IS_MAC)}</kbd>
                </dt>
                <dd>{s.action}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  )
}
