/**
 * The notebook's briefings and the one being composed: list, select, create, delete, and
 * edit. Every edit applies a pure operation (src/core/briefing-document) to the document,
 * shows it at once, saves it (text fields ~400 ms after typing stops, everything else
 * immediately), then rebuilds the preview. Each saved change is one undo step whose undo
 * saves the document as it was before, and whose redo saves it as it was after.
 *
 * Saves run one at a time, in order, so a quick series of moves is stored as made. Each
 * change is pushed onto the undo stack when it is committed (before its save finishes), so
 * an undo right after typing undoes the typing; the undo itself waits in the same queue.
 * Reading a briefing waits in that queue too, so it never returns a document older than
 * the edits already made.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { BriefingSummary } from '../../../core/api'
import { sectionPassageIds } from '../../../core/briefing'
import { findSection, movePassage, type BriefingDocument, type BriefingId, type SectionKey } from '../../../core/briefing-document'
import type { BriefingLayout } from '../../../core/briefing-types'
import type { HighlightId } from '../../../core/ids'
import { isDossierError } from '../../../core/result'
import { api, type ApiError } from '../api'
import { createDebouncer } from '../briefing/debounce'
import { registerPendingEdits } from '../briefing/pending-edits'
import { sameDocument } from '../briefing/same-document'
import { cardFromSummary, cardsFromLayout, missingExcludedCards, type PassageCard } from '../briefing/passage-cards'
import { withPassageOrder } from '../briefing/reorder'
import { useUndo } from '../undo/UndoContext'
import type { StatusControls } from './useStatus'

export const SAVE_DELAY_MS = 400

/** Status messages about a briefing name it by this topic, so renaming it retracts them. */
export const briefingTopic = (id: BriefingId) => `briefing:${id}`

export type BriefingOp = (doc: BriefingDocument) => BriefingDocument

export interface Briefings {
  briefings: BriefingSummary[]
  loaded: boolean
  selectedId: BriefingId | null
  doc: BriefingDocument | null
  /** Increases whenever the document is replaced from outside (opened, undo, redo): text drafts reset. */
  revision: number
  layout: BriefingLayout | null
  /** Why the preview could not be built (e.g. no passages for the selection). */
  previewError: ApiError | null
  /** Quote, comment and source of every passage seen, including excluded ones the preview leaves out. */
  cards: ReadonlyMap<HighlightId, PassageCard>
  select(id: BriefingId): void
  create(): Promise<void>
  remove(id: BriefingId): Promise<void>
  /** Applies `op` and saves: after SAVE_DELAY_MS when `debounce`, else at once. */
  edit(label: string, op: BriefingOp, options?: { debounce?: boolean }): void
  /** Moves a passage within its section, by a step (`{ by: -1 }`) or to an index (`{ to: 2 }`). */
  /** Moves a passage within the section of a tag or an entity (`key`). */
  movePassage(key: SectionKey, highlightId: HighlightId, move: { by: number } | { to: number }): void
  /** Saves pending text edits now (on blur). */
  flush(): void
}

