/**
 * The matcher finds mentions from numbered words (scanKeyWords, looked up by hash) rather
 * than from keyTokens' strings. This checks that the two ways agree: the matcher finds
 * exactly what a plain walk over keyTokens finds (the matching rules, written once more
 * the simple way), on fixture prose that exercises every rule and on the shared corpus
 * with the starter gazetteer (read from ../shared/corpus, never copied into the project).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hashToken } from '../search/word-filter'
import { foldWithOffsets } from '../search/fold'
import { loadGazetteer } from './gazetteer'
import { buildMatcher, type Mention } from './matcher'
import { keyTokens, KeyWords, scanKeyWords } from './normalise'
import { spellingsOf, type Entity, type EntityId } from './schema'

const e = (id: string, name: string, aliases: string[]): Entity => ({ id: `e-${id}` as EntityId, name, type: 'place', aliases: aliases.map((text) => ({ text })) })

const ENTITIES: Entity[] = [
  e('tartus', 'Tartus', ['Tartous', 'طرطوس', 'Тартус']),
  e('hts', 'Hayat Tahrir al-Sham', ['HTS', "Hay'at Tahrir ash-Sham", 'هيئة تحرير الشام']),
  e('assad', 'Bashar al-Assad', ['Assad', 'Башар аль-Асад']),
  e('deir', 'Deir ez-Zor', ['Deir el-Zor', 'دير الزور', 'Дейр-эз-Зор']),
  e('latakia', 'Latakia', ['اللاذقية', 'Lattaquié']),
  e('al', 'Al', ['al-', 'Sparta II', 'Sparta']),
  e('num', 'Brigade 47', ['لواء ٤٧', '𝐒𝐩𝐞𝐜𝐢𝐚𝐥 𝐅𝐨𝐫𝐜𝐞𝐬']),
]

const FIXTURES = [
  'HTS-led forces left Tartus; TARTOUS’s port, Tartous\'s quay and Tartousʼs piers. Tartusian xTartus Tartus’',
  "Hay'at Tahrir ash-Sham, Hayat Tahrir al Sham, Hayat  Tahrir\nal-Sham, Hayat Tahrir\n\nal-Sham and Hayat-Tahrir el Sham.",
  'Bashar al-Assad, Bashar Al Assad, Bashar  al  Assad, al al-Assad, el-Assad, as-Assad, Башар аль-Асад and Башар  Асад.',
  'Deir ez-Zor, Deir ez Zor, Deir el-Zor, Deir ad-Zor, ad-hoc, an-Nusra, ash-Sham and دير الزور or ديرالزور; Дейр-эз-Зор, Дейр эз-Зор, Башар эль-Асад.',
  'في اللاذقية وطرطوس وطَرْطُوس وطرطـــوس ولواء ٤٧ و۴۷ والى مصطفى. Lattaquié, LATTAQUIÉ, Lattaquie.',
  'Al, al, al-, Sparta II and Sparta, Sparta IIx, the Sparta I I, 𝐒𝐩𝐞𝐜𝐢𝐚𝐥 𝐅𝐨𝐫𝐜𝐞𝐬 and \uD835 lone, Tar\u00ADtus Tar\u200Btus',
  '',
  '   ',
  'al',
  'Tartus',
]

/** The rules the simple way: from each word, the trie of spellings followed by key, the longest spelling kept; then overlaps resolved. */
function simpleFindMentions(entities: readonly Entity[], text: string): Mention[] {
  const spellings = new Map<string, { entityId: EntityId; alias: string; length: number }>()
  for (const entity of entities) {
    for (const alias of spellingsOf(entity)) {
      const keys = keyTokens(alias).map((t) => t.key)
      if (keys.length > 0 && !spellings.has(keys.join(' '))) spellings.set(keys.join(' '), { entityId: entity.id, alias, length: keys.length })
    }
  }
  const longest = Math.max(0, ...[...spellings.values()].map((s) => s.length))
  const tokens = keyTokens(text)
  const candidates: { first: number; length: number; mention: Mention }[] = []
  for (let i = 0; i < tokens.length; i++) {
    let best: { entityId: EntityId; alias: string; length: number } | undefined
    for (let length = 1; length <= longest && i + length <= tokens.length; length++) {
      const words = tokens.slice(i, i + length)
      if (words.slice(1).some((t, k) => /\n[ \t\r]*\n/.test(text.slice(words[k]!.end, t.start)))) break
      best = spellings.get(words.map((t) => t.key).join(' ')) ?? best
    }
    if (best) candidates.push({ first: i, length: best.length, mention: { entityId: best.entityId, start: tokens[i]!.start, end: tokens[i + best.length - 1]!.end, alias: best.alias } })
  }
  const taken = new Set<number>()
  const kept = [...candidates]
    .sort((a, b) => b.length - a.length || a.first - b.first)
    .filter((c) => {
      const span = Array.from({ length: c.length }, (_, k) => c.first + k)
      if (span.some((k) => taken.has(k))) return false
      span.forEach((k) => taken.add(k))
      return true
    })
  return kept.sort((a, b) => a.first - b.first).map((c) => c.mention)
}

const projectRoot = join(import.meta.dirname, '..', '..', '..')
const corpus = join(projectRoot, '..', 'shared', 'corpus')

describe('findMentions agrees with a plain walk over keyTokens', () => {
  it('on fixture prose that exercises every matching rule', () => {
    const matcher = buildMatcher(ENTITIES)
    let found = 0
    for (const text of FIXTURES) {
      const want = simpleFindMentions(ENTITIES, text)
      expect(matcher.findMentions(text), text).toEqual(want)
      found += want.length
    }
    expect(found).toBeGreaterThan(30)
  })

  it('gives each word the key keyTokens gives it, with that key’s hashToken', () => {
    const words = new KeyWords()
    for (const text of FIXTURES) {
      const folded = foldWithOffsets(text).text
      scanKeyWords(folded, words)
      const keys = Array.from({ length: words.count }, (_, k) => words.keyOf(folded, k))
      expect(keys).toEqual(keyTokens(text).map((t) => t.key))
      keys.forEach((key, k) => expect(words.hashes[k], key).toBe(hashToken(key)))
    }
  })

  it.skipIf(!existsSync(corpus))('on the shared corpus with the starter gazetteer (skipped: ../shared/corpus is absent in this checkout)', () => {
    const pack = loadGazetteer(readFileSync(join(projectRoot, 'resources', 'gazetteer', 'syria-russia.json'), 'utf8'))
    if (!pack.ok) throw new Error(pack.error.message)
    const matcher = buildMatcher(pack.value.entities)
    let found = 0
    for (const file of readdirSync(corpus).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(corpus, file), 'utf8')
      const want = simpleFindMentions(pack.value.entities, text)
      expect(matcher.findMentions(text), file).toEqual(want)
      found += want.length
    }
    expect(found).toBeGreaterThan(20)
  })
})
