/**
 * SHA-256 of bytes that may be tens of megabytes, computed on the main thread without
 * stalling it: the bytes are hashed in slices with a turn of the event loop between them
 * (SHA-256 runs at roughly 1 MB/ms here, so a 50 MB original would otherwise hold the
 * app's main process for ~50 ms, the most an import may stall it).
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
