// @vitest-environment jsdom
/**
 * The codebook against a mocked api and a real undo stack: the "/" tree, delete with
 * confirmation and its undo (restoreTag with the removal) and redo, rename undone with
 * the old name, merge confirmed and undone, and a new tag undone and redone.
 */
import { act } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { TagRemoval, TagSummary } from '../../../core/api'
import type { HighlightId, TagId } from '../../../core/ids'
import { UndoContext } from '../undo/UndoContext'
import { UndoStack } from '../undo/undo-stack'
import { TagManager } from './TagManager'
import { setupDomRoot } from '../test-dom'

const mocks = vi.hoisted(() => ({
  listTagSummaries: vi.fn(),
  createTag: vi.fn(),
  updateTag: vi.fn(),
  deleteTag: vi.fn(),
  mergeTags: vi.fn(),
  restoreTag: vi.fn(),
}))
vi.mock('../api', () => ({
  api: Object.fromEntries(Object.keys(mocks).map((k) => [k, (...a: unknown[]) => mocks[k as keyof typeof mocks](...a)])),
}))

const tag = (id: string, name: string, highlightCount: number, color = '#E69F00', description = ''): TagSummary => ({
  id: `t-${id}` as TagId,
  name,
  color,
  description,
  highlightCount,
})
const BASES = tag('bases', 'Bases', 3, '#E69F00', 'Status of Russian bases in Syria')
const TARTUS = tag('tartus', 'Bases/Tartus', 1, '#0072B2')
const CONVOYS = tag('convoys', 'Convoys', 2, '#56B4E9')
const TAGS = [BASES, CONVOYS, TARTUS]

const REMOVAL: TagRemoval = {
  tag: { id: CONVOYS.id, name: 'Convoys', color: '#56B4E9', description: '' },
  index: 1,
  highlights: [{ highlightId: 'h-0001' as HighlightId, tagIds: [CONVOYS.id, BASES.id] }],
}

const dom = setupDomRoot()
let stack: UndoStack
const status = { announce: vi.fn(), announceError: vi.fn(), clear: vi.fn(), retract: vi.fn(), settle: vi.fn() }
const onChanged = vi.fn(async () => {})
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value })

beforeEach(async () => {
  for (const m of Object.values(mocks)) m.mockReset()
  onChanged.mockClear()
  status.announce.mockClear()
  mocks.listTagSummaries.mockImplementation(() => ok(TAGS))
  stack = new UndoStack()
  await act(async () => {
    dom.root.render(
      <UndoContext.Provider value={stack}>
        <TagManager reloadKey={0} onChanged={onChanged} status={status} />
      </UndoContext.Provider>,
    )
  })
})

const button = (name: string) => {
  const found = Array.from(dom.container.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)
  if (!found) throw new Error(`no button ${name}`)
  return found
}
const click = (name: string) => act(async () => button(name).click())
const dialog = () => dom.container.querySelector('[role="alertdialog"]')

