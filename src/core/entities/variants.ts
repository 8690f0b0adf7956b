/**
 * Suggested variants (notes/entities.md, "Suggestion rules"): from the notebook's names
 * (names.ts) and its entities, propose
 * - `alias`: an unknown name that looks like a spelling of an entity's name or alias
 *   ("Hmeimim" for Khmeimim Air Base, known as "Khmeimim"), to add as an alias;
 * - `pair`: two unknown names that look like each other ("Jolani" / "Julani"), to make
 *   one entity of.
 * Names written only in capitals (acronyms, constants: SOCK, UUID) are left out.
 * "Looks like" is `compareForms` (variant-rules.ts). Names are grouped by consonant
 * skeleton in a Map, so only names sharing one are compared: linear in the names, plus
 * the pairs inside each group (a group larger than `MAX_GROUP` is skipped as noise).
 * Each suggestion has a stable id, a hash of its kind and normalised pair, so a rejected
 * one (kept in the entities file's `rejected`) is never proposed again, whatever else
 * changes. Nothing here changes the entities: the analyst accepts with `addAlias` or
 * `createEntity` (model.ts), rejects with `rejectSuggestion`.
 */
import { fnv1aMix } from '../hash'
import { buildMatcher } from './matcher'
import type { NameCandidate } from './names'
import { nameKey } from './normalise'
import { spellingsOf, type Entity, type EntityId, type RejectedSuggestion } from './schema'
import { compareForms, variantForm, type VariantForm } from './variant-rules'

export const MAX_GROUP = 40
/** A name written without lower-case letters (an acronym, a constant) is not a transliteration. */
const LOWER_RE = /\p{Ll}/u

interface Base {
  /** Stable: `s-` and 16 hex digits from the kind and the normalised pair. */
  id: string
  /** One line for lists and the rejected list ("Hmeimim ~ Khmeimim Air Base"). */
  label: string
  /** 1 when equal after transliteration, lower with each vowel edit. */
  score: number
  /** The rules that explain the difference. */
  reasons: string[]
  /** The unknown name, with its counts, articles and example lines. */
  name: NameCandidate
}

export interface AliasSuggestion extends Base {
  kind: 'alias'
  entityId: EntityId
  entityName: string
  /** The entity's spelling it resembles. */
  like: string
}

export interface PairSuggestion extends Base {
  kind: 'pair'
  /** The other unknown name (the less frequent of the two). */
  other: NameCandidate
}

export type VariantSuggestion = AliasSuggestion | PairSuggestion

export interface VariantOptions {
  /** Least count (capitalised mentions) of an unknown name to propose it; default 1 for aliases. */
  minAliasCount?: number
  /** Least count of each name of a pair; default 2: a pair of one-off spellings is mostly typos. */
  minPairCount?: number
  /** At most this many suggestions, best evidence first (default 200). */
  limit?: number
}

/** The stable id of a suggestion: kind and normalised keys, hashed twice into 64 bits. */
export function suggestionId(kind: 'alias' | 'pair', a: string, b: string): string {
  const [x, y] = kind === 'pair' && b < a ? [b, a] : [a, b]
  const text = `${kind}\u0000${x}\u0000${y}`
  const hex = (n: number) => n.toString(16).padStart(8, '0')
  return `s-${hex(fnv1aMix(text))}${hex(fnv1aMix(text, 0x9e3779b9))}`
}

