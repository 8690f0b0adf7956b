/**
 * The reader: one article (role "article", named by its title) with its highlights drawn
 * in, and the highlight toolbar. Selecting text opens the toolbar for a new highlight;
 * clicking a highlight opens it for editing; clicking plain text closes it.
 * Exposes `reveal` (scroll to and flash a highlight) and `edit` to the side panel.
 */
import { useCallback, useImperativeHandle, useMemo, useRef, useState, type MouseEvent, type Ref } from 'react'
import type { ArticleView } from '../../../core/api'
import type { HighlightId, TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import { highlightColors, layoutArticle, pickInnermost } from '../highlight-layout'
import type { HighlightActions, HighlightEdit } from '../hooks/useHighlightActions'
import { usePendingHighlight } from '../hooks/usePendingHighlight'
import { useReaderSelection, type ReaderSelection } from '../hooks/useReaderSelection'
import { findMarks, flashMarks } from '../mark-dom'
import { ArticleBody } from './ArticleBody'
import { ArticleHeader } from './ArticleHeader'
import { HighlightToolbar, type ToolbarAnchor } from './HighlightToolbar'

export interface ReaderHandle {
  reveal(highlightId: HighlightId): void
  edit(highlightId: HighlightId): void
}

type Draft =
  | { mode: 'create'; start: number; end: number; range: Range; anchor: ToolbarAnchor }
  | { mode: 'edit'; highlightId: HighlightId; anchor: ToolbarAnchor }

interface Props {
  view: ArticleView
  tags: Tag[]
  actions: HighlightActions
  ref?: Ref<ReaderHandle>
}

const TOOLBAR_GAP = 8
const EMPTY_EDIT: HighlightEdit = { tagIds: [], comment: '' }

/** Where the toolbar goes for a box on screen, in the scroll container's content coordinates. */
function anchorBelow(container: HTMLElement, rect: DOMRect): ToolbarAnchor {
  const box = container.getBoundingClientRect()
  return {
    top: rect.bottom - box.top + container.scrollTop + TOOLBAR_GAP,
    left: rect.left - box.left + container.scrollLeft,
  }
}

export function ArticleReader({ view, tags, actions, ref }: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const body = useRef<HTMLDivElement>(null)
  const articleEl = useRef<HTMLElement>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const { article, text, highlights } = view
  const titleId = `reader-title-${article.id}`

  const layout = useMemo(() => layoutArticle(text, highlights), [text, highlights])
  const tagsById = useMemo(() => new Map<TagId, Tag>(tags.map((t) => [t.id, t])), [tags])
  const byId = useMemo(() => new Map(highlights.map((h) => [h.id, h])), [highlights])
  const colorsById = useMemo(
    () => new Map(highlights.map((h) => [h.id, highlightColors(h, tagsById)])),
    [highlights, tagsById],
  )
  const labelsById = useMemo(
    () =>
      new Map(
        highlights.map((h) => {
          const names = h.tagIds.map((id) => tagsById.get(id)?.name ?? id).join(', ')
          return [h.id, [names, h.comment].filter(Boolean).join(' — ')]
        }),
      ),
    [highlights, tagsById],
  )

  usePendingHighlight(draft?.mode === 'create' ? draft.range : null)

  const onSelection = useCallback((sel: ReaderSelection) => {
    const container = scroller.current
    if (!container) return
    setDraft((current) =>
      current?.mode === 'create' && current.start === sel.start && current.end === sel.end
        ? current
        : { mode: 'create', start: sel.start, end: sel.end, range: sel.range, anchor: anchorBelow(container, sel.rect) },
    )
  }, [])
  useReaderSelection(body, text, onSelection)

  const openEditor = useCallback((highlightId: HighlightId) => {
    const container = scroller.current
    const mark = body.current ? findMarks(body.current, highlightId)[0] : undefined
    if (!container || !mark) return
    setDraft({ mode: 'edit', highlightId, anchor: anchorBelow(container, mark.getBoundingClientRect()) })
  }, [])

  const close = useCallback(() => {
    setDraft(null)
    document.getSelection()?.removeAllRanges()
    articleEl.current?.focus({ preventScroll: true })
  }, [])

  useImperativeHandle(
    ref,
    () => ({
      reveal: (id) => {
        if (body.current) flashMarks(body.current, id)
      },
      edit: (id) => {
        if (body.current) flashMarks(body.current, id)
        openEditor(id)
      },
    }),
    [openEditor],
  )

  const onBodyClick = (e: MouseEvent<HTMLDivElement>) => {
    const selection = document.getSelection()
    if (selection && !selection.isCollapsed) return // a drag-selection, handled by useReaderSelection
    const mark = e.target instanceof Element ? e.target.closest('mark[data-highlight-ids]') : null
    const ids = (mark?.getAttribute('data-highlight-ids') ?? '').split(' ').filter(Boolean) as HighlightId[]
    const picked = pickInnermost(ids, byId)
    if (picked) openEditor(picked)
    else if (draft) setDraft(null)
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

  const editing = draft?.mode === 'edit' ? byId.get(draft.highlightId) : undefined
  const initial = editing ? { tagIds: editing.tagIds, comment: editing.comment } : EMPTY_EDIT

  return (
    <div className="reader-scroll" ref={scroller}>
      <article className="article" aria-labelledby={titleId} ref={articleEl} tabIndex={-1}>
        <ArticleHeader article={article} titleId={titleId} />
        {/* Clicks pick highlights for mouse users; keyboard users edit from the side panel. */}
        <div onClick={onBodyClick}>
          <ArticleBody
            ref={body}
            text={text}
            paragraphs={layout.paragraphs}
            colorsById={colorsById}
            labelsById={labelsById}
            activeId={editing?.id ?? null}
          />
        </div>
        {layout.paragraphs.length === 0 && <p className="article-empty-text">This article has no text.</p>}
      </article>
      {draft && (
        <HighlightToolbar
          key={draft.mode === 'edit' ? draft.highlightId : 'new'}
          mode={draft.mode}
          tags={tags}
          initial={initial}
          anchor={draft.anchor}
          saving={actions.saving}
          onSave={(edit) => void onSave(edit)}
          onRemove={() => void onRemove()}
          onCancel={close}
        />
      )}
    </div>
  )
}
