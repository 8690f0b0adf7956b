// @vitest-environment jsdom
/**
 * Figures and ACH matrices in the composer (issues 15 and 16): "Add figure…" adds a
 * timeline or a map for the whole briefing or a section, "Add ACH matrix…" lists the
 * notebook's matrices from the preview main builds, Remove takes either out, each change
 * is saved and undone like any other, and the preview shows what main drew.
 */
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AchId } from '../../../../core/ach'
import type { BriefingLayout } from '../../../../core/briefing-types'
import type * as ApiModule_ from '../../api'
import { ADD_FIGURE_LABEL, ADD_MATRIX_LABEL } from './BriefingFigures'
import { BASES, buttonIn, click, ComposerHarness, installApi, newDoc, savedDocs, settle } from './composer-test-kit'
type ApiModule = typeof ApiModule_

const fake = vi.hoisted(() => ({ api: {} as Record<string, ReturnType<typeof vi.fn>> }))
vi.mock('../../api', async (importOriginal) => ({ ...(await importOriginal<ApiModule>()), api: fake.api, onDossierEvent: () => () => {} }))

const MATRIX = 'm-0000000abc' as AchId
let h: ComposerHarness
beforeEach(() => {
  h = new ComposerHarness()
  installApi(fake.api, [newDoc()])
  // Main's preview: the built layout plus the notebook's matrices and, for a figure, what it drew.
  const build = fake.api.previewBriefing!.getMockImplementation() as (args: unknown) => Promise<unknown>
  fake.api.previewBriefing!.mockImplementation(async (args: unknown) => {
    const result = (await build(args)) as { ok: boolean; value: BriefingLayout }
    if (!result.ok) return result
    const doc = savedDocs(fake.api).at(-1)
    const figures = (doc?.figures ?? []).map((f, i) => ({ id: f.id, kind: f.kind, number: i + 1, sectionNumber: null, title: 'Timeline', caption: `Drawn ${f.id}.`, alt: `Timeline ${f.id} in words`, sources: [], svg: '<svg xmlns="http://www.w3.org/2000/svg"/>' }))
    return { ok: true, value: { ...result.value, achChoices: [{ id: MATRIX, question: 'Leaving?', hypothesisCount: 2, evidenceCount: 3 }], ...(figures.length > 0 ? { figures } : {}) } }
  })
})
afterEach(() => {
  h.unmount()
  vi.clearAllMocks()
})

const select = (label: string) => h.container.querySelector<HTMLSelectElement>(`select[aria-label="${label}"]`)!
const choose = async (el: HTMLSelectElement, value: string) => {
  await act(async () => {
    el.value = value
    el.dispatchEvent(new Event('change', { bubbles: true }))
  })
  await settle()
}

describe('BriefingComposer: figures and ACH matrices', () => {
  it('adds a timeline for a section and a matrix, shows the figure with its alt text, removes it, and undo brings it back', async () => {
    await h.render()
    expect(Array.from(select(ADD_FIGURE_LABEL).options, (o) => o.text)).toEqual([ADD_FIGURE_LABEL, 'Timeline of the whole briefing', 'Map of the whole briefing', 'Timeline of Bases', 'Map of Bases'])
    await choose(select(ADD_FIGURE_LABEL), `timeline|${BASES}`)
    expect(savedDocs(fake.api).at(-1)!.figures).toEqual([{ id: 'F1', kind: 'timeline', section: BASES }])
    await settle()
    expect(h.container.querySelector('.briefing-figure img')?.getAttribute('alt')).toBe('Timeline F1 in words')
    expect(h.container.querySelector('.briefing-figure figcaption')?.textContent).toContain('Figure 1. Drawn F1.')

    expect(Array.from(select(ADD_MATRIX_LABEL).options, (o) => o.text)).toEqual([ADD_MATRIX_LABEL, 'Leaving? (2 hypotheses, 3 rows)'])
    await choose(select(ADD_MATRIX_LABEL), MATRIX)
    expect(savedDocs(fake.api).at(-1)!.achMatrices).toEqual([MATRIX])
    expect(select(ADD_MATRIX_LABEL).disabled).toBe(true)

    await click(buttonIn(h.container, 'Remove figure F1 (timeline, Bases)'))
    expect(savedDocs(fake.api).at(-1)!.figures).toBeUndefined()
    expect(h.undo.undoLabel).toBe('remove figure F1')
    await act(async () => void (await h.undo.undo()))
    await settle()
    expect(savedDocs(fake.api).at(-1)!.figures?.map((f) => f.id)).toEqual(['F1'])
  })
})
