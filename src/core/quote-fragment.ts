/**
 * Whether a highlighted quote is a fragment: it starts or ends in the middle of a sentence
 * of its article. A briefing marks such a quote with an ellipsis ("…the port was…") so
 * the reader knows words were left out; the quote itself is never changed.
 *
 * Starts mid-sentence when its first letter is lowercase, or when the article text before
 * it (the quote selector's `prefix`) does not end a sentence (a full stop, question or
 * exclamation mark, ellipsis or colon, possibly followed by closing quote marks or
 * brackets) or a paragraph. Opening quote marks and brackets just before the quote are
 * looked through: `He said: “We stay` starts a sentence at `We`.
 *
 * Ends mid-sentence when it does not end with such punctuation (closing marks looked
 * through) and the text after it (`suffix`) goes on in the same sentence: not the end of
 * the text, not a line break, not just the missing full stop.
 *
 * A quote that already opens or closes with an ellipsis is left as it is. A highlight
 * imported without context (an empty prefix away from the start of the text) is judged by
 * its first letter only.
 */
import type { TextTarget } from './model'

export interface QuoteFragment {
  startsMidSentence: boolean
  endsMidSentence: boolean
}

/** Ends a sentence: . ! ? … and their Arabic, Urdu and CJK forms; a colon before a capital. */
const SENTENCE_END = /[.!?…:؟۔。！？]$/u
const FULL_STOP = /[.!?…؟۔。！？]$/u
/** Quote marks and brackets that close (or may close) a quotation, looked through at a sentence end. */
const CLOSING = /[\p{Pe}\p{Pf}"'’»]+$/u
/** Marks that open a quotation or a bracket (and white space), looked through at a sentence start. */
const OPENING_LEAD = /^[\p{Ps}\p{Pi}"'«‘“„]+/u
const OPENING_GAP = /[\s\p{Ps}\p{Pi}"'«‘“„]+$/u
const ELLIPSIS_START = /^(?:…|\.\.\.)/u
const ELLIPSIS_END = /(?:…|\.\.\.)$/u

export function quoteFragment(target: Pick<TextTarget, 'exact' | 'prefix' | 'suffix'>): QuoteFragment {
  return { startsMidSentence: startsMidSentence(target), endsMidSentence: endsMidSentence(target) }
}

function startsMidSentence({ exact, prefix }: Pick<TextTarget, 'exact' | 'prefix'>): boolean {
  const quote = exact.trimStart()
  if (ELLIPSIS_START.test(quote)) return false
  if (/^\p{Ll}/u.test(quote.replace(OPENING_LEAD, ''))) return true
  // The text just before, looking through white space and opening marks.
  const before = prefix.replace(OPENING_GAP, '')
  // The start of the text, a highlight without context, or a new line or paragraph.
  if (before === '' || prefix.slice(before.length).includes('\n')) return false
  return !SENTENCE_END.test(before.replace(CLOSING, ''))
}

function endsMidSentence({ exact, suffix }: Pick<TextTarget, 'exact' | 'suffix'>): boolean {
  const quote = exact.trimEnd()
  if (ELLIPSIS_END.test(quote)) return false
  if (FULL_STOP.test(quote.replace(CLOSING, ''))) return false
  if (suffix === '') return false // the end of the text (or a highlight without context)
  const after = suffix.replace(/^[ \t\u00a0]+/u, '')
  if (after === '' || /^[\r\n\u2028\u2029]/u.test(after)) return false
  // Only the sentence's own closing punctuation is left out: the sentence is complete.
  if (/^[\p{Pe}\p{Pf}"'’»]*[.!?…؟۔。！？]/u.test(after)) return false
  return true
}