describe('TagManager', () => {
  it('is a region named Tags listing the codebook as a tree with counts and descriptions', () => {
    expect(dom.container.querySelector('section[aria-label="Tags"]')).not.toBeNull()
    const top = Array.from(dom.container.querySelectorAll('.tag-tree > li > .tag-entry .tag-name')).map((n) => n.textContent)
    expect(top).toEqual(['Bases', 'Convoys'])
    const nested = dom.container.querySelector('[aria-label="Under Bases"] .tag-name')!
    expect(nested.textContent).toBe('Tartus')
    const bases = dom.container.querySelector(`[data-tag-id="${BASES.id}"]`)!
    expect(bases.querySelector('.tag-count')!.textContent).toBe('3 highlights')
    expect(bases.querySelector('.tag-name')!.getAttribute('title')).toBe('Status of Russian bases in Syria')
  })

  it('deletes after confirmation, and undo restores the tag with the removal', async () => {
    mocks.deleteTag.mockImplementation(() => ok(REMOVAL))
    mocks.restoreTag.mockImplementation(() => ok(REMOVAL.tag))
    await click('Delete Convoys')
    expect(dialog()!.textContent).toContain('Delete tag Convoys? 2 highlights carry it; they keep their other tags.')
    expect(mocks.deleteTag).not.toHaveBeenCalled()
    await act(async () => (dialog()!.querySelector('button') as HTMLButtonElement).click())
    expect(mocks.deleteTag).toHaveBeenCalledExactlyOnceWith({ tagId: 't-convoys' })
    expect(onChanged).toHaveBeenCalledOnce()
    expect(status.announce).toHaveBeenLastCalledWith('success', 'Tag Convoys deleted')
    expect(stack.undoLabel).toBe('delete tag Convoys')

    await act(async () => void (await stack.undo()))
    expect(mocks.restoreTag).toHaveBeenCalledExactlyOnceWith(REMOVAL)
    expect(onChanged).toHaveBeenCalledTimes(2)
    await act(async () => void (await stack.redo()))
    expect(mocks.deleteTag).toHaveBeenCalledTimes(2)
  })

  it('cancels a delete without calling main', async () => {
    await click('Delete Convoys')
    await click('Cancel')
    expect(dialog()).toBeNull()
    expect(mocks.deleteTag).not.toHaveBeenCalled()
    expect(stack.canUndo).toBe(false)
  })

  it('renames, and undo puts the old name back', async () => {
    mocks.updateTag.mockImplementation((args: { tagId: TagId; name?: string }) => ok({ ...BASES, name: args.name ?? 'Bases' }))
    await click('Rename Bases')
    const input = dom.container.querySelector<HTMLInputElement>('input[aria-label="New name for Bases"]')!
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
    act(() => {
      setter.call(input, 'Military bases')
      input.dispatchEvent(new Event('input', { bubbles: true }))
    })
    await click('Save')
    expect(mocks.updateTag).toHaveBeenCalledExactlyOnceWith({ tagId: 't-bases', name: 'Military bases' })
    await act(async () => void (await stack.undo()))
    expect(mocks.updateTag).toHaveBeenLastCalledWith({ tagId: 't-bases', name: 'Bases' })
  })

  it('merges after confirming, and undo restores the merged tag', async () => {
    mocks.mergeTags.mockImplementation(() => ok(REMOVAL))
    mocks.restoreTag.mockImplementation(() => ok(REMOVAL.tag))
    await click('Merge Convoys into…')
    const select = dom.container.querySelector<HTMLSelectElement>(`[data-tag-id="${CONVOYS.id}"] select`)!
    act(() => {
      select.value = BASES.id
      select.dispatchEvent(new Event('change', { bubbles: true }))
    })
    await click('Merge…')
    expect(dialog()!.textContent).toContain('Merge Convoys (2 highlights) into Bases?')
    await click('Merge')
    expect(mocks.mergeTags).toHaveBeenCalledExactlyOnceWith({ fromTagId: 't-convoys', intoTagId: 't-bases' })
    await act(async () => void (await stack.undo()))
    expect(mocks.restoreTag).toHaveBeenCalledExactlyOnceWith(REMOVAL)
  })

  it('creates a tag in the next unused palette colour; undo deletes it, redo restores it', async () => {
    const created = { id: 't-new' as TagId, name: 'Actors/Russia', color: '#009E73', description: 'Who' }
    const removal: TagRemoval = { tag: created, index: 3, highlights: [] }
    mocks.createTag.mockImplementation(() => ok(created))
    mocks.deleteTag.mockImplementation(() => ok(removal))
    mocks.restoreTag.mockImplementation(() => ok(created))
    const form = dom.container.querySelector('form[aria-label="New tag"]')!
    const [name, description] = [form.querySelector('input[type="text"]') as HTMLInputElement, form.querySelector('textarea')!]
    const set = (el: HTMLInputElement | HTMLTextAreaElement, v: string) => {
      const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, v)
      el.dispatchEvent(new Event('input', { bubbles: true }))
    }
    act(() => {
      set(name, 'Actors/Russia')
      set(description, 'Who')
    })
    await click('Add tag')
    // Orange, sky blue and blue are taken: bluish green is next.
    expect(mocks.createTag).toHaveBeenCalledExactlyOnceWith({ name: 'Actors/Russia', color: '#009E73', description: 'Who' })
    expect(name.value).toBe('')
    await act(async () => void (await stack.undo()))
    expect(mocks.deleteTag).toHaveBeenCalledExactlyOnceWith({ tagId: 't-new' })
    await act(async () => void (await stack.redo()))
    expect(mocks.restoreTag).toHaveBeenCalledExactlyOnceWith(removal)
  })

  it('warns when a custom colour would make highlighted text hard to read', async () => {
    await click('Recolour Convoys')
    expect(dom.container.querySelector('.color-warning')).toBeNull()
    const custom = dom.container.querySelector<HTMLInputElement>('input[aria-label="Custom colour"]')!
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
    act(() => {
      setter.call(custom, '#ffffff')
      custom.dispatchEvent(new Event('input', { bubbles: true }))
    })
    expect(dom.container.querySelector('.color-warning')!.textContent).toMatch(/hard to read in the dark theme/)
  })
})
