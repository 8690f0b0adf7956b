/**
 * Codebook changes through main, each pushed on the app's undo stack once it worked:
 *  - create:  undo deleteTag, redo restoreTag(the removal that undo got back)
 *  - rename / recolour / describe: undo updateTag with the old values, redo with the new
 *  - delete:  undo restoreTag(removal), redo deleteTag
 *  - merge:   undo restoreTag(removal) (the from-tag and the highlights' tag lists), redo mergeTags
 * After every change, undo and redo, `afterChange` runs (the lead reloads tags and the
 * open article; the manager reloads its counts). Failures go to the status region.
 */
import { useCallback, useMemo, useState } from 'react'
import type { NewTag, TagChange, TagRemoval, TagSummary } from '../../../core/api'
import type { TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import { api, type Result } from '../api'
import type { StatusControls } from '../hooks/useStatus'
import { useUndo } from '../undo/UndoContext'

export type TagEdit = Pick<TagChange, 'name' | 'color' | 'description'>

export interface TagActions {
  busy: boolean
  create(tag: NewTag): Promise<boolean>
  update(tag: Tag, edit: TagEdit): Promise<boolean>
  remove(tag: TagSummary): Promise<boolean>
  merge(from: TagSummary, into: Tag): Promise<boolean>
}

/** What an edit changes, in words: the undo label and the status message. */
function describeEdit(tag: Tag, edit: TagEdit): { label: string; done: string } {
  if (edit.name !== undefined && edit.name !== tag.name)
    return { label: `rename tag ${tag.name}`, done: `Tag ${tag.name} renamed to ${edit.name}` }
  if (edit.color !== undefined) return { label: `recolour tag ${tag.name}`, done: `Tag ${tag.name} recoloured` }
  return { label: `describe tag ${tag.name}`, done: `Description of ${tag.name} saved` }
}

export function useTagActions(status: StatusControls, afterChange: () => Promise<void>): TagActions {
  const undoStack = useUndo()
  const [busy, setBusy] = useState(false)

  /** Runs one API call; on success runs afterChange and returns the value, on failure reports it. */
  const call = useCallback(
    async <T,>(run: () => Promise<Result<T>>): Promise<T | undefined> => {
      const result = await run()
      if (!result.ok) {
        status.announceError(result.error)
        return undefined
      }
      await afterChange()
      return result.value
    },
    [status, afterChange],
  )

  /** Runs a first change with the busy flag set, announcing `done` when it worked. */
  const change = useCallback(
    async <T,>(run: () => Promise<Result<T>>, done: string): Promise<T | undefined> => {
      setBusy(true)
      try {
        const value = await call(run)
        if (value !== undefined) status.announce('success', done)
        return value
      } finally {
        setBusy(false)
      }
    },
    [call, status],
  )

  const create = useCallback(
    async (tag: NewTag) => {
      const created = await change(() => api.createTag(tag), `Tag ${tag.name} created`)
      if (!created) return false
      let removal: TagRemoval | undefined
      undoStack.push({
        label: `new tag ${created.name}`,
        undo: async () => {
          removal = await call(() => api.deleteTag({ tagId: created.id }))
          return removal !== undefined
        },
        redo: async () => removal !== undefined && (await call(() => api.restoreTag(removal!))) !== undefined,
      })
      return true
    },
    [call, change, undoStack],
  )

  const update = useCallback(
    async (tag: Tag, edit: TagEdit) => {
      const { label, done } = describeEdit(tag, edit)
      const forward: TagChange = { tagId: tag.id, ...edit }
      const back: TagChange = { tagId: tag.id }
      if (edit.name !== undefined) back.name = tag.name
      if (edit.color !== undefined) back.color = tag.color
      if (edit.description !== undefined) back.description = tag.description
      const updated = await change(() => api.updateTag(forward), done)
      if (!updated) return false
      undoStack.push({
        label,
        undo: async () => (await call(() => api.updateTag(back))) !== undefined,
        redo: async () => (await call(() => api.updateTag(forward))) !== undefined,
      })
      return true
    },
    [call, change, undoStack],
  )

  const remove = useCallback(
    async (tag: TagSummary) => {
      const tagId: TagId = tag.id
      let removal = await change(() => api.deleteTag({ tagId }), `Tag ${tag.name} deleted`)
      if (!removal) return false
      undoStack.push({
        label: `delete tag ${tag.name}`,
        undo: async () => (await call(() => api.restoreTag(removal!))) !== undefined,
        redo: async () => {
          const again = await call(() => api.deleteTag({ tagId }))
          if (again) removal = again
          return again !== undefined
        },
      })
      return true
    },
    [call, change, undoStack],
  )

  const merge = useCallback(
    async (from: TagSummary, into: Tag) => {
      const args = { fromTagId: from.id, intoTagId: into.id }
      let removal = await change(() => api.mergeTags(args), `Tag ${from.name} merged into ${into.name}`)
      if (!removal) return false
      undoStack.push({
        label: `merge tag ${from.name} into ${into.name}`,
        undo: async () => (await call(() => api.restoreTag(removal!))) !== undefined,
        redo: async () => {
          const again = await call(() => api.mergeTags(args))
          if (again) removal = again
          return again !== undefined
        },
      })
      return true
    },
    [call, change, undoStack],
  )

  return useMemo(() => ({ busy, create, update, remove, merge }), [busy, create, update, remove, merge])
}
