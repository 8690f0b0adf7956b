/**
 * When two names look like spellings of one another (notes/entities.md, "Suggestion
 * rules"). Both are compared by their matching keys (normalise.ts: case, accents, the
 * al-/el- article and possessives already gone), word by word:
 *
 * 1. Transliteration: each Latin word is rewritten by rules that map the usual English,
 *    French and German renderings of Arabic and Russian names onto one form:
 *    kh→h, gh→g, dh→d, dj→j, ph→f, ck→k, q→k, ou→u, oo→u, ee→i, y→i, doubled letters
 *    single, a final -ah/-eh → -a. Two names equal after this are variants (score 1):
 *    Tartous/Tartus, Khmeimim/Hmeimim/Hmeymim, Sharaa/Shara, Qamishli/Kamishli.
 * 2. Vowels: otherwise both must be 6+ letters long, have the same consonant skeleton (the
 *    transliterated word without vowels, its first vowel kept as "a") and differ by at most
 *    2 edits (of vowels, then): Jolani/Julani, Mohammed/Muhammad. Not when one is the other
 *    plus letters at its start or end (German/Germany, Normal/Normally: derived words).
 *    Shorter words collide by chance (Wang/Wing, Form/Firm), so they need rule 1.
 * Names shorter than 4 letters are never compared.
 *
 * Non-Latin words (Arabic, Cyrillic) are compared as their keys only: their spellings are
 * already unified by the key, and edit rules for them are not written yet.
 */

interface Rule {
  name: string
  re: RegExp
  to: string
}

/** Applied in this order (doubled letters after the digraphs, the ending last). */
const RULES: readonly Rule[] = [
  { name: 'kh/h', re: /kh/g, to: 'h' },
  { name: 'gh/g', re: /gh/g, to: 'g' },
  { name: 'dh/d', re: /dh/g, to: 'd' },
  { name: 'dj/j', re: /dj/g, to: 'j' },
  { name: 'ph/f', re: /ph/g, to: 'f' },
  { name: 'ck/k', re: /ck/g, to: 'k' },
  { name: 'q/k', re: /q/g, to: 'k' },
  { name: 'ou/u', re: /ou/g, to: 'u' },
  { name: 'oo/u', re: /oo/g, to: 'u' },
  { name: 'ee/i', re: /ee/g, to: 'i' },
  { name: 'y/i', re: /y/g, to: 'i' },
  { name: 'doubled letters', re: /([a-z])\1+/g, to: '$1' },
  { name: '-ah/-a', re: /(?<=..)[ae]h$/, to: 'a' },
]

const LATIN_WORD_RE = /^[a-z0-9]+$/

/** A word after the transliteration rules, and the names of the rules that changed it. */
export function transliterate(word: string): { form: string; rules: string[] } {
  if (!LATIN_WORD_RE.test(word)) return { form: word, rules: [] }
  let form = word
  const rules: string[] = []
  for (const rule of RULES) {
    const next = form.replace(rule.re, rule.to)
    if (next !== form) rules.push(rule.name)
    form = next
  }
  return { form, rules }
}

const VOWEL_RE = /[aeiou]/

/** The consonant skeleton of a transliterated word: its vowels dropped, a leading vowel kept as "a". */
export function skeletonOf(form: string): string {
  if (!LATIN_WORD_RE.test(form)) return form
  const head = VOWEL_RE.test(form[0] ?? '') ? 'a' : ''
  return head + form.replace(/[aeiou]/g, '')
}

/** Transliterated form and skeleton of a whole key (words joined by spaces). */
export interface VariantForm {
  key: string
  form: string
  skeleton: string
  rules: string[]
}

export function variantForm(key: string): VariantForm {
  const words = key.split(' ')
  const forms = words.map(transliterate)
  const form = forms.map((f) => f.form).join(' ')
  return { key, form, skeleton: forms.map((f) => skeletonOf(f.form)).join(' '), rules: [...new Set(forms.flatMap((f) => f.rules))] }
}

/** Levenshtein distance, stopping early (returns max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      row.push(v)
      if (v < best) best = v
    }
    if (best > max) return max + 1
    prev = row
  }
  return prev[b.length]!
}

/** How two names compare: null when they do not look like variants. */
export interface VariantMatch {
  /** 1 when equal after transliteration, lower with each vowel edit. */
  score: number
  /** The rules that explain the difference ("kh/h", "ou/u", "vowels"). */
  reasons: string[]
}

export function compareForms(a: VariantForm, b: VariantForm): VariantMatch | null {
  if (a.key === b.key) return null
  if (Math.max(a.key.length, b.key.length) - (a.key.split(' ').length - 1) < 4) return null
  const longer = Math.max(a.form.length, b.form.length)
  const letters = longer - (a.form.split(' ').length - 1)
  const reasons = [...new Set([...a.rules.filter((r) => !b.rules.includes(r)), ...b.rules.filter((r) => !a.rules.includes(r))])]
  if (a.form === b.form) return { score: 1, reasons: reasons.length > 0 ? reasons : ['spelling'] }
  if (a.skeleton !== b.skeleton || letters < 6) return null
  // One inside the other at its start or end is a derived word (German/Germany), not a spelling.
  const [short, long] = a.form.length <= b.form.length ? [a.form, b.form] : [b.form, a.form]
  if (long.startsWith(short) || long.endsWith(short)) return null
  const max = 2
  const d = editDistance(a.form, b.form, max)
  if (d > max) return null
  return { score: Math.round((1 - d / longer) * 100) / 100, reasons: [...reasons, 'vowels'] }
}
