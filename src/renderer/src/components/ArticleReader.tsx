/**
 * The reader: one article (role "article", named by its title) with its highlights drawn
 * by the CSS Custom Highlight API, margin bars beside the text, and the highlight toolbar.
 * Selecting text (mouse or Shift+arrows) opens the toolbar for a new highlight; clicking
 * a highlight opens it for editing, or a chooser when several overlap there; clicking
 * plain text closes it. Page furniture sits behind folds. Exposes `reveal` (scroll to and
 * flash a highlight, opening its fold) and `edit` to the side panel.
 */
import { useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type MouseEvent, type Ref } from 'react'
import type { ArticleView } from '../../../core/api'
import type { EntitySummary } from '../../../core/api-entities'
import type { EntityId } from '../../../core/entities'
import type { ArticleId, HighlightId, TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import type { HighlightActions, HighlightEdit } from '../hooks/useHighlightActions'
import { usePendingHighlight } from '../hooks/usePendingHighlight'
import { extendCaret, useReaderSelection, type ReaderSelection } from '../hooks/useReaderSelection'
import { isEditableTarget, IS_MAC } from '../hooks/useAppKeys'
import { dispatchKey } from '../../../core/shortcuts'
import { caretAtFirstVisibleLine, stepHighlight } from '../reader/highlight-cursor'
import { assignSlots, slotStyle } from '../reader/color-slots'
import { headerLines } from '../../../core/analysis/analyse'
import { headerFurniture, inFold, partsKey, splitArticle } from '../reader/furniture'
import { HighlightChooser, type ChooserState } from '../reader/HighlightChooser'
import { highlightsAt } from '../reader/hit-test'
import { LazyLabels } from '../reader/labels'
import { MarginBars } from '../reader/MarginBars'
import { firstLineBox, offsetAtPoint, rangeBox } from '../reader/pointer'
import { anchorFor, contentPoint, scrollRangeIntoView } from '../reader/scroll-to'
import { EntityCard } from '../reader/EntityCard'
import { mentionAt, type MarkedEntity } from '../reader/entity-marks'
import { useEntityMarks } from '../reader/useEntityMarks'
import { useHighlightPaint } from '../reader/useHighlightPaint'
import { ArticleBody, type FoldState } from './ArticleBody'
import { ArticleHeader } from './ArticleHeader'
import { HighlightToolbar, type ToolbarAnchor } from './HighlightToolbar'

/** The names panel's marks (ReaderView.tsx): the marked entity, its card, and what keys in the text do with them. */
export interface ReaderNames {
  marked: MarkedEntity | null
  /** Show the card beside the current mention (the panel moved to it). */
  card: boolean
  cardId: string
  summaries: ReadonlyMap<EntityId, EntitySummary>
  onStep(by: 1 | -1): void
  /** Escape: hide the card, then clear the marks. */
  onEscape(): void
}

export interface ReaderHandle {
  reveal(highlightId: HighlightId): void
  edit(highlightId: HighlightId): void
  /** Hides the entity card shown for the mention under the pointer; false when none was shown. */
  hideHoverCard(): boolean
}

type Draft =
  | { mode: 'create'; start: number; end: number; range: Range; anchor: ToolbarAnchor; focus: boolean }
  | { mode: 'edit'; highlightId: HighlightId; anchor: ToolbarAnchor; focus: boolean }

interface Props {
  view: ArticleView
  tags: Tag[]
  actions: HighlightActions
  /** Opens another article (rewrite links in the header). */
  onOpenArticle?(articleId: ArticleId): void
  names?: ReaderNames
  ref?: Ref<ReaderHandle>
}

const TOOLBAR_GAP = 8
const EMPTY_EDIT: HighlightEdit = { tagIds: [], comment: '' }
const CLOSED: FoldState = { leading: false, trailing: false }

export function ArticleReader({ view, tags, actions, onOpenArticle, names, ref }: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const body = useRef<HTMLDivElement>(null)
  const articleEl = useRef<HTMLElement>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [chooser, setChooser] = useState<ChooserState | null>(null)
  const [folds, setFolds] = useState<FoldState>(CLOSED)
  const pendingReveal = useRef<{ id: HighlightId; edit: boolean } | null>(null)
  /** The highlight J and K went to, and what the reader announces about it. */
  const [cursor, setCursor] = useState<{ id: HighlightId; note: string } | null>(null)
  const hoverId = useRef<HighlightId | null>(null)
  const { article, text, highlights, furniture } = view
  const titleId = `reader-title-${article.id}`
  const keysHintId = `reader-keys-${article.id}`

  // The headline copies and date line that open the text are folded with the furniture: the header above shows them.
  const parts = useMemo(() => splitArticle(text, [...furniture, ...headerFurniture(headerLines(text))]), [text, furniture])
  const slots = useMemo(() => assignSlots(tags), [tags])
  const tagsById = useMemo(() => new Map<TagId, Tag>(tags.map((t) => [t.id, t])), [tags])
  const byId = useMemo(() => new Map(highlights.map((h) => [h.id, h])), [highlights])
  const spans = useMemo(() => highlights.map((h) => ({ id: h.id, start: h.target.start, end: h.target.end })), [highlights])
  const labels = useMemo(() => new LazyLabels(byId, tagsById), [byId, tagsById])

  // Changes exactly when the rendered text blocks do (a fold opens, the furniture differs).
  const blocksKey = useMemo(() => partsKey(parts), [parts])
  const paint = useHighlightPaint(body, scroller, highlights, slots, `${folds.leading}|${folds.trailing}|${blocksKey}`)
  const editingId = draft?.mode === 'edit' ? draft.highlightId : null
  const { setActive } = paint

  usePendingHighlight(draft?.mode === 'create' ? draft.range : null)
  const cursorId = cursor && byId.has(cursor.id) ? cursor.id : null
  useLayoutEffect(() => setActive(editingId ?? cursorId), [setActive, editingId, cursorId, paint.bars])

  const onSelection = useCallback((sel: ReaderSelection) => {
    const container = scroller.current
    if (!container) return
    setChooser(null)
    const anchor = anchorFor(container, sel.rect)
    setDraft((current) =>
      current?.mode === 'create' && current.start === sel.start && current.end === sel.end
        ? current
        : { mode: 'create', start: sel.start, end: sel.end, range: sel.range, anchor, focus: sel.source === 'pointer' },
    )
  }, [])
  useReaderSelection(body, text, onSelection)

  const { rangeOf } = paint
  const openEditor = useCallback(
    (highlightId: HighlightId) => {
      const container = scroller.current
      const range = rangeOf(highlightId)
      if (!container || !range) return
      const first = firstLineBox(range)
      const box = rangeBox(range)
      setChooser(null)
      setDraft({ mode: 'edit', highlightId, anchor: anchorFor(container, { left: first.left, top: box.top, bottom: box.bottom }), focus: true })
    },
    [rangeOf],
  )

  const showRevealed = useCallback(
    (id: HighlightId, edit: boolean) => {
      const container = scroller.current
      const range = rangeOf(id)
      if (!container || !range) return
      scrollRangeIntoView(container, range)
      paint.flash(id)
      if (edit) openEditor(id)
    },
    [rangeOf, paint, openEditor],
  )

  /** Opens the fold hiding text[start, end), if one does; true when it had to. */
  const ensureShown = useCallback(
    (start: number, end: number) => {
      const needLeading = !folds.leading && inFold(parts.leading, start, end)
      const needTrailing = !folds.trailing && inFold(parts.trailing, start, end)
      if (needLeading || needTrailing) setFolds((f) => ({ leading: f.leading || needLeading, trailing: f.trailing || needTrailing }))
      return needLeading || needTrailing
    },
    [folds, parts],
  )

  const reveal = useCallback(
    (id: HighlightId, edit: boolean) => {
      const h = byId.get(id)
      if (!h) return
      if (ensureShown(h.target.start, h.target.end)) pendingReveal.current = { id, edit }
      else showRevealed(id, edit)
    },
    [byId, ensureShown, showRevealed],
  )

  // The names panel's marked entity: its mentions painted, the current one scrolled to, its card.
  const marked = names?.marked ?? null
  const [hoverMention, setHoverMention] = useState<number | null>(null)
  const cardIndex = draft || chooser || !marked ? null : (hoverMention ?? (names?.card ? marked.current : null))
  const entityMarks = useEntityMarks({ scroller, index: paint.index, layoutSignal: paint.bars, marked, ensureShown, cardIndex })

  // A reveal that had to open a fold first runs once the fold's text is painted.
  useLayoutEffect(() => {
    const pending = pendingReveal.current
    if (!pending) return
    pendingReveal.current = null
    showRevealed(pending.id, pending.edit)
  }, [paint.bars, showRevealed])

  const close = useCallback(() => {
    setDraft(null)
    setChooser(null)
    document.getSelection()?.removeAllRanges()
    articleEl.current?.focus({ preventScroll: true })
  }, [])
  const closeChooser = useCallback(() => {
    setChooser(null)
    articleEl.current?.focus({ preventScroll: true })
  }, [])

  useImperativeHandle(
    ref,
    () => ({
      reveal: (id) => reveal(id, false),
      edit: (id) => reveal(id, true),
      hideHoverCard: () => {
        if (hoverMention === null) return false
        setHoverMention(null)
        return true
      },
    }),
    [reveal, hoverMention],
  )

  const offsetAt = (x: number, y: number) => {
    const index = paint.index()
    return index ? offsetAtPoint(index, x, y) : null
  }
  const hitsAt = (x: number, y: number) => {
    const offset = offsetAt(x, y)
    return offset === null ? [] : highlightsAt(spans, offset)
  }

  const onTextClick = (e: MouseEvent<HTMLDivElement>) => {
    const selection = document.getSelection()
    if (selection && !selection.isCollapsed) return // a drag-selection, handled by useReaderSelection
    if (e.target instanceof Element && e.target.closest('button, .margin-bars, .furniture-list')) return
    const hits = hitsAt(e.clientX, e.clientY)
    const container = scroller.current
    if (hits.length === 1) openEditor(hits[0]!.id)
    else if (hits.length > 1 && container) {
      setDraft(null)
      setChooser({ ids: hits.map((h) => h.id), ...contentPoint(container, e.clientX, e.clientY + TOOLBAR_GAP) })
    } else {
      setChooser(null)
      setDraft(null)
    }
  }

  const hoverFrame = useRef(0)
  const onTextMove = (e: MouseEvent<HTMLDivElement>) => {
    const { clientX, clientY, currentTarget, target } = e
    if (target instanceof Element && target.closest('.margin-bars')) return
    cancelAnimationFrame(hoverFrame.current)
    hoverFrame.current = requestAnimationFrame(() => {
      const offset = offsetAt(clientX, clientY)
      const mention = marked && offset !== null ? mentionAt(marked.entity.mentions, offset) : -1
      setHoverMention(mention >= 0 ? mention : null)
      const id = (offset === null ? undefined : highlightsAt(spans, offset)[0]?.id) ?? null
      currentTarget.classList.toggle('is-over-highlight', id !== null)
      if (id === hoverId.current) return
      hoverId.current = id
      setActive(id ?? editingId ?? cursorId)
    })
  }
  const onHover = useCallback(
    (id: HighlightId | null) => {
      hoverId.current = id
      setActive(id ?? editingId ?? cursorId)
    },
    [setActive, editingId, cursorId],
  )
  const onFold = useCallback((where: keyof FoldState, open: boolean) => setFolds((f) => ({ ...f, [where]: open })), [])

  // The keymap's `reader` scope, with focus in the article (the toolbar and the chooser have their own keys while open).
  const onArticleKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (draft || chooser || isEditableTarget(e.target)) return
    const onButton = e.target instanceof HTMLButtonElement
    const go = (by: 1 | -1) => {
      const step = stepHighlight(highlights, cursorId, by, labels)
      setCursor(step)
      if (step) reveal(step.id, false)
    }
    const taken = dispatchKey(e, 'reader', IS_MAC, {
      'reader.select': () => body.current !== null && extendCaret(body.current, document.getSelection(), e),
      'reader.next': () => go(1),
      'reader.previous': () => go(-1),
      'reader.edit': () => {
        if (onButton || !cursorId) return false
        reveal(cursorId, true)
      },
      'reader.next-mention': () => marked !== null && names?.onStep(1),
      'reader.previous-mention': () => marked !== null && names?.onStep(-1),
      'reader.clear-marks': () => {
        if (!marked || !names) return false
        if (hoverMention !== null) setHoverMention(null)
        else names.onEscape()
      },
    })
    if (taken) e.preventDefault()
  }

  // Tabbing into the article puts a caret at its first visible line, so Shift+arrows can select from there.
  const onArticleFocus = (e: FocusEvent<HTMLElement>) => {
    if (e.target === e.currentTarget && body.current && scroller.current) caretAtFirstVisibleLine(body.current, scroller.current)
  }

  const onSave = async (edit: HighlightEdit) => {
    if (!draft) return
    const done =
      draft.mode === 'create'
        ? await actions.create(article.id, draft.start, draft.end, edit)
        : await actions.update(draft.highlightId, edit)
    if (done) close()
  }

  const onRemove = async () => {
    if (draft?.mode === 'edit' && (await actions.remove(draft.highlightId))) close()
  }

  const editing = editingId ? byId.get(editingId) : undefined
  const initial = editing ? { tagIds: editing.tagIds, comment: editing.comment } : EMPTY_EDIT
  const empty = parts.body.length === 0 && !parts.leading && !parts.trailing

  return (
    <div className="reader-scroll" ref={scroller}>
      {/* A Tab stop: the keymap's reader keys (select with Shift+arrows, J/K between highlights) work from here. */}
      <article
        className="article"
        aria-labelledby={titleId}
        aria-describedby={keysHintId}
        ref={articleEl}
        tabIndex={0}
        style={slotStyle(slots) as CSSProperties}
        onKeyDown={onArticleKeyDown}
        onFocus={onArticleFocus}
      >
        <ArticleHeader article={article} titleId={titleId} onOpenArticle={onOpenArticle} />
        {/* Clicks pick highlights for mouse users; keyboard users use the margin bars or the side panel. */}
        <div className="article-text" onClick={onTextClick} onMouseMove={onTextMove} onMouseLeave={() => {
            onHover(null)
            setHoverMention(null)
          }}
        >
          <MarginBars layout={paint.bars} labels={labels} activeId={editingId} onPick={openEditor} onHover={onHover} />
          <ArticleBody ref={body} text={text} parts={parts} folds={folds} onFold={onFold} />
        </div>
        {empty && <p className="article-empty-text">This article has no text.</p>}
        <p id={keysHintId} className="visually-hidden">
          Shift and the arrow keys select text to highlight; J and K go to the next and previous highlight.
        </p>
        <p className="visually-hidden" role="status" aria-live="polite">
          {cursor?.note ?? ''}
        </p>
      </article>
      {marked && names && entityMarks.card && (
        <EntityCard
          id={names.cardId}
          entity={marked.entity}
          summary={names.summaries.get(marked.entity.entityId)}
          anchor={entityMarks.card.anchor}
          spelling={marked.entity.mentions[entityMarks.card.index]?.alias ?? marked.entity.name}
        />
      )}
      {chooser && <HighlightChooser state={chooser} labels={labels} onPick={openEditor} onClose={closeChooser} />}
      {draft && (
        <HighlightToolbar
          key={draft.mode === 'edit' ? draft.highlightId : 'new'}
          mode={draft.mode}
          tags={tags}
          initial={initial}
          anchor={draft.anchor}
          autoFocus={draft.focus}
          saving={actions.saving}
          onSave={(edit) => void onSave(edit)}
          onRemove={() => void onRemove()}
          onCancel={close}
        />
      )}
    </div>
  )
}
