/**
 * The article text as paragraphs with highlights drawn in. Each paragraph is a
 * `<p data-start>` whose text content is exactly its slice of the stored text (the
 * selection-offset code relies on this: never put other text inside a paragraph).
 * Highlighted runs are `<mark data-highlight-ids="h-1 h-2">`.
 */
import { Fragment, memo, type Ref } from 'react'
import type { HighlightId } from '../../../core/ids'
import { markStyle, type LaidOutParagraph } from '../highlight-layout'

interface Props {
  text: string
  paragraphs: LaidOutParagraph[]
  colorsById: ReadonlyMap<HighlightId, string[]>
  /** Tooltip per highlight: its tags and comment. */
  labelsById: ReadonlyMap<HighlightId, string>
  activeId: HighlightId | null
  ref?: Ref<HTMLDivElement>
}

export const ArticleBody = memo(function ArticleBody({ text, paragraphs, colorsById, labelsById, activeId, ref }: Props) {
  return (
    <div className="article-body" ref={ref}>
      {paragraphs.map((p) => (
        <p key={p.start} data-start={p.start}>
          {p.segments.map((seg) => {
            const chunk = text.slice(seg.start, seg.end)
            if (seg.highlightIds.length === 0) return <Fragment key={seg.start}>{chunk}</Fragment>
            const active = activeId !== null && seg.highlightIds.includes(activeId)
            return (
              <mark
                key={seg.start}
                data-highlight-ids={seg.highlightIds.join(' ')}
                className={active ? 'hl-mark is-active' : 'hl-mark'}
                style={markStyle(seg.highlightIds, colorsById)}
                title={seg.highlightIds.map((id) => labelsById.get(id) ?? '').filter(Boolean).join('\n') || undefined}
              >
                {chunk}
              </mark>
            )
          })}
        </p>
      ))}
    </div>
  )
})
