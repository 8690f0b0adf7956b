/**
 * Whether two versions of a briefing say the same thing: equal in every field but the time
 * it was last saved (a save stamps `updatedAt`), whatever the order of their keys.
 */
import type { BriefingDocument } from '../../../core/briefing-document'

export function sameDocument(a: BriefingDocument, b: BriefingDocument): boolean {
  return canonical({ ...a, updatedAt: '' }) === canonical({ ...b, updatedAt: '' })
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  )
}
