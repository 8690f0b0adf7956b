/**
 * Writing JSON straight into UTF-8 bytes (a growable Uint8Array), for the search index's
 * shards: at 10,000 articles a build writes ~5 million postings, and building their text
 * as strings (then encoding it to write) was most of the write's time and garbage. The
 * bytes are exactly the UTF-8 encoding of the text JSON.stringify would make.
 */
export class JsonBytes {
  #bytes = new Uint8Array(1 << 16)
  #length = 0

  /** Empties the writer (the bytes of `view` before it are overwritten by later writes). */
  reset(): void {
    this.#length = 0
  }

  /** The bytes written since the last reset: a view, valid until the next write. */
  view(): Uint8Array {
    return this.#bytes.subarray(0, this.#length)
  }

  #room(bytes: number): void {
    if (this.#length + bytes <= this.#bytes.length) return
    let size = this.#bytes.length * 2
    while (size < this.#length + bytes) size *= 2
    const next = new Uint8Array(size)
    next.set(this.#bytes.subarray(0, this.#length))
    this.#bytes = next
  }

  /** One ASCII character (by its code). */
  char(code: number): void {
    this.#room(1)
    this.#bytes[this.#length++] = code
  }

  /** A non-negative integer below 2^31 in decimal, as JSON writes it. */
  int(value: number): void {
    this.#room(10)
    if (value < 10) {
      this.#bytes[this.#length++] = 48 + value
      return
    }
    let digits = 1
    for (let v = value; v >= 10; v = (v / 10) | 0) digits++
    let at = (this.#length += digits)
    for (let v = value; at > this.#length - digits; v = (v / 10) | 0) this.#bytes[--at] = 48 + (v % 10)
  }

  /** Text as it is (already JSON), encoded as UTF-8 (a lone surrogate as U+FFFD, as TextEncoder does). */
  raw(text: string): void {
    this.#room(text.length * 3)
    const bytes = this.#bytes
    let at = this.#length
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i)
      if (c < 0x80) {
        bytes[at++] = c
        continue
      }
      if (c < 0x800) {
        bytes[at++] = 0xc0 | (c >> 6)
        bytes[at++] = 0x80 | (c & 63)
        continue
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = text.charCodeAt(i + 1)
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00)
          i++
          bytes[at++] = 0xf0 | (c >> 18)
          bytes[at++] = 0x80 | ((c >> 12) & 63)
          bytes[at++] = 0x80 | ((c >> 6) & 63)
          bytes[at++] = 0x80 | (c & 63)
          continue
        }
        c = 0xfffd
      }
      bytes[at++] = 0xe0 | (c >> 12)
      bytes[at++] = 0x80 | ((c >> 6) & 63)
      bytes[at++] = 0x80 | (c & 63)
    }
    this.#length = at
  }

  /** A string as a JSON string (JSON.stringify's escaping). */
  string(text: string): void {
    this.raw(JSON.stringify(text))
  }
}
