import { describe, expect, it } from 'vitest'
import { parseJsonInSlices } from './json-in-slices'

/** Counts the turns taken; each resolves at once. */
function turns() {
  const counter = { n: 0, turn: () => ((counter.n += 1), Promise.resolve()) }
  return counter
}

/** Whatever JSON.parse does with `text`: its value, or that it throws a SyntaxError. */
function parseWhole(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) }
  } catch (e) {
    return { error: e instanceof SyntaxError ? 'SyntaxError' : String(e) }
  }
}

async function parseSliced(text: string, slice: number): Promise<{ value: unknown } | { error: string }> {
  try {
    return { value: await parseJsonInSlices(text, turns().turn, slice) }
  } catch (e) {
    return { error: e instanceof SyntaxError ? 'SyntaxError' : String(e) }
  }
}

/** A seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const STRINGS = ['', 'a', 'Tartus', 'a "quoted" word', 'back\\slash\\', 'ends with \\"', '[not, an] {array}', 'طرطوس', 'line\nbreak', '__proto__', 'constructor', '1', '10', '2']

function value(rand: () => number, depth: number): unknown {
  const r = rand()
  if (depth > 3 || r < 0.35) {
    const k = Math.floor(rand() * 6)
    return k === 0 ? null : k === 1 ? rand() < 0.5 : k === 2 ? Math.floor(rand() * 1e6) - 5e5 : k === 3 ? rand() * 1e-3 : STRINGS[Math.floor(rand() * STRINGS.length)]!
  }
  const n = Math.floor(rand() * 8)
  if (r < 0.7) return Array.from({ length: n }, () => value(rand, depth + 1))
  const out: Record<string, unknown> = {}
  for (let i = 0; i < n; i++) Object.defineProperty(out, STRINGS[Math.floor(rand() * STRINGS.length)]! + (rand() < 0.5 ? '' : String(i)), { value: value(rand, depth + 1), enumerable: true, writable: true, configurable: true })
  return out
}

/** JSON text with spaces sprinkled between tokens (JSON.stringify's indentation, varied). */
function textOf(rand: () => number, v: unknown): string {
  return JSON.stringify(v, null, [0, 1, '\t', ' \r\n '][Math.floor(rand() * 4)] as number | string)
}

describe('parseJsonInSlices', () => {
  it('gives what JSON.parse gives, whatever the slice, for texts of every shape', async () => {
    const rand = random(7)
    for (let k = 0; k < 120; k++) {
      const text = textOf(rand, value(rand, 0))
      for (const slice of [1, 5, 64, 1 << 20]) {
        const sliced = await parseSliced(text, slice)
        expect(sliced).toEqual(parseWhole(text))
        // Same keys in the same order (toEqual does not look at the order).
        expect(JSON.stringify((sliced as { value: unknown }).value)).toBe(JSON.stringify(JSON.parse(text)))
      }
    }
  })

  it('throws a SyntaxError wherever JSON.parse does (texts damaged one character at a time)', async () => {
    const rand = random(11)
    const damage = [',', ']', '}', '[', '{', '"', ':', 'x', ' ', '\\', '']
    let refused = 0
    for (let k = 0; k < 1500; k++) {
      const good = textOf(rand, value(rand, 0))
      const at = Math.floor(rand() * good.length)
      const text = good.slice(0, at) + damage[Math.floor(rand() * damage.length)]! + good.slice(at + (rand() < 0.5 ? 1 : 0))
      const whole = parseWhole(text)
      if ('error' in whole) refused++
      for (const slice of [2, 8, 1 << 20]) expect(await parseSliced(text, slice)).toEqual(whole)
    }
    // The damage is real: most of these texts are not JSON.
    expect(refused).toBeGreaterThan(750)
  })

  it('keeps "__proto__" as an own key and a repeated key at its first place with its last value, as JSON.parse does', async () => {
    const text = '{"b": 1, "__proto__": {"polluted": true}, "a": [1, 2, 3], "b": 2, "10": 0, "2": 0}'
    const sliced = (await parseJsonInSlices(text, turns().turn, 4)) as Record<string, unknown>
    expect(Object.keys(sliced)).toEqual(Object.keys(JSON.parse(text) as object))
    expect(Object.getPrototypeOf(sliced)).toBe(Object.prototype)
    expect(Object.hasOwn(sliced, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(sliced.b).toBe(2)
  })

  it('turns the event loop while it works on a large text, never on a small one', async () => {
    const big = JSON.stringify({ rows: Array.from({ length: 5000 }, (_, i) => [`h-${i}`, 'a quote of some length', i]) })
    const many = turns()
    expect(await parseJsonInSlices(big, many.turn, 4096)).toEqual(JSON.parse(big))
    expect(many.n).toBeGreaterThan(big.length / 4096)
    const few = turns()
    expect(await parseJsonInSlices('[1, 2]', few.turn, 4096)).toEqual([1, 2])
    expect(few.n).toBe(0)
  })

  it('reads large containers holding only spaces as empty, as JSON.parse does', async () => {
    for (const text of [`[${' '.repeat(100)}]`, `{${' \n'.repeat(100)}}`, `{"a": [${' '.repeat(100)}]}`]) {
      expect(await parseJsonInSlices(text, turns().turn, 8)).toEqual(JSON.parse(text))
    }
  })
})
