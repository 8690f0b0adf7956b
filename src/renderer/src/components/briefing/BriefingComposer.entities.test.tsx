// @vitest-environment jsdom
/**
 * Sections from entities in the composer (decision 49): "Add section from entity…" lists
 * the notebook's entities and adds the chosen one's section, which the preview shows with
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

const picker = () => h.container.querySelector<HTMLSelectElement>(`select[aria-label="${ADD_ENTITY_LABEL}"]`)!
const choose = async (select: HTMLSelectElement, value: string) => {
  await act(async () => {
    select.value = value
    select.dispatchEvent(new Event('change', { bubbles: true }))
  })
  await settle()
}
const headings = () => Array.from(h.container.querySelectorAll('.briefing-section h3')).map((e) => e.textContent)
const checkbox = (text: string) => Array.from(h.container.querySelectorAll('label')).find((l) => l.textContent === text)!.querySelector('input')!

describe('BriefingComposer: sections from entities', () => {
  it('adds a section from the chosen entity; the preview shows every passage that mentions it', async () => {
    installApi(fake.api, [newDoc()])
    await h.render()
    expect(Array.from(picker().options, (o) => o.text)).toEqual([ADD_ENTITY_LABEL, 'Tartus (Tartous, طرطوس)', 'Latakia'])
    await choose(picker(), TARTUS)
    const saved = savedDocs(fake.api).at(-1)!
    expect(saved.sections.map((s) => s.entityId ?? s.tagId)).toEqual([BASES, TARTUS])
    expect(saved.selection.entityIds).toEqual([TARTUS])
    expect(headings()).toEqual(['§1 Bases', '§2 Tartus'])
    expect(h.quotes('Passages in Tartus')).toEqual(['ships left Tartous'])
    const section = h.container.querySelector('[aria-label="Section Tartus"]')!
    expect(section.textContent).toContain('Passages that mention Tartus (also written Tartous, طرطوس).')
    // Chosen: no longer offered, and listed as a ticked section.
    expect(Array.from(picker().options, (o) => o.text)).toEqual([ADD_ENTITY_LABEL, 'Latakia'])
    expect(checkbox('Tartus').checked).toBe(true)
  })

  it('moves an entity section like a tag section, removes it, and undo brings it back', async () => {
    installApi(fake.api, [newDoc()])
    await h.render()
    await choose(picker(), TARTUS)
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
