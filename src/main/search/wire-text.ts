/**
 * JSON text in shared memory, as the index build's parts cross threads (index-worker.ts
 * WirePart): posting it copies nothing, where a string is copied on each crossing.
 */
export type WireText = Uint8Array

/** The value whose JSON `text` holds (UTF-8, in shared memory or not). */
export function fromWire(text: WireText): unknown {
  return JSON.parse(Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'))
}