export function useBriefings(status: StatusControls, reloadKey: number): Briefings {
  const undo = useUndo()
  const [briefings, setBriefings] = useState<BriefingSummary[]>([])
  const [loaded, setLoaded] = useState(false)
  const [selectedId, setSelectedId] = useState<BriefingId | null>(null)
  const [doc, setDoc] = useState<BriefingDocument | null>(null)
  const [revision, setRevision] = useState(0)
  const [layout, setLayoutState] = useState<BriefingLayout | null>(null)
  const [previewError, setPreviewError] = useState<ApiError | null>(null)
  const [cards, setCards] = useState<ReadonlyMap<HighlightId, PassageCard>>(new Map())
  const cardsRef = useRef<ReadonlyMap<HighlightId, PassageCard>>(cards)

  const selectedRef = useRef<BriefingId | null>(null)
  /** The document as shown (latest edits). */
  const docRef = useRef<BriefingDocument | null>(null)
  /** The document as last sent to main: the "before" of the next undo step. */
  const savedRef = useRef<BriefingDocument | null>(null)
  const layoutRef = useRef<BriefingLayout | null>(null)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const previewSeq = useRef(0)
  const debouncer = useMemo(() => createDebouncer(SAVE_DELAY_MS), [])

  const setLayout = useCallback((next: BriefingLayout | null) => {
    layoutRef.current = next
    setLayoutState(next)
  }, [])

  const addCards = useCallback((added: PassageCard[]) => {
    if (added.length === 0) return
    const next = new Map(cardsRef.current)
    for (const card of added) next.set(card.highlightId, card)
    cardsRef.current = next
    setCards(next)
  }, [])

  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task, task)
    queue.current = run.catch(() => undefined)
    return run
  }, [])

  const refreshList = useCallback(async (): Promise<BriefingSummary[] | null> => {
    const result = await api.listBriefings()
    setLoaded(true)
    if (!result.ok) {
      status.announceError(result.error)
      return null
    }
    setBriefings(result.value)
    return result.value
  }, [status])

  const refreshPreview = useCallback(
    async (id: BriefingId) => {
      const seq = ++previewSeq.current
      const result = await api.previewBriefing({ briefingId: id })
      if (seq !== previewSeq.current || selectedRef.current !== id) return
      if (result.ok) {
        setLayout(result.value)
        setPreviewError(null)
        addCards(cardsFromLayout(result.value))
      } else {
        setLayout(null)
        setPreviewError(result.error)
      }
      // Excluded passages are not in the preview: fetch what they say from the passage list.
      const current = docRef.current
      if (current?.id === id && missingExcludedCards(current, cardsRef.current).length > 0) {
        const passages = await api.listPassages()
        if (passages.ok) addCards(passages.value.filter((p) => !cardsRef.current.has(p.highlight.id)).map(cardFromSummary))
      }
    },
    [addCards, setLayout],
  )

  /** Shows `next` as the document, replacing any drafts (opened, undone, redone). */
  const replaceDoc = useCallback((next: BriefingDocument | null) => {
    docRef.current = next
    savedRef.current = next
    setDoc(next)
    setRevision((r) => r + 1)
  }, [])

  /** Saves `target` as the whole document (undo/redo); shows it when it is the open one. */
  const restore = useCallback(
    (target: BriefingDocument): Promise<boolean> =>
      enqueue(async () => {
        const result = await api.saveBriefing({ document: target })
        if (!result.ok) {
          status.announceError(result.error)
          return false
        }
        if (selectedRef.current === target.id) {
          replaceDoc(result.value)
          void refreshPreview(target.id)
        }
        void refreshList()
        return true
      }),
    [enqueue, refreshList, refreshPreview, replaceDoc, status],
  )

  /** Saves the shown document if it changed since the last save, as one undo step. */
  const commit = useCallback(
    (label: string) => {
      const next = docRef.current
      const prev = savedRef.current
      if (!next || !prev || next === prev || next.id !== prev.id) return
      savedRef.current = next
      const saving = enqueue(async (): Promise<BriefingDocument | null> => {
        const result = await api.saveBriefing({ document: next })
        if (!result.ok) {
          status.announceError(result.error)
          if (savedRef.current === next) savedRef.current = prev
          if (docRef.current === next) replaceDoc(prev)
          void refreshPreview(prev.id)
          return null
        }
        if (next.title !== prev.title) status.retract(briefingTopic(next.id))
        if (next.title !== prev.title || next.date !== prev.date) void refreshList()
        if (selectedRef.current === next.id) await refreshPreview(next.id)
        return result.value
      })
      // One undo step now, in the order the changes were made; its undo and redo queue
      // behind the save. A change whose save failed was never made: undoing it is a no-op.
      undo.push({
        label,
        undo: async () => ((await saving) ? restore(prev) : true),
        redo: async () => restore((await saving) ?? next),
      })
    },
    [enqueue, refreshList, refreshPreview, replaceDoc, restore, status, undo],
  )

  const flush = useCallback(() => {
    debouncer.flush()
  }, [debouncer])

  /** Applies `op` to the shown document; a refused edit is reported and changes nothing. */
  const apply = useCallback(
    (op: BriefingOp): BriefingDocument | null => {
      const current = docRef.current
      if (!current) return null
      let next: BriefingDocument
      try {
        next = op(current)
      } catch (error) {
        if (!isDossierError(error)) throw error
        status.announceError({ code: error.code, message: error.message })
        return null
      }
      if (next === current) return null
      docRef.current = next
      setDoc(next)
      return next
    },
    [status],
  )

  const edit = useCallback(
    (label: string, op: BriefingOp, options: { debounce?: boolean } = {}) => {
      if (options.debounce) {
        if (apply(op)) debouncer.schedule(() => commit(label))
        return
      }
      debouncer.flush()
      if (apply(op)) commit(label)
    },
    [apply, commit, debouncer],
  )

  const movePassageIn = useCallback(
    (key: SectionKey, highlightId: HighlightId, move: { by: number } | { to: number }) => {
      const shown = layoutRef.current ? sectionPassageIds(layoutRef.current, key) : []
      const from = shown.indexOf(highlightId)
      if (from === -1) return
      const to = 'by' in move ? from + move.by : move.to
      if (to < 0 || to >= shown.length || to === from) return
      debouncer.flush()
      const next = apply((d) => movePassage(d, key, shown, highlightId, to))
      if (!next) return
      const order = findSection(next, key)?.order ?? []
      if (layoutRef.current) setLayout(withPassageOrder(layoutRef.current, key, order))
      commit('move passage')
    },
    [apply, commit, debouncer, setLayout],
  )

  /**
   * Reads the open briefing again (the notebook changed): after the saves already queued,
   * and without replacing what the analyst is editing (pending or newer edits are saved
   * over it anyway) or remounting the fields when nothing changed.
   */
  const reread = useCallback(
    async (id: BriefingId) => {
      const shown = docRef.current
      const result = await enqueue(() => api.getBriefing({ briefingId: id }))
      if (selectedRef.current !== id) return
      if (!result.ok) return status.announceError(result.error)
      const untouched = docRef.current === shown && savedRef.current === shown
      if (untouched && (!shown || !sameDocument(shown, result.value))) replaceDoc(result.value)
      await refreshPreview(id)
    },
    [enqueue, refreshPreview, replaceDoc, status],
  )

  const open = useCallback(
    async (id: BriefingId | null) => {
      if (id !== null && selectedRef.current === id && docRef.current?.id === id) return reread(id)
      debouncer.flush()
      selectedRef.current = id
      setSelectedId(id)
      setLayout(null)
      setPreviewError(null)
      if (id === null) return replaceDoc(null)
      const result = await enqueue(() => api.getBriefing({ briefingId: id }))
      if (selectedRef.current !== id) return
      if (!result.ok) {
        status.announceError(result.error)
        return replaceDoc(null)
      }
      replaceDoc(result.value)
      await refreshPreview(id)
    },
    [debouncer, enqueue, refreshPreview, replaceDoc, reread, setLayout, status],
  )

  const select = useCallback((id: BriefingId) => void open(id), [open])

  const create = useCallback(async () => {
    debouncer.flush()
    const result = await api.createBriefing({})
    if (!result.ok) return status.announceError(result.error)
    const created = result.value
    await refreshList()
    await open(created.id)
    status.announce('success', `Created briefing “${created.title}”`, [], [], briefingTopic(created.id))
    undo.push({
      label: `new briefing ${created.title}`,
      undo: async () => {
        const r = await api.deleteBriefing({ briefingId: created.id })
        if (!r.ok) status.announceError(r.error)
        else if (selectedRef.current === created.id) void open(null)
        void refreshList()
        return r.ok
      },
      redo: () => restore(created),
    })
  }, [debouncer, open, refreshList, restore, status, undo])

  const remove = useCallback(
    async (id: BriefingId) => {
      debouncer.flush()
      await queue.current
      let removed = selectedRef.current === id ? docRef.current : null
      if (!removed) {
        const got = await api.getBriefing({ briefingId: id })
        if (!got.ok) return status.announceError(got.error)
        removed = got.value
      }
      const result = await api.deleteBriefing({ briefingId: id })
      if (!result.ok) return status.announceError(result.error)
      const document = removed
      const list = await refreshList()
      if (selectedRef.current === id) await open(list?.[0]?.id ?? null)
      status.announce('success', `Deleted briefing “${document.title}”`)
      undo.push({
        label: `delete briefing ${document.title}`,
        undo: async () => {
          const r = await api.saveBriefing({ document })
          if (!r.ok) {
            status.announceError(r.error)
            return false
          }
          await refreshList()
          await open(document.id)
          return true
        },
        redo: async () => {
          const r = await api.deleteBriefing({ briefingId: document.id })
          if (!r.ok) {
            status.announceError(r.error)
            return false
          }
          const rest = await refreshList()
          if (selectedRef.current === document.id) await open(rest?.[0]?.id ?? null)
          return true
        },
      })
    },
    [debouncer, open, refreshList, status, undo],
  )

  // Load the list (and reload the open briefing) on mount and whenever the notebook's data changed.
  useEffect(() => {
    let stale = false
    void (async () => {
      const list = await refreshList()
      if (stale || !list) return
      const current = selectedRef.current
      const keep = current !== null && list.some((b) => b.id === current)
      await open(keep ? current : (list[0]?.id ?? null))
    })()
    return () => {
      stale = true
    }
  }, [reloadKey, refreshList, open])

  // Save what is pending before an undo (the app asks), when the window is hidden, and when
  // the composer goes away.
  useEffect(() => {
    const unregister = registerPendingEdits(() => void debouncer.flush())
    const onVisibility = () => void debouncer.flush()
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      unregister()
      document.removeEventListener('visibilitychange', onVisibility)
      debouncer.flush()
    }
  }, [debouncer])

  return {
    briefings,
    loaded,
    selectedId,
    doc,
    revision,
    layout,
    previewError,
    cards,
    select,
    create,
    remove,
    edit,
    movePassage: movePassageIn,
    flush,
  }
}
