/**
 * Invented names for generated text, pure TS: surnames and places built from syllables
 * (some with Turkish/French diacritics), and a list of common given names. Invented so no
 * real person is quoted; skewed draws make a few recur across many articles and most rare,
 * as names do in a news collection.
 */
import { prng } from './random'

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sh', 'kh', 'ch', 'br', 'tr', 'gr', 'st', 'dr', 'y']
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ou', 'ei', 'ia']
const CODAS = ['', '', '', '', 'n', 'r', 'm', 'l', 's', 'k', 't', 'sh']
const ACCENTS: ReadonlyMap<string, string> = new Map([
  ['g', 'ğ'],
  ['s', 'ş'],
  ['c', 'ç'],
  ['o', 'ö'],
  ['u', 'ü'],
  ['e', 'é'],
  ['i', 'ı'],
])

/** `count` distinct invented proper nouns, e.g. Drakoumen, Shaitel, Göreşin. */
export function namePool(count: number, seed = 1): string[] {
  const rand = prng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const names = new Set<string>()
  while (names.size < count) {
    let name = ''
    for (let n = 2 + Math.floor(rand() * 2.2); n > 0; n--) name += pick(ONSETS) + pick(VOWELS) + pick(CODAS)
    if (rand() < 0.12) name = name.replace(/[gscouei]/, (c) => ACCENTS.get(c) ?? c)
    names.add(name[0]!.toUpperCase() + name.slice(1))
  }
  return [...names]
}

/** Given names common in many countries, for bylines and quotes. */
export const GIVEN_NAMES = [
  'Aisha', 'Ahmed', 'Alexei', 'Amira', 'Ana', 'Andrea', 'Anna', 'Arjun', 'Ayşe', 'Bilal', 'Carlos', 'Catherine', 'Chen', 'Claire',
  'Daniel', 'David', 'Dmitri', 'Elena', 'Emma', 'Fatima', 'Farid', 'François', 'Georg', 'Hana', 'Hassan', 'Helen', 'Ibrahim',
  'Irina', 'Isabel', 'James', 'Jana', 'Jean', 'John', 'José', 'Julia', 'Karim', 'Katarzyna', 'Kemal', 'Laila', 'Laura', 'Layla',
  'Leila', 'Li', 'Lucas', 'Maria', 'Mark', 'Marta', 'Mehmet', 'Michael', 'Mohammed', 'Nadia', 'Natalia', 'Nikos', 'Noor',
  'Olga', 'Omar', 'Paul', 'Pedro', 'Peter', 'Rania', 'Rashid', 'Robert', 'Sami', 'Sarah', 'Selin', 'Sergei', 'Sofia', 'Stefan',
  'Tamar', 'Thomas', 'Tomás', 'Walid', 'Wei', 'Yasmin', 'Yusuf', 'Zeynep',
]
