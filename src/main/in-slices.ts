/**
 * Work on byte arrays of tens of megabytes on the main thread without stalling it: the
 * bytes are processed in 4 MB slices with a turn of the event loop between them. Whole,
 * a 50 MB original takes ~50 ms to hash and as long to copy (page faults included) here,
 * the most an import may hold the app's main process.
 */
import { createHash } from 'node:crypto'
import { setImmediate as nextTurn } from 'node:timers/promises'

const SLICE_BYTES = 4 * 1024 * 1024

export async function sha256HexInSlices(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256')
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    if (at > 0) await nextTurn()
    hash.update(bytes.subarray(at, at + SLICE_BYTES))
  }
  return hash.digest('hex')
}

/** A copy of `bytes` in a buffer of its own (exactly its length), whatever buffer `bytes` is a view of. */
export async function copyInSlices(bytes: Uint8Array): Promise<Uint8Array> {
  const copy = new Uint8Array(bytes.length)
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    if (at > 0) await nextTurn()
    copy.set(bytes.subarray(at, at + SLICE_BYTES), at)
  }
  return copy
}
