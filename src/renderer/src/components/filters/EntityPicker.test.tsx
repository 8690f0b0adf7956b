// @vitest-environment jsdom
/**
 * The one entity picker ("Mentions", Passages and the search dialog): any spelling
 * narrows the list, most articles first; arrows and Enter choose; Escape closes the list,
 * then clears the text, and only then lets the key through (so a dialog around it closes
 * on the next Escape); the choice is a chip, focused on its ×, which clears it and gives
 * focus back.
 */
import { act, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { EntitySummary } from '../../../../core/api-entities'
import type { EntityId } from '../../../../core/entities'
import { setupDomRoot } from '../../test-dom'
import { EntityPicker } from './EntityPicker'

const dom = setupDomRoot()

const entity = (id: string, name: string, type: EntitySummary['type'], aliases: string[], articles: number): EntitySummary => ({
  id: `e-${id}` as EntityId,
  name,
  type,
  aliases: aliases.map((text) => ({ text })),
  mentions: articles * 2,
  articles,
})
const ENTITIES = [
  entity('hts', 'Hayat Tahrir al-Sham', 'organisation', ['HTS'], 2),
  entity('tartus', 'Tartus', 'place', ['Tartous', 'طرطوس'], 5),
  entity('khmeimim', 'Khmeimim Air Base', 'place', ['Hmeimim', 'Khmeimim'], 5),
]

/** The picker with its value held as the passages filter and the search dialog hold it; `onChange` sees each choice. */
function render(onChange = vi.fn(), onOuterKey = vi.fn()) {
  function Host() {
    const [value, setValue] = useState<EntityId | null>(null)
    return (
      <div onKeyDown={(e) => onOuterKey(e.key)}>
        <EntityPicker
          entities={ENTITIES}
          value={value}
          onChange={(id) => {
            onChange(id)
            setValue(id)
          }}
        />
      </div>
    )
  }
  act(() => dom.root.render(<Host />))
  return { onChange, onOuterKey }
}

const combobox = () => dom.container.querySelector<HTMLInputElement>('input[role="combobox"]')
const names = () => Array.from(dom.container.querySelectorAll('[role="option"]'), (o) => o.querySelector('bdi')!.textContent)
const active = () => document.getElementById(combobox()!.getAttribute('aria-activedescendant')!)!.querySelector('bdi')!.textContent
const key = (k: string) => act(() => void combobox()!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })))
function type(value: string) {
  const input = combobox()!
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

describe('EntityPicker', () => {
  it('is a combobox named Mentions listing the entities most articles first, ties by name', () => {
    render()
    expect(combobox()!.labels?.[0]?.textContent).toBe('Mentions')
    key('ArrowDown')
    expect(combobox()!.getAttribute('aria-expanded')).toBe('true')
    expect(names()).toEqual(['Khmeimim Air Base', 'Tartus', 'Hayat Tahrir al-Sham'])
    expect(dom.container.querySelector('[role="option"]')!.textContent).toContain('Place · 5 articles')
  })

  it('narrows by any spelling, in any script, and says when nothing is spelled like that', () => {
    render()
    type('طرطوس')
    expect(names()).toEqual(['Tartus'])
    type('hts')
    expect(names()).toEqual(['Hayat Tahrir al-Sham'])
    type('Latakia')
    expect(names()).toEqual([])
    expect(dom.container.querySelector('[role="listbox"]')!.textContent).toBe('No entity is spelled like that')
  })

  it('chooses with the arrows and Enter, shows the choice as a chip focused on its ×, which clears it and gives focus back', async () => {
    const { onChange } = render()
    key('ArrowDown')
    key('ArrowDown')
    expect(active()).toBe('Tartus')
    await act(async () => {
      combobox()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
      await new Promise((resolve) => requestAnimationFrame(resolve))
    })
    expect(onChange).toHaveBeenLastCalledWith('e-tartus')
    expect(combobox()).toBeNull()
    const chip = dom.container.querySelector('[role="group"][aria-label="Active filter"]')!
    expect(chip.textContent).toContain('Mentions: Tartus')
    // The keyboard keeps its place: on the chip's ×.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Clear filter Mentions: Tartus')
    await act(async () => {
      chip.querySelector<HTMLButtonElement>('button[aria-label="Clear filter Mentions: Tartus"]')!.click()
      await new Promise((resolve) => requestAnimationFrame(resolve))
    })
    expect(onChange).toHaveBeenLastCalledWith(null)
    expect(document.activeElement).toBe(combobox())
  })

  it('takes Escape to close the list, then to clear the text, and lets the next one through', () => {
    const { onOuterKey, onChange } = render()
    type('tart')
    key('Escape')
    expect(combobox()!.getAttribute('aria-expanded')).toBe('false')
    expect(combobox()!.value).toBe('tart')
    key('Escape')
    expect(combobox()!.value).toBe('')
    expect(onOuterKey).not.toHaveBeenCalled()
    key('Escape')
    expect(onOuterKey).toHaveBeenCalledExactlyOnceWith('Escape')
    expect(onChange).not.toHaveBeenCalled()
  })
})
