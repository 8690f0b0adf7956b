// @vitest-environment jsdom
/**
 * The claims behind the key judgments, with a preview built by the real core: the
 * searchable list cites a claim in the judgment it belongs to, the single-source warning
 * sits beside that judgment, and Remove stops citing it.
 */
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { buildBriefing } from '../../../../core/briefing'
import type { BriefingDocument } from '../../../../core/briefing-document'
import { CLAIM, sourcingBriefing, sourcingNotebook } from '../../../../core/testing/sourcing-briefing-fixture'
import { setupDomRoot } from '../../test-dom'
import { BriefingClaims } from './BriefingClaims'

const dom = setupDomRoot()

function render(doc: BriefingDocument, edits: BriefingDocument[]) {
  const layout = buildBriefing(doc, sourcingNotebook(), { generatedAt: '2025-03-02T00:00:00Z' })
  const editor = { edit: (_label: string, change: (d: BriefingDocument) => BriefingDocument) => void edits.push(change(doc)) }
  act(() => dom.root.render(<BriefingClaims doc={doc} layout={layout} editor={editor} />))
}

const byLabel = (label: string) => dom.container.querySelector(`[aria-label="${label}"]`)
const button = (text: string) => [...dom.container.querySelectorAll('button')].find((b) => b.textContent?.includes(text))!

describe('BriefingClaims', () => {
  it('cites a claim found in the list in that key judgment only', () => {
    const edits: BriefingDocument[] = []
    render(sourcingBriefing([]), edits)
    expect(dom.container.querySelectorAll('[aria-label^="Key judgment "]')).toHaveLength(2)
    act(() => button('Cite a claim in key judgment 2…').click())
    const search = byLabel('Cite a claim in key judgment 2') as HTMLInputElement
    expect(search).not.toBeNull()
    const choice = button('Ships loaded at Tartus')
    expect(choice.textContent).toContain('2 passages, 1 independent source')
    act(() => choice.click())
    expect(edits.at(-1)!.judgmentClaims).toEqual([[], [CLAIM]])
  })

  it('shows the single-source warning beside the judgment that cites the claim, and Remove stops citing it', () => {
    const edits: BriefingDocument[] = []
    render(sourcingBriefing([[CLAIM]]), edits)
    const first = byLabel('Key judgment 1')!
    expect(first.querySelector('[aria-label="Sourcing warnings"]')?.textContent).toContain('Key judgment 1 rests on a single independent source ([2] and [3] are one report).')
    expect(byLabel('Key judgment 2')!.querySelector('[aria-label="Sourcing warnings"]')).toBeNull()
    act(() => (byLabel('Remove “Ships loaded at Tartus” from key judgment 1') as HTMLButtonElement).click())
    expect(edits.at(-1)!.judgmentClaims).toBeUndefined()
  })
})