interface Known {
  entity: Entity
  text: string
  form: VariantForm
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

/**
 * Suggestions for `names` (NameTally.candidates) against `entities`, leaving out those in
 * `rejected`. Best first: score, then how often the name is used.
 */
export function proposeVariants(
  names: readonly NameCandidate[],
  entities: readonly Entity[],
  rejected: readonly RejectedSuggestion[],
  options: VariantOptions = {},
): VariantSuggestion[] {
  const minAlias = options.minAliasCount ?? 1
  const minPair = options.minPairCount ?? 2
  const refused = new Set(rejected.map((r) => r.id))
  const matcher = buildMatcher(entities)

  const known = new Map<string, Known[]>()
  for (const entity of entities) {
    for (const text of spellingsOf(entity)) {
      const key = nameKey(text)
      if (key === '') continue
      const form = variantForm(key)
      pushTo(known, form.skeleton, { entity, text, form })
    }
  }

  const out: VariantSuggestion[] = []
  const unknown = new Map<string, { name: NameCandidate; form: VariantForm }[]>()
  for (const name of names) {
    if (matcher.entityOfKey(name.key) !== undefined || !LOWER_RE.test(name.text)) continue
    const form = variantForm(name.key)
    pushTo(unknown, form.skeleton, { name, form })
    if (name.count < minAlias) continue
    // The closest spelling of each entity sharing the skeleton (best score, then fewest rules).
    const best = new Map<EntityId, { k: Known; score: number; reasons: string[] }>()
    for (const k of known.get(form.skeleton) ?? []) {
      const m = compareForms(form, k.form)
      if (m === null) continue
      const prev = best.get(k.entity.id)
      if (prev === undefined || m.score > prev.score || (m.score === prev.score && m.reasons.length < prev.reasons.length)) best.set(k.entity.id, { k, ...m })
    }
    for (const [entityId, b] of best) {
      const id = suggestionId('alias', entityId, name.key)
      if (refused.has(id)) continue
      out.push({ kind: 'alias', id, label: `${name.text} ~ ${b.k.entity.name}`, score: b.score, reasons: b.reasons, name, entityId, entityName: b.k.entity.name, like: b.k.text })
    }
  }

  for (const group of unknown.values()) {
    if (group.length < 2 || group.length > MAX_GROUP) continue
    const frequent = group.filter((g) => g.name.count >= minPair)
    for (let i = 0; i < frequent.length; i++) {
      for (let j = i + 1; j < frequent.length; j++) {
        const [a, b] = frequent[i]!.name.count >= frequent[j]!.name.count ? [frequent[i]!, frequent[j]!] : [frequent[j]!, frequent[i]!]
        const m = compareForms(a.form, b.form)
        if (m === null) continue
        const id = suggestionId('pair', a.name.key, b.name.key)
        if (refused.has(id)) continue
        out.push({ kind: 'pair', id, label: `${a.name.text} ~ ${b.name.text}`, score: m.score, reasons: m.reasons, name: a.name, other: b.name })
      }
    }
  }

  out.sort(bestFirst)
  return out.slice(0, options.limit ?? 200)
}

const weight = (s: VariantSuggestion) => s.name.count + (s.kind === 'pair' ? s.other.count : 0)

/** Best first: score, then how often the names are used, then id (a total order: ids are unique). */
function bestFirst(x: VariantSuggestion, y: VariantSuggestion): number {
  return y.score - x.score || weight(y) - weight(x) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
}

/**
 * `proposeVariants` again after some articles changed, from its previous answer (with
 * the same entities, rejected suggestions and options, and no limit): `changedKeys` are
 * the keys of every name and lower-case word of the articles added, removed or changed.
 * Every suggestion is made inside one consonant skeleton (an alias with the entity
 * spellings of its name's skeleton, a pair inside one group), and a name's candidate
 * changes only when an article holding its key changes, so only the skeletons of the
 * changed keys are compared anew; the rest is kept. Equal to `proposeVariants` on all
 * of `names`.
 */
export function updateVariants(
  previous: readonly VariantSuggestion[],
  names: readonly NameCandidate[],
  changedKeys: Iterable<string>,
  entities: readonly Entity[],
  rejected: readonly RejectedSuggestion[],
  options: VariantOptions = {},
): VariantSuggestion[] {
  const touched = new Set<string>()
  for (const key of changedKeys) touched.add(variantForm(key).skeleton)
  const inTouched = (key: string) => touched.has(variantForm(key).skeleton)
  const kept = previous.filter((s) => !inTouched(s.name.key) && (s.kind !== 'pair' || !inTouched(s.other.key)))
  const fresh = proposeVariants(
    names.filter((n) => inTouched(n.key)),
    entities,
    rejected,
    { ...options, limit: Infinity },
  )
  return [...kept, ...fresh].sort(bestFirst).slice(0, options.limit ?? 200)
}
