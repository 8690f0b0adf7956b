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
  it('shows From and To in the app’s one date format, takes typed dates, and reports the whole range the right way round', () => {
    const onChange = vi.fn()
    act(() => dom.root.render(<DateRange from="2025-01-01" to="2025-02-01" onChange={onChange} />))
    const from = control<HTMLInputElement>('From')
    const to = control<HTMLInputElement>('To')
    expect([from.value, to.value]).toEqual(['1 January 2025', '1 February 2025'])
    choose(to, '')
    expect(onChange).toHaveBeenLastCalledWith({ from: '2025-01-01', to: '' })
    choose(from, '1 Dec 2024')
    expect(onChange).toHaveBeenLastCalledWith({ from: '2024-12-01', to: '2025-02-01' })
    choose(from, '2025-03-01')
    expect(onChange).toHaveBeenLastCalledWith({ from: '2025-02-01', to: '2025-03-01' })
  })

  it('marks text that is not a date, and hands nothing on', () => {
    const onChange = vi.fn()
    act(() => dom.root.render(<DateRange from="" to="" onChange={onChange} />))
    const from = control<HTMLInputElement>('From')
    choose(from, '2/3/2025')
    expect(onChange).not.toHaveBeenCalled()
    expect(from.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(from.getAttribute('aria-describedby')!)?.textContent).toMatch(/^Not a date/)
  })
})
