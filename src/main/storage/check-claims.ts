/**
 * The claims check of `dossier check` (notes/sourcing.md): a claim's passage must name an
 * article of the catalog and a highlight of that article. A passage whose article or
 * highlight was deleted (outside the app, or by an older version) is dangling: reported,
 * and with `repair` removed from its claim after claims.json is kept as
 * `claims.json.corrupt-<timestamp>` (like every other repair, nothing is lost). A passage
 * of an article whose annotation file cannot be read is left alone: whether its highlight
 * exists cannot be known.
 */
import { join } from 'node:path'
import type { AnnotationFile, Catalog } from '../../core/model'
import type { ClaimsFile } from '../../core/sourcing/schema'
import type { CheckRun } from './check-run'
import { writeFileDurably } from './durable-write'
import { CLAIMS_DOC } from './file-formats'
import { ANNOTATIONS_DIR } from './layout'
import { corruptPath, exists, keepCopy } from './safe-moves'

export interface DanglingPassage {
  claimId: string
  highlightId: string
  why: string
}

/**
 * The passages of `claims` whose article is not in the catalog or whose highlight is not
 * in its article's annotations. `annotations` holds the readable annotation files; an
 * article in `unreadable` is skipped.
 */
export function danglingPassages(claims: ClaimsFile, catalog: Catalog, annotations: readonly AnnotationFile[], unreadable: ReadonlySet<string>): DanglingPassage[] {
  const articles = new Set<string>(catalog.articles.map((a) => a.id))
  const highlights = new Set<string>(annotations.flatMap((f) => f.highlights.map((h) => h.id)))
  const out: DanglingPassage[] = []
  for (const claim of claims.claims) {
    for (const p of claim.passages) {
      if (!articles.has(p.articleId)) out.push({ claimId: claim.id, highlightId: p.highlightId, why: `its article ${p.articleId} is not in the catalog` })
      else if (!unreadable.has(p.articleId) && !highlights.has(p.highlightId)) out.push({ claimId: claim.id, highlightId: p.highlightId, why: `highlight ${p.highlightId} is not among its article's highlights` })
    }
  }
  return out
}

/** Reports each dangling passage; with `repair`, removes them all in one write after keeping a copy of claims.json. */
export async function checkClaims(run: CheckRun, claims: ClaimsFile, catalog: Catalog, annotations: readonly AnnotationFile[]): Promise<void> {
  const read = new Set(annotations.map((f) => f.articleId))
  const unreadable = new Set<string>()
  for (const a of catalog.articles) {
    if (!read.has(a.id) && (await exists(join(run.dir, ANNOTATIONS_DIR, `${a.id}.json`)))) unreadable.add(a.id)
  }
  const dangling = danglingPassages(claims, catalog, annotations, unreadable)
  if (dangling.length === 0) return
  const file = CLAIMS_DOC.name
  const aside = await corruptPath(run.dir, run.now(), file)
  const gone = new Set(dangling.map((d) => `${d.claimId}\u0000${d.highlightId}`))
  const apply = async () => {
    await keepCopy(run.dir, file, aside)
    const next: ClaimsFile = { ...claims, claims: claims.claims.map((c) => ({ ...c, passages: c.passages.filter((p) => !gone.has(`${c.id}\u0000${p.highlightId}`)) })) }
    const checked = CLAIMS_DOC.validate(next)
    if (!checked.ok) throw new Error(`the repaired claims would not be valid (${checked.reason})`)
    await writeFileDurably(join(run.dir, file), JSON.stringify(checked.value, null, 1))
  }
  // One write for them all: the first passage's fix makes it, the others share its outcome.
  let applied: Promise<void> | null = null
  for (const d of dangling) {
    await run.found(file, `Claim ${d.claimId} holds a passage that no longer exists: ${d.why}.`, {
      will: `Remove the passage from the claim (claims.json is kept as ${aside} first).`,
      did: `Removed the passage from the claim (the previous claims.json is kept as ${aside}).`,
      run: () => (applied ??= apply()),
    })
  }
}
