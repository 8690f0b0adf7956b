/**
 * Base64 for dropped files' bytes. Encodes in chunks whose length is a multiple of 3, so
 * each chunk's base64 joins cleanly with the next and no call ever receives a huge
 * argument list (String.fromCharCode(...bytes) on megabytes overflows the stack).
 */

/** Bytes per chunk: a multiple of 3 (no padding mid-stream) and well under argument limits. */
const CHUNK_BYTES = 3 * 8192

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) {
    const chunk = bytes.subarray(i, i + CHUNK_BYTES)
    let binary = ''
    for (let j = 0; j < chunk.length; j++) binary += String.fromCharCode(chunk[j]!)
    parts.push(btoa(binary))
  }
  return parts.join('')
}

/** Reads a File (from a drop) and encodes its bytes. */
export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()))
}
