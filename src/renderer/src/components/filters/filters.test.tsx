// @vitest-environment jsdom
/**
 * The shared filter controls: "Outlet" with "All outlets" first, and a From/To range whose
 * ends limit each other; each control is named by its label and reports what was chosen.
 */
import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { DateRange } from './DateRange'
import { OutletSelect } from './OutletSelect'
import { setupDomRoot } from '../../test-dom'

const dom = setupDomRoot()

/** The control whose label reads `name` (the label wraps it). */
const control = <T extends HTMLElement>(name: string) =>
  Array.from(dom.container.querySelectorAll('label')).find((l) => l.textContent?.startsWith(name) && l.control)!.control as unknown as T

function choose(el: HTMLSelectElement | HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!
  act(() => {
    setter.call(el, value)
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }))
  })
}

describe('OutletSelect', () => {
  it('is named Outlet, offers All outlets then each outlet, and reports null for all', () => {
    const onChange = vi.fn()
    act(() => dom.root.render(<OutletSelect value={null} outlets={['Harbour Radio', 'Wire']} onChange={onChange} />))
    const select = control<HTMLSelectElement>('Outlet')
    expect(select.labels[0]!.textContent?.trim().startsWith('Outlet')).toBe(true)
    expect(Array.from(select.options, (o) => o.textContent)).toEqual(['All outlets', 'Harbour Radio', 'Wire'])
    choose(select, 'Wire')
    expect(onChange).toHaveBeenLastCalledWith('Wire')
    choose(select, '')
    expect(onChange).toHaveBeenLastCalledWith(null)
  })
})

describe('DateRange', () => {
  it('has From and To date inputs that limit each other and report the whole range', () => {
    const onChange = vi.fn()
    act(() => dom.root.render(<DateRange from="2025-01-01" to="2025-02-01" onChange={onChange} />))
    const from = control<HTMLInputElement>('From')
    const to = control<HTMLInputElement>('To')
    expect([from.type, from.value, from.max]).toEqual(['date', '2025-01-01', '2025-02-01'])
    expect([to.type, to.value, to.min]).toEqual(['date', '2025-02-01', '2025-01-01'])
    choose(to, '')
    expect(onChange).toHaveBeenLastCalledWith({ from: '2025-01-01', to: '' })
    choose(from, '2024-12-01')
    expect(onChange).toHaveBeenLastCalledWith({ from: '2024-12-01', to: '2025-02-01' })
  })
})
