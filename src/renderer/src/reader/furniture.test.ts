/**
 * Folding page furniture: leading and trailing furniture go behind folds, the body keeps
 * its paragraphs, and every block still indexes the stored text.
 */
import { describe, expect, it } from 'vitest'
import { foldSummary, inFold, splitArticle, type Furniture } from './furniture'

const TEXT = 'World | Middle East\nBy Staff\n\nTartus naval base stays open.\n\nConvoys left at dawn.\n\nRelated: Other story\nCookies help us'
const at = (s: string) => TEXT.indexOf(s)
const item = (s: string, kind: Furniture['kind']): Furniture => ({ start: at(s), end: at(s) + s.length, kind, label: s })

describe('splitArticle', () => {
  const furniture = [item('World | Middle East', 'section-label'), item('Related: Other story', 'related-headline'), item('Cookies help us', 'cookie-banner')]

  it('puts leading and trailing furniture behind folds and keeps the article in the body', () => {
    const parts = splitArticle(TEXT, furniture)
    expect(parts.leading!.blocks.map((b) => TEXT.slice(b.start, b.end))).toEqual(['World | Middle East'])
    expect(parts.body.map((b) => TEXT.slice(b.start, b.end))).toEqual(['By Staff', 'Tartus naval base stays open.', 'Convoys left at dawn.'])
    expect(parts.trailing!.blocks.map((b) => TEXT.slice(b.start, b.end))).toEqual(['Related: Other story\nCookies help us'])
    expect(parts.trailing!.items).toHaveLength(2)
  })

  it('does not fold furniture in the middle of the text', () => {
    const parts = splitArticle(TEXT, [item('Tartus naval base stays open.', 'advertisement')])
    expect(parts.leading).toBeNull()
    expect(parts.trailing).toBeNull()
    expect(parts.body.map((b) => TEXT.slice(b.start, b.end))[0]).toBe('World | Middle East\nBy Staff') // short lines stay one paragraph
    expect(parts.body).toHaveLength(4)
  })

  it('says which fold a highlight touches and summarises what was hidden', () => {
    const parts = splitArticle(TEXT, furniture)
    expect(inFold(parts.leading, at('Middle'), at('Middle') + 6)).toBe(true)
    expect(inFold(parts.leading, at('Tartus'), at('Tartus') + 6)).toBe(false)
    expect(inFold(parts.trailing, at('Related'), at('Related') + 7)).toBe(true)
    expect(foldSummary(parts.trailing!.items)).toBe('related headlines, cookie banner')
  })
})
