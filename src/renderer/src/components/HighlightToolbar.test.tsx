// @vitest-environment jsdom
/**
 * The highlight toolbar's behaviour: Save stays disabled until a tag or comment is given,
 * digit keys toggle tags (but not while typing a comment), Escape cancels, Delete removes
 * an existing highlight when focus is in the toolbar (not in the comment box).
 */
import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import { HighlightToolbar } from './HighlightToolbar'
import { setupDomRoot } from '../test-dom'

const TAGS: Tag[] = [
  { id: 't-bases' as TagId, name: 'Bases', color: '#E69F00', description: 'Bases in Syria' },
  { id: 't-convoys' as TagId, name: 'Convoys', color: '#56B4E9', description: 'Movements' },
]

const dom = setupDomRoot()

function renderToolbar(mode: 'create' | 'edit' = 'create', autoFocus?: boolean) {
  const handlers = { onSave: vi.fn(), onRemove: vi.fn(), onCancel: vi.fn() }
  act(() =>
    dom.root.render(
      <HighlightToolbar
        mode={mode}
        tags={TAGS}
        initial={{ tagIds: [], comment: '' }}
        anchor={{ top: 10, bottom: 30, left: 10 }}
        saving={false}
        autoFocus={autoFocus}
        {...handlers}
      />,
    ),
  )
  return handlers
}

const button = (name: string) =>
  Array.from(dom.container.querySelectorAll('button')).find((b) => b.textContent?.replace(/\d$/, '') === name)!
const key = (k: string, target: EventTarget = document.body, mods: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods })
  act(() => {
    target.dispatchEvent(event)
  })
  return event
}

describe('HighlightToolbar', () => {
  it('is a toolbar named Highlight with a pressed-state button per tag', () => {
    renderToolbar()
    const toolbar = dom.container.querySelector('[role="toolbar"]')!
    expect(toolbar.getAttribute('aria-label')).toBe('Highlight')
    expect(button('Bases').getAttribute('aria-pressed')).toBe('false')
    expect(button('Bases').title).toBe('Bases in Syria')
    expect(dom.container.querySelector('textarea')!.getAttribute('aria-label')).toBe('Comment')
  })

  it('enables Save once a tag is chosen and saves the chosen tags in codebook order', () => {
    const { onSave } = renderToolbar()
    expect(button('Save highlight').disabled).toBe(true)
    act(() => button('Convoys').click())
    act(() => button('Bases').click())
    expect(button('Save highlight').disabled).toBe(false)
    act(() => button('Save highlight').click())
    expect(onSave).toHaveBeenCalledWith({ tagIds: ['t-bases', 't-convoys'], comment: '' })
  })

  it('toggles tags with digit keys, but not while typing in the comment box', () => {
    renderToolbar()
    key('2')
    expect(button('Convoys').getAttribute('aria-pressed')).toBe('true')
    key('2')
    expect(button('Convoys').getAttribute('aria-pressed')).toBe('false')
    key('1', dom.container.querySelector('textarea')!)
    expect(button('Bases').getAttribute('aria-pressed')).toBe('false')
  })

  it('saves with 1 then Enter from the first tag button, where focus lands (Enter does not toggle the tag back)', () => {
    const { onSave } = renderToolbar()
    expect(document.activeElement).toBe(button('Bases'))
    key('1', document.activeElement!)
    const enter = key('Enter', document.activeElement!)
    expect(enter.defaultPrevented).toBe(true)
    expect(onSave).toHaveBeenCalledWith({ tagIds: ['t-bases'], comment: '' })
  })

  it('saves with Enter from the comment box, where Shift+Enter is a new line and Alt+digit toggles a tag', () => {
    const { onSave } = renderToolbar()
    const comment = dom.container.querySelector('textarea')!
    key('2', comment, { altKey: true })
    expect(button('Convoys').getAttribute('aria-pressed')).toBe('true')
    expect(key('Enter', comment, { shiftKey: true }).defaultPrevented).toBe(false)
    expect(onSave).not.toHaveBeenCalled()
    key('Enter', comment)
    expect(onSave).toHaveBeenCalledWith({ tagIds: ['t-convoys'], comment: '' })
  })

  it('leaves Enter on Cancel to the button, and saves nothing with nothing chosen', () => {
    const { onSave } = renderToolbar()
    expect(key('Enter', button('Cancel')).defaultPrevented).toBe(false)
    key('Enter', button('Bases'))
    expect(onSave).not.toHaveBeenCalled()
  })

  it('cancels on Escape and offers Remove only when editing', () => {
    const { onCancel } = renderToolbar()
    expect(button('Remove highlight')).toBeUndefined()
    key('Escape')
    expect(onCancel).toHaveBeenCalledOnce()
    renderToolbar('edit')
    expect(button('Remove highlight')).toBeDefined()
  })

  it('removes an existing highlight with Delete from the toolbar, but not from the comment box or when new', () => {
    const created = renderToolbar('create')
    key('Delete', button('Bases'))
    expect(created.onRemove).not.toHaveBeenCalled()
    const { onRemove } = renderToolbar('edit')
    key('Delete', dom.container.querySelector('textarea')!)
    expect(onRemove).not.toHaveBeenCalled()
    key('Delete', document.body) // focus outside the toolbar
    expect(onRemove).not.toHaveBeenCalled()
    key('Delete', button('Bases'))
    expect(onRemove).toHaveBeenCalledOnce()
  })

  it('takes focus when opened, unless opened from a keyboard selection (digit keys still work)', () => {
    renderToolbar('create')
    expect(document.activeElement).toBe(button('Bases'))
    act(() => dom.root.render(<></>))
    const outside = document.createElement('button')
    document.body.append(outside)
    outside.focus()
    renderToolbar('create', false)
    expect(document.activeElement).toBe(outside)
    key('1', outside)
    expect(button('Bases').getAttribute('aria-pressed')).toBe('true')
    outside.remove()
  })
})
