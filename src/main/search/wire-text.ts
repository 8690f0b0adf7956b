/**
 * JSON text in shared memory, as the index build's parts cross threads (index-worker.ts
 * WirePart): posting it copies nothing, where a string is copied on each crossing.
 */
export type WireText = Uint8Array

/** The JSON of a value as UTF-8 in shared memory. */
export function toWireText(value: unknown): WireText {
  const bytes = Buffer.from(JSON.stringify(value), 'utf8')
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length))
  shared.set(bytes)
  return shared
}

/** The value whose JSON `text` holds (UTF-8, in shared memory or not). */
export function fromWire(text: WireText): unknown {
  return JSON.parse(Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'))
}
