/**
 * What hovering (or focusing) a timeline mark shows: the quote, its source, its date and
 * where the date came from (an article: its title, outlet, publication date and passages);
 * for a column, its count and its first quotes (titles).
 */
import { isTimelinePassage, type TimelineItem, type TimelineSource } from '../../../../core/api-timeline'
import type { TimelineMark } from '../../../../core/timeline/layout'
import { describePeriod } from '../../../../core/timeline/timeline-svg'
import { excerpt } from '../../article-format'
import { formatDate } from '../../dates'
import { plural } from '../../plural'

interface Props {
  mark: TimelineMark<TimelineItem>
  sources: ReadonlyMap<string, TimelineSource>
  mode: 'event' | 'published'
  x: number
  y: number
  /** Width of the chart: the tip flips left near the right edge. */
  width: number
}

function sourceLine(source: TimelineSource | undefined): string {
  if (!source) return ''
  return [source.title, source.outlet, source.published ? formatDate(source.published) : null].filter(Boolean).join(' · ')
}

export function MarkTooltip({ mark, sources, mode, x, y, width }: Props) {
  const style = { left: x > width - 340 ? Math.max(0, x - 330) : x + 12, top: y + 14 }
  if (mark.kind === 'bin') {
    const first = mark.passages[0]!
    const last = mark.passages.at(-1)!
    return (
      <div className="timeline-tip" style={style} role="status">
        <p className="timeline-tip-when">
          {plural(mark.passages.length, mode === 'published' ? 'article' : 'passage')}, {describePeriod({ start: first.start, end: last.end, precision: 'day' })}
          {mark.approximate && ' (some approximate)'}
        </p>
        <ul className="timeline-tip-quotes">
          {mark.passages.slice(0, 3).map((p) =>
            isTimelinePassage(p) ? (
              <li key={p.highlightId} dir="auto">
                “{excerpt(p.quote, 90)}” <span className="timeline-tip-source">{sources.get(p.articleId)?.title}</span>
              </li>
            ) : (
              <li key={p.articleId} dir="auto">
                {excerpt(p.title, 90)} <span className="timeline-tip-source">{p.outlet}</span>
              </li>
            ),
          )}
        </ul>
        <p className="timeline-tip-hint">Click (or Enter) to zoom in.</p>
      </div>
    )
  }
  const p = mark.passages[0]!
  if (!isTimelinePassage(p))
    return (
      <div className="timeline-tip" style={style} role="status">
        <p className="timeline-tip-when">
          {describePeriod(p)} <span className="timeline-tip-origin">(published)</span>
        </p>
        <p className="timeline-tip-quote" dir="auto">
          {excerpt(p.title, 220)}
        </p>
        <p className="timeline-tip-source">{[p.outlet ?? 'No outlet', plural(p.passageCount, 'passage')].join(' · ')}</p>
        <p className="timeline-tip-hint">Click (or Enter) to open it in the reader.</p>
      </div>
    )
  const origin = p.dateSource === 'analyst' ? 'set by you' : p.decided ? `accepted from “${p.phrase ?? ''}”` : `suggested from “${p.phrase ?? ''}”`
  return (
    <div className="timeline-tip" style={style} role="status">
      <p className="timeline-tip-when">
        {describePeriod(p)} <span className="timeline-tip-origin">({origin})</span>
      </p>
      <p className="timeline-tip-quote" dir="auto">
        “{excerpt(p.quote, 220)}”
      </p>
      <p className="timeline-tip-source">{sourceLine(sources.get(p.articleId))}</p>
      <p className="timeline-tip-hint">Click (or Enter) to open it in the reader.</p>
    </div>
  )
}
