/**
 * A cap on the size of any one buffer (ArrayBuffer or typed array) created in this
 * thread: for the extraction worker only, installed before any reader is loaded.
 *
 * Why: decoded data lives in ArrayBuffers, outside the V8 heap that the worker's
 * `resourceLimits` bound, and pdfjs decodes a stream into one buffer that doubles as it
 * grows, with no size limit of its own (its `maxImageSize` covers images only). A PDF of
 * 1.5 MB whose stream inflates to 1.5 GB would take gigabytes before anything else
 * noticed. With the cap, creating the buffer that would hold more than `maxBytes` throws
 * instead, `onRefuse` is told at once (the worker tells its host, which stops the file
 * without waiting for the reader to give up), and `tripped` remembers it: the reader
 * that caught the error may have wrapped it into a "damaged file" message or carried on
 * without the stream, so the worker also asks `tripped` after each file.
 *
 * The constructors on globalThis are replaced by proxies that check the requested size
 * and otherwise construct exactly as before (`instanceof`, statics and subclasses keep
 * working: the proxy forwards everything but construction).
 *
 * Native decompression makes its buffers without those constructors: pdfjs inflates
 * streams with DecompressionStream when it can (collecting every chunk before joining
 * them). So DecompressionStream is replaced too, by one whose output stream errors once
 * more than `maxBytes` came out; pdfjs then falls back to its own decoder, whose buffers
 * the proxies cap.
 */

const CONSTRUCTORS = [
  'ArrayBuffer',
  'SharedArrayBuffer',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const

export interface BufferCap {
  /** The largest request refused since the last reset (bytes), or null. */
  readonly tripped: number | null
  reset(): void
}

export function capBufferAllocations(maxBytes: number, onRefuse: (bytes: number) => void = () => undefined): BufferCap {
  let tripped: number | null = null
  const refuse = (bytes: number) => {
    tripped = Math.max(tripped ?? 0, bytes)
    onRefuse(bytes)
  }
  const globals = globalThis as unknown as Record<string, unknown>
  for (const name of CONSTRUCTORS) {
    const original = globals[name] as (new (...args: unknown[]) => object) & { BYTES_PER_ELEMENT?: number }
    if (typeof original !== 'function') continue
    const unit = original.BYTES_PER_ELEMENT ?? 1
    globals[name] = new Proxy(original, {
      construct(target, args, newTarget) {
        const bytes = requestedBytes(args[0], unit)
        if (bytes > maxBytes) {
          refuse(bytes)
          throw new RangeError(`Refused to create a buffer of ${bytes} bytes (the limit is ${maxBytes}).`)
        }
        return Reflect.construct(target, args, newTarget) as object
      },
    })
  }
  const Native = globalThis.DecompressionStream
  if (typeof Native === 'function') {
    globalThis.DecompressionStream = class CappedDecompressionStream {
      readonly writable: WritableStream<BufferSource>
      readonly readable: ReadableStream<Uint8Array>
      constructor(format: CompressionFormat) {
        const inner = new Native(format)
        let total = 0
        this.writable = inner.writable
        this.readable = inner.readable.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              total += chunk.byteLength
              if (total <= maxBytes) return controller.enqueue(chunk)
              refuse(total)
              controller.error(new RangeError(`Refused to decompress more than ${maxBytes} bytes.`))
            },
          }),
        )
      }
    } as unknown as typeof DecompressionStream
  }
  return {
    get tripped() {
      return tripped
    },
    reset() {
      tripped = null
    },
  }
}

/** Bytes a constructor call allocates: a length, or an array-like copied in; views of an existing buffer allocate nothing. */
function requestedBytes(first: unknown, unit: number): number {
  if (typeof first === 'number') return first * unit
  if (typeof first === 'bigint') return Number(first) * unit
  if (first === null || typeof first !== 'object') return 0
  if (first instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && first instanceof SharedArrayBuffer)) return 0
  const length = (first as { length?: unknown }).length
  return typeof length === 'number' ? length * unit : 0
}
