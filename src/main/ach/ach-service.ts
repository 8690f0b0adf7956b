/**
 * The service methods of the structured-analysis API (src/core/api-ach.ts; notes/ach.md)
 * on the open notebook: ACH matrices through an `AchSession` on its store, and tag
 * co-occurrence. Every change hands back the matrix it replaced (null when it created
 * one), so the renderer's undo can save it back.
 */
import { stringify } from 'csv-stringify/sync'
import {
  editEvidenceNote,
  moveEvidence,
  moveHypothesis,
  removeEvidence,
  removeHypothesis,
  rateCell,
  setEvidenceWeights,
  setQuestion,
  addHypothesis,
  editHypothesis,
  type AchMatrix,
} from '../../core/ach'
import type { AchApi, AchEdit } from '../../core/api-ach'
import { cooccurrence, cooccurrenceToCsv, type CooccurrenceGrid } from '../../core/cooccurrence'
import { DossierError } from '../../core/result'
import { withFormatExtension, writeExportFile } from '../briefings/export-writer'
import type { Dialogs } from '../dialogs'
import type { NotebookSession } from '../notebook-session'
import { AchSession } from './ach-session'

type AchService = {
  [K in keyof AchApi]: AchApi[K] extends (...args: infer P) => Promise<{ ok: true; value: infer R } | { ok: false }> ? (...args: P) => Promise<R> : never
}

/** The core's pure edit for a request (each refuses bad input with one line, changing nothing). */
function applyEdit(edit: AchEdit): (m: AchMatrix) => AchMatrix {
  switch (edit.op) {
    case 'question':
      return (m) => setQuestion(m, edit.text)
    case 'add-hypothesis':
      return (m) => addHypothesis(m, edit.text)
    case 'edit-hypothesis':
      return (m) => editHypothesis(m, edit.hypothesisId, edit.text)
    case 'move-hypothesis':
      return (m) => moveHypothesis(m, edit.hypothesisId, edit.toIndex)
    case 'remove-hypothesis':
      return (m) => removeHypothesis(m, edit.hypothesisId)
    case 'weights':
      return (m) => setEvidenceWeights(m, edit.rowId, { credibility: edit.credibility, relevance: edit.relevance })
    case 'edit-note':
      return (m) => editEvidenceNote(m, edit.rowId, edit.text)
    case 'move-row':
      return (m) => moveEvidence(m, edit.rowId, edit.toIndex)
    case 'remove-row':
      return (m) => removeEvidence(m, edit.rowId)
    case 'rate':
      return (m) => rateCell(m, edit.rowId, edit.hypothesisId, edit.rating)
  }
}

/** Tag co-occurrence of the whole notebook; refuses rather than miss a damaged annotation file's passages. */
export async function notebookCooccurrence(notebook: NotebookSession, by: CooccurrenceGrid['by'], overlap: boolean): Promise<CooccurrenceGrid> {
  const highlights = await notebook.store.allHighlights()
  notebook.store.assertNoneSkipped()
  return cooccurrence({ tags: notebook.listTags(), articles: notebook.store.articles, highlights }, { by, overlap })
}

export function createAchService(session: () => NotebookSession, dialogs: Pick<Dialogs, 'chooseExportPath'>): AchService {
  const sessions = new WeakMap<NotebookSession, AchSession>()
  const ach = () => {
    const notebook = session()
    let found = sessions.get(notebook)
    if (found === undefined) sessions.set(notebook, (found = new AchSession(notebook.store)))
    return found
  }
  /** The stored matrix before `change`, then the view after it. */
  const changed = async (id: string, change: (s: AchSession) => Promise<unknown>) => {
    const previous = await ach().get(id)
    await change(ach())
    return { value: await ach().view(id), previous }
  }
  return {
    listAchMatrices: () => ach().list(),
    getAchMatrix: ({ achId }) => ach().view(achId),
    async createAchMatrix({ question }) {
      const matrix = await ach().create(question)
      return { value: await ach().view(matrix.id), previous: null }
    },
    async deleteAchMatrix({ achId }) {
      const previous = await ach().get(achId)
      await ach().delete(achId)
      return { value: { achId }, previous }
    },
    async restoreAchMatrix({ matrix }) {
      const previous = await ach()
        .get(matrix.id)
        .catch((error: unknown) => {
          if (error instanceof DossierError && error.code === 'not-found') return null // undo of a delete: created again
          throw error // a damaged file is refused, never written over
        })
      await ach().save(matrix)
      return { value: await ach().view(matrix.id), previous }
    },
    editAchMatrix: ({ achId, edit }) => changed(achId, (s) => s.edit(achId, applyEdit(edit))),
    addAchEvidence: (request) =>
      changed(request.achId, async (s) => {
        const given = { credibility: request.credibility, relevance: request.relevance }
        if ('note' in request) return s.addNote(request.achId, request.note, given)
        if ('claimId' in request) return s.addClaim(request.achId, request.claimId, given)
        return s.addPassages(request.achId, request.highlightIds, given)
      }),
    cooccurrence: ({ by, overlap }) => notebookCooccurrence(session(), by, overlap === true),
    async exportCooccurrence({ by, overlap }) {
      const grid = await notebookCooccurrence(session(), by, overlap === true)
      const chosen = await dialogs.chooseExportPath(`Tags by ${by}.csv`, 'csv')
      if (!chosen) return { canceled: true }
      const path = withFormatExtension(chosen, 'csv')
      await writeExportFile(path, cooccurrenceToCsv(grid, stringify))
      return { path }
    },
  }
}
