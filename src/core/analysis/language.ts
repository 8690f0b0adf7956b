/**
 * The language of an article, detected with franc-min (trigram models of the 82 languages
 * with 8M+ speakers) and written as a BCP-47 tag: the ISO 639-1 code where the language
 * has one (`en`, `ar`, `ru`), otherwise franc's ISO 639-3 code, which BCP-47 also accepts.
 */
import { franc } from 'franc-min'

/** franc-min's ISO 639-3 codes that have an ISO 639-1 equivalent (macrolanguages where franc names one member). */
const ISO_639_1: ReadonlyMap<string, string> = new Map([
  ['amh', 'am'], ['arb', 'ar'], ['azj', 'az'], ['bel', 'be'], ['ben', 'bn'], ['bos', 'bs'],
  ['bul', 'bg'], ['ces', 'cs'], ['ckb', 'ckb'], ['cmn', 'zh'], ['deu', 'de'], ['ell', 'el'],
  ['eng', 'en'], ['fra', 'fr'], ['guj', 'gu'], ['hau', 'ha'], ['hin', 'hi'], ['hrv', 'hr'],
  ['hun', 'hu'], ['ibo', 'ig'], ['ind', 'id'], ['ita', 'it'], ['jav', 'jv'], ['jpn', 'ja'],
  ['kan', 'kn'], ['kaz', 'kk'], ['kin', 'rw'], ['kor', 'ko'], ['lin', 'ln'], ['mal', 'ml'],
  ['mar', 'mr'], ['mya', 'my'], ['nld', 'nl'], ['npi', 'ne'], ['nya', 'ny'], ['pan', 'pa'],
  ['pbu', 'ps'], ['pes', 'fa'], ['plt', 'mg'], ['pol', 'pl'], ['por', 'pt'], ['ron', 'ro'],
  ['run', 'rn'], ['rus', 'ru'], ['sin', 'si'], ['som', 'so'], ['spa', 'es'], ['srp', 'sr'],
  ['sun', 'su'], ['swe', 'sv'], ['swh', 'sw'], ['tam', 'ta'], ['tel', 'te'], ['tgl', 'tl'],
  ['tha', 'th'], ['tur', 'tr'], ['ukr', 'uk'], ['urd', 'ur'], ['uzn', 'uz'], ['vie', 'vi'],
  ['yor', 'yo'], ['zlm', 'ms'], ['zul', 'zu'],
])

/** Characters of text franc reads: a few paragraphs settle the answer, and franc's time grows with length. */
const SAMPLE_CHARS = 4000

export interface DetectedLanguage {
  /** BCP-47 tag, or null when the text is too short or ambiguous to tell. */
  tag: string | null
  /** franc's ISO 639-3 answer (`und` when undetermined). */
  iso6393: string
}

export function detectLanguage(text: string): DetectedLanguage {
  const iso6393 = franc(text.slice(0, SAMPLE_CHARS), { minLength: 40 })
  if (iso6393 === 'und') return { tag: null, iso6393 }
  return { tag: ISO_639_1.get(iso6393) ?? iso6393, iso6393 }
}

/** Normalises a stated language (an HTML `lang`, `og:locale` such as `en_GB`) to a BCP-47 tag. */
export function normaliseLanguageTag(value: string): string | null {
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?$/i.exec(value.trim())
  if (!m) return null
  const script = m[2] ? `-${m[2][0]!.toUpperCase()}${m[2].slice(1).toLowerCase()}` : ''
  const region = m[3] ? `-${m[3].toUpperCase()}` : ''
  return `${m[1]!.toLowerCase()}${script}${region}`
}
