import { describe, expect, it } from 'vitest'
import { quoteFragment } from './quote-fragment'
import { makeTextTarget } from './selectors'

/** The fragment flags of `quote` where it occurs in `text` (the real selector, with its context). */
function of(text: string, quote: string) {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`not in the text: ${quote}`)
  const { startsMidSentence, endsMidSentence } = quoteFragment(makeTextTarget(text, start, start + quote.length))
  return [startsMidSentence, endsMidSentence]
}

const TEXT =
  'Harbour officials said the berths had been cleared. Two tugboats left at dawn; local fishermen said the patrols were gone. ' +
  'The minister said: “We will stay until spring.” Then he left.\nA headline without a full stop\nAnd its paragraph, which goes on. ' +
  'Mehmet Sohtaoğlu told reporters it was “temporary”. The end'

describe('quoteFragment', () => {
  it('a whole sentence is not a fragment', () => {
    expect(of(TEXT, 'Two tugboats left at dawn; local fishermen said the patrols were gone.')).toEqual([false, false])
    expect(of(TEXT, 'Harbour officials said the berths had been cleared.')).toEqual([false, false])
  })

  it('a quote starting with a lowercase letter starts mid-sentence', () => {
    expect(of(TEXT, 'local fishermen said the patrols were gone.')).toEqual([true, false])
    expect(of(TEXT, 'the berths had been cleared.')).toEqual([true, false])
  })

  it('a capitalised word that does not open a sentence starts mid-sentence', () => {
    expect(of(TEXT, 'Sohtaoğlu told reporters')).toEqual([true, true])
  })

  it('a quote ending before the sentence does ends mid-sentence; one missing only its full stop does not', () => {
    expect(of(TEXT, 'Two tugboats left at dawn')).toEqual([false, true])
    expect(of(TEXT, 'Harbour officials said the berths had been cleared')).toEqual([false, false])
  })

  it('looks through quote marks: a quoted sentence after a colon, and a sentence ending in a closing mark', () => {
    expect(of(TEXT, 'We will stay until spring.')).toEqual([false, false])
    expect(of(TEXT, 'Then he left.')).toEqual([false, false])
    expect(of(TEXT, 'We will stay')).toEqual([false, true])
  })

  it('a line or paragraph boundary starts and ends a quote cleanly, as do the start and end of the text', () => {
    expect(of(TEXT, 'A headline without a full stop')).toEqual([false, false])
    expect(of(TEXT, 'And its paragraph')).toEqual([false, true])
    expect(of(TEXT, 'The end')).toEqual([false, false])
    expect(of(TEXT, 'Harbour officials')).toEqual([false, true])
  })

  it('leaves a quote that already has an ellipsis as it is', () => {
    expect(quoteFragment({ exact: '…said the patrols…', prefix: 'fishermen ', suffix: ' were' })).toEqual({ startsMidSentence: false, endsMidSentence: false })
    expect(quoteFragment({ exact: '...said the patrols...', prefix: 'fishermen ', suffix: ' were' })).toEqual({ startsMidSentence: false, endsMidSentence: false })
  })

  it('judges a highlight without context by its first letter only', () => {
    expect(quoteFragment({ exact: 'Russia is leaving', prefix: '', suffix: '' })).toEqual({ startsMidSentence: false, endsMidSentence: false })
    expect(quoteFragment({ exact: 'is leaving', prefix: '', suffix: '' })).toEqual({ startsMidSentence: true, endsMidSentence: false })
  })

  it('works for Arabic, which has no capitals: the text before and after decides', () => {
    const arabic = 'قال المسؤول. أعلنت سلطة مرفأ طرطوس أن الرسوم ستبقى كما هي حتى نهاية العام؟ ثم غادر'
    expect(of(arabic, 'أعلنت سلطة مرفأ طرطوس أن الرسوم ستبقى كما هي حتى نهاية العام؟')).toEqual([false, false])
    expect(of(arabic, 'سلطة مرفأ طرطوس')).toEqual([true, true])
  })
})
