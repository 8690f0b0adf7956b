/**
 * `JSON.parse` of a large text (megabytes: the search index's head) in slices, with a turn
 * of the event loop between them, so that the app's main thread keeps turning: one
 * JSON.parse of the 7.7 MB head of a 10,000-article index held it for 60–100 ms.
 *
 * One pass finds the structure of the containers near the top (to depth MAX_DEPTH): where
 * each starts and ends and where its members are separated. A container larger than a
 * slice is then put together from its members; anything smaller (and every value deeper
 * down) is parsed by JSON.parse itself. So every string, number and literal is JSON.parse's
 * own, objects get their members as JSON.parse gives them (own data properties, in the same
 * order, a repeated key's last value), and a text that is not JSON throws a SyntaxError.
 * Pure: the caller supplies the turn (`setImmediate` in Node).
 */

/** Characters taken (scanned, or parsed) between two turns: a few milliseconds of work. */
export const SLICE_CHARS = 1 << 16
/** Containers this deep or shallower are split when large; deeper ones are parsed whole. */
const MAX_DEPTH = 4

const QUOTE = 34
const BACKSLASH = 92
const COMMA = 44
const COLON = 58
const OPEN_ARRAY = 91
const CLOSE_ARRAY = 93
const OPEN_OBJECT = 123
const CLOSE_OBJECT = 125

/** A container found by the scan: its end (exclusive) and the offsets of the commas between its members. */
interface Container {
  end: number
  commas: number[]
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9

function fail(at: number): never {
  throw new SyntaxError(`Unexpected token in JSON at position ${at}`)
}

/** The offset just past the string that starts (with its quote) at `at`. */
function stringEnd(text: string, at: number): number {
  let i = at + 1
  for (;;) {
    const quote = text.indexOf('"', i)
    if (quote === -1) fail(at)
    let slashes = 0
    for (let k = quote - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++
    if (slashes % 2 === 0) return quote + 1
    i = quote + 1
  }
}

export async function parseJsonInSlices(text: string, turn: () => Promise<void>, sliceChars = SLICE_CHARS): Promise<unknown> {
  if (text.length <= sliceChars) return JSON.parse(text)
  // The scan: containers to MAX_DEPTH by start offset (only those larger than a slice are kept).
  const found = new Map<number, Container>()
  const stack: { start: number; close: number; commas: number[] | null }[] = []
  let root = -1
  let rootEnd = -1
  let i = 0
  while (i < text.length) {
    const stop = Math.min(text.length, i + sliceChars)
    while (i < stop) {
      const c = text.charCodeAt(i)
      if (c === QUOTE) {
        i = stringEnd(text, i)
        continue
      }
      if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
        if (stack.length === 0) {
          if (root !== -1) fail(i)
          root = i
        }
        stack.push({ start: i, close: c === OPEN_ARRAY ? CLOSE_ARRAY : CLOSE_OBJECT, commas: stack.length < MAX_DEPTH ? [] : null })
      } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
        const open = stack.pop()
        if (open === undefined || open.close !== c) fail(i)
        if (open.commas !== null && i + 1 - open.start > sliceChars) found.set(open.start, { end: i + 1, commas: open.commas })
        if (stack.length === 0) rootEnd = i + 1
      } else if (c === COMMA) {
        stack[stack.length - 1]?.commas?.push(i)
      }
      i++
    }
    if (i < text.length) await turn()
  }
  // Not one container (a large string or number, or not JSON at all): JSON.parse decides.
  if (root === -1 || stack.length > 0) return JSON.parse(text)
  for (let k = 0; k < root; k++) if (!isSpace(text.charCodeAt(k))) fail(k)
  for (let k = rootEnd; k < text.length; k++) if (!isSpace(text.charCodeAt(k))) fail(k)

  let taken = 0
  /** JSON.parse of a run of text, a turn first when a slice's worth was parsed since the last. */
  const parsed = async (json: string): Promise<unknown> => {
    taken += json.length
    if (taken > sliceChars) {
      taken = 0
      await turn()
    }
    return JSON.parse(json)
  }
  /** The large container that spans exactly [start, end) but for spaces around it, if any. */
  const containerAt = (start: number, end: number): Container | undefined => {
    while (start < end && isSpace(text.charCodeAt(start))) start++
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--
    const container = found.get(start)
    return container?.end === end ? container : undefined
  }
  /** The value of the large container at `start`: its members parsed in runs (a large one put together the same way). */
  const build = async (start: number, container: Container): Promise<unknown> => {
    const isArray = text.charCodeAt(start) === OPEN_ARRAY
    // Only spaces inside (more than a slice of them): empty.
    if (container.commas.length === 0 && text.slice(start + 1, container.end - 1).trim() === '') return isArray ? [] : {}
    // The members' spans lie between the brackets and the commas.
    const bounds = [start, ...container.commas, container.end - 1]
    const out: unknown[] | Record<string, unknown> = isArray ? [] : {}
    const take = (value: unknown) => {
      if (Array.isArray(out)) {
        for (const item of value as unknown[]) out.push(item)
        return
      }
      // As JSON.parse makes them: own data properties, even "__proto__" (any other key is
      // assigned: the same, and fast); a repeated key keeps its first place and last value.
      for (const key of Object.keys(value as object)) {
        const item = (value as Record<string, unknown>)[key]
        if (key === '__proto__') Object.defineProperty(out, key, { value: item, writable: true, enumerable: true, configurable: true })
        else out[key] = item
      }
    }
    const [open, close] = isArray ? ['[', ']'] : ['{', '}']
    let from = -1
    const flush = async (to: number) => {
      if (from === -1) return
      // A run of one empty member ([1,2,] cut after the 2) would parse as nothing: refused, as JSON.parse does.
      let first = from
      while (first < to && isSpace(text.charCodeAt(first))) first++
      if (first === to) fail(to)
      take(await parsed(open + text.slice(from, to) + close))
      from = -1
    }
    for (let m = 0; m + 1 < bounds.length; m++) {
      const a = bounds[m]! + 1
      const b = bounds[m + 1]!
      // Small: parsed with its neighbours (only a member larger than a slice can be a large container).
      if (b - a <= sliceChars) {
        if (from === -1) from = a
        if (b - from > sliceChars / 4) await flush(b)
        continue
      }
      let valueAt = a
      if (!isArray) {
        // "key": value: only the value may be a large container.
        while (isSpace(text.charCodeAt(valueAt))) valueAt++
        if (text.charCodeAt(valueAt) !== QUOTE) fail(valueAt)
        valueAt = stringEnd(text, valueAt)
        while (isSpace(text.charCodeAt(valueAt))) valueAt++
        if (text.charCodeAt(valueAt) !== COLON) fail(valueAt)
        valueAt++
      }
      const inner = containerAt(valueAt, b)
      if (inner === undefined) {
        if (from === -1) from = a
        if (b - from > sliceChars / 4) await flush(b)
        continue
      }
      await flush(bounds[m]!)
      let at = valueAt
      while (isSpace(text.charCodeAt(at))) at++
      const value = await build(at, inner)
      // A computed key makes an own property, "__proto__" too.
      take(isArray ? [value] : { [JSON.parse(text.slice(a, valueAt - 1).trim()) as string]: value })
    }
    await flush(bounds[bounds.length - 1]!)
    return out
  }
  const top = found.get(root)
  return top?.end === rootEnd ? build(root, top) : parsed(text.slice(root, rootEnd))
}
