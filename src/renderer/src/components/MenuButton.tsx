/**
 * A menu button (the ARIA menu button pattern): a button with aria-haspopup="menu" that
 * opens a role="menu" list of menuitems below it. Opening moves focus to the first item;
 * Up/Down/Home/End move, Enter or Space runs an item, Escape or a click outside closes and
 * focus returns to the button. Items hidden by CSS (display: none) are skipped, so a
 * responsive layout can show an item only when its header button is hidden.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

export interface MenuItem {
  label: string
  run(): void
  disabled?: boolean
  /** Extra class, e.g. for items shown only at some window widths. */
  className?: string
  /** Shown after the label, e.g. the item's shortcut. */
  hint?: string
}

interface Props {
  label: ReactNode
  /** The button's accessible name when `label` is not plain text. */
  name?: string
  items: MenuItem[]
  className?: string
}

const visibleItems = (menu: HTMLElement | null) =>
  Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []).filter((el) => el.getClientRects().length > 0)

export function MenuButton({ label, name, items, className }: Props) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLUListElement>(null)
  const menuId = useId()

  useEffect(() => {
    if (!open) return
    visibleItems(menu.current)[0]?.focus()
    const onDown = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown, true)
    return () => document.removeEventListener('pointerdown', onDown, true)
  }, [open])

  const close = () => {
    setOpen(false)
    button.current?.focus()
  }

  const onMenuKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = visibleItems(menu.current)
    const at = list.indexOf(document.activeElement as HTMLElement)
    let next: number
    if (e.key === 'ArrowDown') next = (at + 1) % list.length
    else if (e.key === 'ArrowUp') next = (at - 1 + list.length) % list.length
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = list.length - 1
    else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
      }
      close()
      return
    } else return
    e.preventDefault()
    list[next]?.focus()
  }

  return (
    <div className={`menu-button ${className ?? ''}`}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={name}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            setOpen(true)
          }
        }}
      >
        {label}
      </button>
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-label={name ?? (typeof label === 'string' ? label : undefined)} className="menu" onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <li key={item.label} role="none" className={item.className}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                aria-disabled={item.disabled || undefined}
                onClick={() => {
                  if (item.disabled) return
                  setOpen(false)
                  button.current?.focus()
                  item.run()
                }}
              >
                <span>{item.label}</span>
                {item.hint && <kbd className="menu-item-hint">{item.hint}</kbd>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
