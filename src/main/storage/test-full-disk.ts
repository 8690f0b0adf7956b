/**
 * A disk that refuses writes, for tests: `vi.mock('node:fs/promises', …)` with
 * `refusingFs(await importOriginal())` makes every `open` for writing under
 * `refusal.under` fail as the system would (ENOSPC, EROFS, EACCES, with code, syscall and
 * path), while everything else uses the real file system. Not shipped code.
 */
import type * as fsPromises from 'node:fs/promises'

export const refusal: { code: string | null; under: string } = { code: null, under: '' }

const MESSAGES: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
}

export function refusingFs(real: typeof fsPromises): typeof fsPromises {
  const open = ((path: Parameters<typeof real.open>[0], flags?: string | number, mode?: number) => {
    const file = String(path)
    const writing = typeof flags === 'string' ? /[wa+]/.test(flags) : flags !== undefined
    if (refusal.code && writing && file.startsWith(refusal.under)) {
      const error = Object.assign(new Error(`${refusal.code}: ${MESSAGES[refusal.code] ?? 'refused'}, open '${file}'`), { code: refusal.code, errno: -1, syscall: 'open', path: file })
      return Promise.reject(error)
    }
    return real.open(path, flags, mode)
  }) as typeof real.open
  return { ...real, open, default: { ...real, open } } as typeof fsPromises
}
