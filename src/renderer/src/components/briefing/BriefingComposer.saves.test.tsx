// @vitest-environment jsdom
/**
 * The composer's saves against a slow disk: re-opening or reloading a briefing right after
 * typing keeps the typing; an undo right after typing undoes the typing (even while its
 * save is still running); and date inputs save only a complete date, once, as one step.
 */
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeBriefingId, type BriefingDocument } from '../../../../core/briefing-document'
import type * as ApiModule_ from '../../api'
import { flushPendingBriefingEdits } from '../../briefing/pending-edits'
import { BASES, click, ComposerHarness, installApi, leave, newDoc, savedDocs, settle, typeInto, wait } from './composer-test-kit'
import { formatDate } from '../../dates'
type ApiModule = typeof ApiModule_

const fake = vi.hoisted(() => ({ api: {} as Record<string, ReturnType<typeof vi.fn>> }))
vi.mock('../../api', async (importOriginal) => ({ ...(await importOriginal<ApiModule>()), api: fake.api, onDossierEvent: () => () => {} }))

const OTHER = makeBriefingId('0123456789')
let h: ComposerHarness
beforeEach(() => {
  h = new ComposerHarness()
})
afterEach(() => {
  h.unmount()
  vi.clearAllMocks()
})

/** Holds every save until `release()`: the disk is slow. */
function slowSaves() {
  const held: (() => void)[] = []
  const save = fake.api.saveBriefing!.getMockImplementation() as (args: { document: BriefingDocument }) => Promise<unknown>
  fake.api.saveBriefing!.mockImplementation(async (args: { document: BriefingDocument }) => {
    await new Promise<void>((resolve) => held.push(resolve))
    return save(args)
  })
  // Lets every held save through, and the saves queued behind them.
  return async () => {
    await settle()
    while (held.length > 0) {
      await act(async () => held.shift()!())
      await settle()
      await settle()
    }
  }
}

const listButton = (title: string) =>
  Array.from(h.container.querySelectorAll<HTMLButtonElement>('.briefing-list-open')).find((b) => b.textContent?.includes(title))!

describe('BriefingComposer saves', () => {
  it('re-opening a briefing right after typing shows the typed text, and the next edit keeps it', async () => {
    installApi(fake.api, [newDoc(), newDoc([BASES], OTHER, 'Other')])
    const release = slowSaves()
    await h.render()
    const title = h.field('Title')
    typeInto(title, 'Weekly revised')
    leave(title)
    await click(listButton('Other'))
    await click(listButton('Weekly'))
    await release()

    expect(h.field('Title').value).toBe('Weekly revised')
    expect(h.container.querySelector('.briefing-toolbar h2')!.textContent).toBe('Weekly revised')
    typeInto(h.field('Author'), 'Gulf desk')
    await wait(450)
    await release()
    expect(savedDocs(fake.api).at(-1)).toMatchObject({ id: newDoc().id, title: 'Weekly revised', author: 'Gulf desk' })
  })

  it('a reload while typing keeps the field and its text, and saves the typing once', async () => {
    installApi(fake.api, [newDoc()])
    const release = slowSaves()
    await h.render()
    const title = h.field('Title')
    typeInto(title, 'Weekly rev')
    await h.render(1)
    expect(h.container.contains(title)).toBe(true)
    expect(title.value).toBe('Weekly rev')
    typeInto(title, 'Weekly revised')
    await wait(450)
    await release()
    expect(savedDocs(fake.api).map((d) => d.title)).toEqual(['Weekly revised'])
    expect(h.field('Title').value).toBe('Weekly revised')
    expect(h.undo.undoLabel).toBe('edit title')
  })

  it('an undo right after leaving a field undoes the typing, even while its save is still running', async () => {
    installApi(fake.api, [newDoc()])
    const release = slowSaves()
    await h.render()
    const title = h.field('Title')
    typeInto(title, 'Weekly revised')
    leave(title)
    expect(h.undo.undoLabel).toBe('edit title')
    let undone: Promise<string | null> | undefined
    act(() => {
      undone = h.undo.undo()
    })
    await release()
    expect(await undone).toBe('edit title')
    expect(savedDocs(fake.api).map((d) => d.title)).toEqual(['Weekly revised', 'Weekly'])
    expect(h.field('Title').value).toBe('Weekly')
    expect(h.undo.redoLabel).toBe('edit title')
  })

  it('flushPendingBriefingEdits (called before the app runs an undo) makes pending typing the step undone', async () => {
    installApi(fake.api, [newDoc()])
    await h.render()
    await click(Array.from(h.container.querySelectorAll('button')).find((b) => b.textContent === 'Exclude')!)
    typeInto(h.field('Title'), 'Weekly revised')
    flushPendingBriefingEdits()
    await act(async () => void (await h.undo.undo()))
    await settle()
    expect(savedDocs(fake.api).at(-1)).toMatchObject({ title: 'Weekly', sections: [{ excluded: ['h-first'] }] })
    expect(h.field('Title').value).toBe('Weekly')
    expect(h.undo.undoLabel).toBe('exclude passage')
  })

  it('typing a year into the date saves the complete date once, as one undo step', async () => {
    const before = newDoc()
    installApi(fake.api, [before])
    await h.render()
    const date = h.field('Date')
    expect(date.value).toBe(formatDate(before.date))
    for (const value of ['15', '15 Apr', '15 April 2', '15 April 202', '15 April 2025']) typeInto(date, value)
    expect(date.value).toBe('15 April 2025')
    expect(fake.api.saveBriefing).not.toHaveBeenCalled()
    await wait(450)
    expect(savedDocs(fake.api).map((d) => d.date)).toEqual(['2025-04-15'])
    expect(h.undo.undoLabel).toBe('edit date')

    await act(async () => void (await h.undo.undo()))
    await settle()
    expect(savedDocs(fake.api).at(-1)!.date).toBe(before.date)
    expect(h.field('Date').value).toBe(formatDate(before.date))
    expect(h.undo.undoLabel).toBeNull()
  })

  it('the From date saves once complete (at once on leaving), and emptying it opens the range again', async () => {
    installApi(fake.api, [newDoc()])
    await h.render()
    const from = h.field('From')
    typeInto(from, '0202-01-01')
    leave(from)
    expect(fake.api.saveBriefing).not.toHaveBeenCalled()
    typeInto(from, '2025-01-01')
    leave(from)
    await settle()
    expect(savedDocs(fake.api).map((d) => d.selection.from)).toEqual(['2025-01-01'])
    typeInto(h.field('From'), '')
    leave(h.field('From'))
    await settle()
    expect(savedDocs(fake.api).map((d) => d.selection.from)).toEqual(['2025-01-01', null])
    expect(h.undo.undoLabel).toBe('change date range')
  })
})
