/**
 * What the passages table does with the passages selected (components/passages/):
 * add a tag to them, add them as rows of an ACH matrix, add them to a briefing's tag
 * section. Each is one change on the undo stack. The table takes these as a list of
 * actions (`PassageAction`), so another (e.g. "Add to claim") is one more entry.
 *
 * A briefing section is a tag's passages (notes/briefings.md: the document stores choices,
 * never copies), so adding passages to a section tags them with its tag and takes them
 * off the section's exclusions: the briefing is saved with them back in.
 */
import { useCallback } from 'react'
import type { AchId } from '../../../core/ach'
import type { BriefingDocument, BriefingId } from '../../../core/briefing-document'
import { includePassage } from '../../../core/briefing-document'
import type { HighlightId, TagId } from '../../../core/ids'
import type { Highlight } from '../../../core/model'
import { api } from '../api'
import type { StatusControls } from '../hooks/useStatus'
import { plural } from '../plural'
import { useUndo } from '../undo/UndoContext'

/** One entry of the selection's action bar; `run` resolves when done (errors are announced). */
export interface PassageAction {
  id: string
  label: string
  run(highlightIds: HighlightId[]): void
}

type TagsBefore = { highlightId: HighlightId; tagIds: TagId[] }[]

export interface PassageActionRunners {
  addTag(highlights: Highlight[], tagId: TagId, tagName: string): Promise<boolean>
  addToMatrix(highlightIds: HighlightId[], achId: AchId): Promise<boolean>
  addToBriefing(highlights: Highlight[], briefingId: BriefingId, tagId: TagId, tagName: string): Promise<boolean>
}

export function usePassageActions(status: StatusControls, afterChange: () => Promise<void> | void, onAddedToMatrix: (achId: AchId) => void): PassageActionRunners {
  const undo = useUndo()

  /** Sets each highlight's tags as listed; resolves to whether all went in. */
  const setTags = useCallback(
    async (list: TagsBefore) => {
      for (const { highlightId, tagIds } of list) {
        const result = await api.updateHighlight({ highlightId, tagIds })
        if (!result.ok) {
          status.announceError(result.error)
          return false
        }
      }
      return true
    },
    [status],
  )

  const tagging = (highlights: Highlight[], tagId: TagId) => {
    const before: TagsBefore = highlights.filter((h) => !h.tagIds.includes(tagId)).map((h) => ({ highlightId: h.id, tagIds: h.tagIds }))
    const after: TagsBefore = before.map((b) => ({ highlightId: b.highlightId, tagIds: [...b.tagIds, tagId] }))
    return { before, after }
  }

  const addTag = useCallback(
    async (highlights: Highlight[], tagId: TagId, tagName: string) => {
      const { before, after } = tagging(highlights, tagId)
      const done = await setTags(after)
      if (!done) await setTags(before)
      await afterChange()
      if (!done) return false
      const label = `tag ${plural(after.length, 'passage')} ${tagName}`
      undo.push({ label, undo: async () => (await setTags(before)) && (await afterChange(), true), redo: async () => (await setTags(after)) && (await afterChange(), true) })
      status.announce('success', `Tagged ${plural(after.length, 'passage')} ${tagName}`)
      return true
    },
    [afterChange, setTags, status, undo],
  )

  const addToMatrix = useCallback(
    async (highlightIds: HighlightId[], achId: AchId) => {
      const result = await api.addAchEvidence({ achId, highlightIds })
      if (!result.ok) {
        status.announceError(result.error)
        return false
      }
      const { previous, value } = result.value
      const label = `add ${plural(highlightIds.length, 'row')} to an ACH matrix`
      const put = (to: typeof previous) => async () => {
        const back = to === null ? await api.deleteAchMatrix({ achId }) : await api.restoreAchMatrix({ matrix: to })
        if (!back.ok) status.announceError(back.error)
        await afterChange()
        return back.ok
      }
      undo.push({ label, undo: put(previous), redo: put(value.matrix) })
      await afterChange()
      status.announce('success', `Added ${plural(highlightIds.length, 'row')} to “${value.matrix.question}”`, [], [{ label: 'Open matrix', run: () => onAddedToMatrix(achId) }])
      return true
    },
    [afterChange, onAddedToMatrix, status, undo],
  )

  const addToBriefing = useCallback(
    async (highlights: Highlight[], briefingId: BriefingId, tagId: TagId, tagName: string) => {
      const got = await api.getBriefing({ briefingId })
      if (!got.ok) {
        status.announceError(got.error)
        return false
      }
      const docBefore: BriefingDocument = got.value
      const docAfter = highlights.reduce((doc, h) => includePassage(doc, tagId, h.id), docBefore)
      const { before, after } = tagging(highlights, tagId)
      const save = async (doc: BriefingDocument, tags: TagsBefore) => {
        if (!(await setTags(tags))) return false
        if (docBefore !== docAfter) {
          const saved = await api.saveBriefing({ document: doc })
          if (!saved.ok) {
            status.announceError(saved.error)
            return false
          }
        }
        await afterChange()
        return true
      }
      if (!(await save(docAfter, after))) {
        await save(docBefore, before)
        return false
      }
      const label = `add ${plural(highlights.length, 'passage')} to “${docBefore.title}”`
      undo.push({ label, undo: () => save(docBefore, before), redo: () => save(docAfter, after) })
      status.announce('success', `Added ${plural(highlights.length, 'passage')} to the ${tagName} section of “${docBefore.title}”`)
      return true
    },
    [afterChange, setTags, status, undo],
  )

  return { addTag, addToMatrix, addToBriefing }
}
