/**
 * Folding page furniture: leading and trailing furniture go behind folds, the body keeps
 * its paragraphs, and every block still indexes the stored text.
 */
import { describe, expect, it } from 'vitest'
import { headerLines } from '../../../core/analysis/analyse'
import { normaliseText } from '../../../core/text'
import { foldSummary, headerFurniture, inFold, splitArticle, type Furniture } from './furniture'

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

describe('header lines in the reader', () => {
  it('folds a repeated headline and a raw date line away from the body, which starts with the standfirst', () => {
    const body = 'Dockworkers in Latakia stopped work on Monday morning to demand wages that have gone unpaid since the autumn, leaving ships at anchor.'
    const text = normaliseText(['Port workers strike in Latakia', '', 'Sun Feb 02 2025 11:44:27 GMT+0200 (Eastern European Standard Time)', 'Port workers strike in Latakia', '', 'Ships wait outside the harbour.', '', body].join('\n'))
    const parts = splitArticle(text, headerFurniture(headerLines(text)))
    expect(parts.body.map((b) => text.slice(b.start, b.end))).toEqual(['Ships wait outside the harbour.', body])
    expect(parts.leading!.items.map((f) => f.kind)).toEqual(['headline', 'date-line', 'headline'])
    expect(foldSummary(parts.leading!.items)).toBe('headline, date line')
  })
})
