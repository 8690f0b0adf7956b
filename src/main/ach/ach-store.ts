/**
 * ACH matrices on disk: one file per matrix, `<notebook>/ach/<id>.json` (notes/ach.md).
 * The rules are those of every document folder (../storage/document-folder.ts): every read
 * validated, a damaged file reported and never written over, durable writes one at a time,
 * read-only notebooks refused. Backed up with the notebook (backups.ts) and read by
 * `dossier check` (check-notebook.ts).
 */
import { AchIdSchema, makeAchId, parseAchMatrix, touchAchMatrix, createAchMatrix, type AchId, type AchMatrix } from '../../core/ach'
import { DocumentFolder } from '../storage/document-folder'
import { ACH_MATRIX_FILE } from '../storage/file-formats'
import { ACH_DIR } from '../storage/layout'
import type { NotebookStore } from '../storage/notebook-store'

export interface AchStoreContext {
  store: NotebookStore
  now: () => string
  randomHex: () => string
}

function folderOf(store: NotebookStore): DocumentFolder<AchId, AchMatrix> {
  return new DocumentFolder(store, {
    folder: ACH_DIR,
    noun: 'ACH matrix',
    idHint: 'm-…',
    fileName: ACH_MATRIX_FILE,
    parseId: (value) => AchIdSchema.parse(value),
    parse: parseAchMatrix,
    describe: (matrix) => `the ACH matrix ${matrix.id}`,
  })
}

/** Every readable matrix, most recently changed first (damaged files skipped with a warning). */
export async function listAchMatrices(ctx: Pick<AchStoreContext, 'store'>): Promise<AchMatrix[]> {
  const matrices = await folderOf(ctx.store).list()
  return matrices.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id)))
}

export async function getAchMatrix(ctx: Pick<AchStoreContext, 'store'>, id: string): Promise<AchMatrix> {
  return folderOf(ctx.store).get(id)
}

/** A new matrix for the question (an empty question is refused before anything is written). */
export async function createAchMatrixFile(ctx: AchStoreContext, question: string): Promise<AchMatrix> {
  createAchMatrix({ id: makeAchId('0000000000'), now: ctx.now(), question }) // refuses bad input first
  return folderOf(ctx.store).create(
    () => makeAchId(ctx.randomHex()),
    (id) => createAchMatrix({ id, now: ctx.now(), question }),
  )
}

/** Validates, stamps `updatedAt` and stores the matrix; an unknown id is created (undo of a delete). */
export async function saveAchMatrix(ctx: AchStoreContext, value: AchMatrix): Promise<AchMatrix> {
  const matrix = parseAchMatrix(value)
  return folderOf(ctx.store).save(matrix, (m) => touchAchMatrix(m, ctx.now()))
}

export async function deleteAchMatrix(ctx: Pick<AchStoreContext, 'store'>, id: string): Promise<void> {
  await folderOf(ctx.store).delete(id)
}
