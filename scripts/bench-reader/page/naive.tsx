/**
 * The old way, for comparison: the text split into <mark> segments wherever highlights
 * start or end (core/highlight-segments.ts), each segment painted with an inline style.
 */
import type { CSSProperties } from 'react'
import { segmentRange, type Span } from '../../../src/core/highlight-segments'
import type { Highlight, Tag } from '../../../src/core/model'
import { splitParagraphs } from '../../../src/core/text'

interface Props {
  text: string
  highlights: readonly Highlight[]
  tags: readonly Tag[]
}

export function NaiveReader({ text, highlights, tags }: Props) {
  const colors = new Map(tags.map((t) => [t.id, t.color]))
  const colorOf = new Map(highlights.map((h) => [h.id, colors.get(h.tagIds[0]!) ?? '#888888']))
  const spans: Span[] = highlights.map((h) => ({ id: h.id, start: h.target.start, end: h.target.end }))
  return (
    <div className="reader-scroll">
      <article className="article">
        <div className="article-body">
          {splitParagraphs(text).map((p) => (
            <p key={p.start} data-start={p.start}>
              {segmentRange(p.start, p.end, spans).map((seg) => {
                const chunk = text.slice(seg.start, seg.end)
                if (seg.highlightIds.length === 0) return chunk
                const style: CSSProperties = { backgroundColor: `color-mix(in srgb, ${colorOf.get(seg.highlightIds[0]!)} 30%, transparent)` }
                if (seg.highlightIds.length > 1) style.boxShadow = `inset 0 -3px 0 ${colorOf.get(seg.highlightIds[1]!)}`
                return (
                  <mark key={seg.start} data-highlight-ids={seg.highlightIds.join(' ')} style={style}>
                    {chunk}
                  </mark>
                )
              })}
            </p>
          ))}
        </div>
      </article>
    </div>
  )
}
