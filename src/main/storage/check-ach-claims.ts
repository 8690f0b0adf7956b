/**
 * The ACH claim-row check of `dossier check` (notes/ach.md): a claim row of a matrix must
 * name a claim of claims.json. A row whose claim is gone (claims.json edited outside the
 * app, restored from an older backup, or written by a build that did not refuse the
 * deletion) is dangling: reported, and with `repair` removed from its matrix after the
 * matrix file is kept as `ach/<id>.json.corrupt-<timestamp>`, as check-claims.ts does for a
 * claim's dangling passages (nothing is lost). When claims.json cannot be read, nothing is
 * said: whether a claim exists cannot be known.
 */
import { join } from 'node:path'
import { removeEvidence, type AchMatrix } from '../../core/ach'
import type { ClaimsFile } from '../../core/sourcing/schema'
import type { CheckRun } from './check-run'
import { writeFileDurably } from './durable-write'
import { CLAIMS_DOC, validateAchMatrixOf } from './file-formats'
import { corruptPath, keepCopy } from './safe-moves'

export interface StoredMatrix {
  /** Notebook-relative path, `ach/<id>.json`. */
  file: string
  matrix: AchMatrix
}

/** The claim rows of `matrix` whose claim is not in `claims`. */
export function danglingClaimRows(matrix: AchMatrix, claims: ClaimsFile): { rowId: string; claimId: string }[] {
  const known = new Set<string>(claims.claims.map((c) => c.id))
  return matrix.evidence.flatMap((r) => (r.source.kind === 'claim' && !known.has(r.source.claimId) ? [{ rowId: r.id, claimId: r.source.claimId }] : []))
}

/** Reports each dangling claim row; with `repair`, removes a matrix's rows in one write after keeping a copy of its file. */
export async function checkAchClaimRows(run: CheckRun, matrices: readonly StoredMatrix[], claims: ClaimsFile): Promise<void> {
  for (const { file, matrix } of matrices) {
    const dangling = danglingClaimRows(matrix, claims)
    if (dangling.length === 0) continue
    const aside = await corruptPath(run.dir, run.now(), file)
    const apply = async () => {
      await keepCopy(run.dir, file, aside)
      const next = dangling.reduce((m, d) => removeEvidence(m, d.rowId), matrix)
      const checked = validateAchMatrixOf(matrix.id)(JSON.parse(JSON.stringify(next)))
      if (!checked.ok) throw new Error(`the repaired matrix would not be valid (${checked.reason})`)
      await writeFileDurably(join(run.dir, file), `${JSON.stringify({ ...checked.value, updatedAt: run.now() }, null, 1)}\n`)
    }
    let applied: Promise<void> | null = null
    for (const d of dangling) {
      await run.found(file, `Evidence row ${d.rowId} of the ACH matrix ${matrix.id} points to the claim ${d.claimId}, which is not in ${CLAIMS_DOC.name}.`, {
        will: `Remove the row from the matrix (the matrix is kept as ${aside} first).`,
        did: `Removed the row from the matrix (the previous file is kept as ${aside}).`,
        run: () => (applied ??= apply()),
      })
    }
  }
}
