/**
 * A highlight's sourcing fields (notes/sourcing.md): its information credibility (1–6)
 * and its attribution (where the passage's information came from), saved in the
 * highlight's annotation file like its tags and comment; and the attribution the finder
 * suggests for it, read from the passage's whole sentences in the stored text.
 * Each change returns the highlight before it (`previous`), which `restoreHighlightSourcing`
 * puts back (undo).
 */
import type { AttributionSuggestion } from '../../core/api-sourcing'
import type { HighlightId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import { DossierError } from '../../core/result'
import {
  AttributionSchema,
  CredibilitySchema,
  findAttributions,
  sentencesAround,
  suggestAttribution,
  type Attribution,
} from '../../core/sourcing'
import { findHighlight } from '../highlight-ops'
import { articleOf, matcher, type SourcingChange, type SourcingContext } from './outlet-ops'

export type { AttributionSuggestion }

/** Checks a credibility given as text ("2"); one line naming the scale otherwise. */
export function parseCredibility(raw: string | number): number {
  const n = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN
  if (!CredibilitySchema.safeParse(n).success) {
    throw new DossierError('bad-request', `“${raw}” is not a credibility grade: use a whole number 1–6 (1 confirmed by other sources … 6 truth cannot be judged).`)
  }
  return n
}

async function changeHighlight(ctx: SourcingContext, id: HighlightId, patch: (h: Highlight) => Highlight): Promise<SourcingChange<Highlight, Highlight>> {
  const current = await findHighlight(ctx, id)
  const next = { ...patch(structuredClone(current)), updatedAt: ctx.now() }
  await ctx.store.updateHighlights(current.articleId, (highlights) => {
    const at = highlights.findIndex((h) => h.id === id)
    if (at === -1) throw new DossierError('not-found', `There is no highlight with id ${id} in this notebook (it was just removed).`)
    highlights.splice(at, 1, next)
  })
  return { value: next, previous: current }
}

/** Sets a highlight's credibility (1–6), or clears it with null. */
export async function setCredibility(ctx: SourcingContext, id: HighlightId, credibility: number | null): Promise<SourcingChange<Highlight, Highlight>> {
  const checked = credibility === null ? null : parseCredibility(credibility)
  return changeHighlight(ctx, id, (h) => {
    if (checked === null) delete h.credibility
    else h.credibility = checked
    return h
  })
}

/** Saves a highlight's attribution (as the analyst confirmed or edited it), or clears it with null. */
export async function setAttribution(ctx: SourcingContext, id: HighlightId, attribution: Attribution | null): Promise<SourcingChange<Highlight, Highlight>> {
  let checked: Attribution | null = null
  if (attribution !== null) {
    const parsed = AttributionSchema.safeParse({ ...attribution, source: attribution.source?.trim() || null })
    if (!parsed.success) throw new DossierError('bad-request', `The attribution is malformed: ${parsed.error.issues[0]?.message ?? 'invalid'}; nothing was changed.`)
    if (parsed.data.kind === 'secondary' && parsed.data.source === null) throw new DossierError('bad-request', 'A secondary attribution names the source the passage relays (--source); nothing was changed.')
    checked = parsed.data
  }
  return changeHighlight(ctx, id, (h) => {
    if (checked === null) delete h.attribution
    else h.attribution = checked
    return h
  })
}

/** Undo of a credibility or attribution change: the highlight as it was (its sourcing fields only). */
export async function restoreHighlightSourcing(ctx: SourcingContext, previous: Highlight): Promise<SourcingChange<Highlight, Highlight>> {
  return changeHighlight(ctx, previous.id, (h) => {
    delete h.credibility
    delete h.attribution
    return { ...h, ...(previous.credibility !== undefined ? { credibility: previous.credibility } : {}), ...(previous.attribution !== undefined ? { attribution: previous.attribution } : {}) }
  })
}

export async function suggestHighlightAttribution(ctx: SourcingContext, id: HighlightId): Promise<AttributionSuggestion> {
  const highlight = await findHighlight(ctx, id)
  const article = articleOf(ctx.store, highlight.articleId)
  const body = await ctx.store.readBody(article.bodyHash)
  const around = sentencesAround(body, highlight.target.start, highlight.target.end)
  const m = await matcher(ctx)
  const options = { isOutlet: (name: string) => m.byName(name) !== undefined }
  const findings = findAttributions(around.text, options).map((f) => ({ ...f, start: f.start + around.offset, end: f.end + around.offset }))
  return { highlightId: id, suggestion: suggestAttribution(around.text, options), findings, context: { text: around.text, start: around.offset }, saved: highlight.attribution ?? null }
}
