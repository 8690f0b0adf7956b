// @vitest-environment jsdom
/**
 * Sections from entities in the composer (decision 49): "Add section from entity…" (the
 * app's entity combobox: found by any spelling, with type and mention count, chosen with
 * the keys) lists the notebook's entities and adds the chosen one's section, which the preview shows with
 * every passage mentioning it (here, as "Tartous"); the section moves, is removed and comes
 * back with undo like any other; "Index of entities" is saved on the briefing.
 */
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as ApiModule_ from '../../api'
import { ADD_ENTITY_LABEL } from './BriefingEntities'
import { BASES, buttonIn, click, ComposerHarness, installApi, newDoc, savedDocs, settle, TARTUS } from './composer-test-kit'
type ApiModule = typeof ApiModule_

const fake = vi.hoisted(() => ({ api: {} as Record<string, ReturnType<typeof vi.fn>> }))
vi.mock('../../api', async (importOriginal) => ({ ...(await importOriginal<ApiModule>()), api: fake.api, onDossierEvent: () => () => {} }))

let h: ComposerHarness
beforeEach(() => {
  h = new ComposerHarness()
})
afterEach(() => {
  h.unmount()
  vi.clearAllMocks()
})

/** The combobox named "Add section from entity…" (by its label). */
const picker = () => Array.from(h.container.querySelectorAll<HTMLInputElement>('input[role="combobox"]')).find((i) => i.labels?.[0]?.textContent === ADD_ENTITY_LABEL) ?? null
const key = (k: string) => act(async () => void picker()!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })))
const type = (value: string) =>
  act(async () => {
    const input = picker()!
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
/** The options listed now: name, then type and mention count. */
const offered = () => Array.from(h.container.querySelectorAll('.briefing-entities [role="option"]'), (o) => Array.from(o.children, (c) => c.textContent).join(' | '))
/** Types `spelling` into the combobox and chooses the first option with Enter. */
const choose = async (spelling: string) => {
  await type(spelling)
  await key('Enter')
  await settle()
}
const headings = () => Array.from(h.container.querySelectorAll('.briefing-section h3')).map((e) => e.textContent)
const checkbox = (text: string) => Array.from(h.container.querySelectorAll('label')).find((l) => l.textContent === text)!.querySelector('input')!

describe('BriefingComposer: sections from entities', () => {
  it('adds a section from the chosen entity; the preview shows every passage that mentions it', async () => {
    installApi(fake.api, [newDoc()])
    await h.render()
    await key('ArrowDown')
    expect(offered()).toEqual(['Latakia | Place · 1 mention', 'Tartus | Place · 1 mention'])
    // Any spelling finds it, the Arabic one too.
    await type('طرطوس')
    expect(offered()).toEqual(['Tartus | Place · 1 mention'])
    await key('Enter')
    await settle()
    const saved = savedDocs(fake.api).at(-1)!
    expect(saved.sections.map((s) => s.entityId ?? s.tagId)).toEqual([BASES, TARTUS])
    expect(saved.selection.entityIds).toEqual([TARTUS])
    expect(headings()).toEqual(['§1 Bases', '§2 Tartus'])
    expect(h.quotes('Passages in Tartus')).toEqual(['ships left Tartous'])
    const section = h.container.querySelector('[aria-label="Section Tartus"]')!
    expect(section.textContent).toContain('Passages that mention Tartus (also written Tartous, طرطوس).')
    // Chosen: no longer offered, and listed as a ticked section; the box is empty for the next one.
    expect(picker()!.value).toBe('')
    await key('ArrowDown')
    expect(offered()).toEqual(['Latakia | Place · 1 mention'])
    await type('tartous')
    expect(offered()).toEqual([])
    expect(checkbox('Tartus').checked).toBe(true)
  })

  it('moves an entity section like a tag section, removes it, and undo brings it back', async () => {
    installApi(fake.api, [newDoc()])
    await h.render()
    await choose('Tartous')
    await click(buttonIn(h.container.querySelector('[aria-label="Section Tartus"]')!, 'Move section up'))
    expect(headings()).toEqual(['§1 Tartus', '§2 Bases'])
    expect(savedDocs(fake.api).at(-1)!.sections.map((s) => s.entityId ?? s.tagId)).toEqual([TARTUS, BASES])

    await click(buttonIn(h.container.querySelector('[aria-label="Section Tartus"]')!, 'Remove section'))
    expect(headings()).toEqual(['§1 Bases'])
    expect(savedDocs(fake.api).at(-1)!.selection).not.toHaveProperty('entityIds')
    expect(h.undo.undoLabel).toBe('remove section Tartus')

    await act(async () => void (await h.undo.undo()))
    await settle()
    expect(headings()).toEqual(['§1 Tartus', '§2 Bases'])
  })

  it('saves the "Index of entities" choice on the briefing', async () => {
    installApi(fake.api, [newDoc()])
    await h.render()
    const index = () => checkbox('Index of entities (at the end of the PDF)')
    expect(index().checked).toBe(false)
    await click(index())
    expect(savedDocs(fake.api).at(-1)!.entityIndex).toBe(true)
    expect(index().checked).toBe(true)
    await click(index())
    expect(savedDocs(fake.api).at(-1)).not.toHaveProperty('entityIndex')
  })

  it('says how to get entities when the notebook has none', async () => {
    installApi(fake.api, [newDoc()])
    fake.api.listEntities!.mockResolvedValue({ ok: true, value: [] })
    await h.render()
    expect(picker()).toBeNull()
    expect(h.container.querySelector('.briefing-entities')!.textContent).toContain('The notebook has no entities yet')
  })
})
