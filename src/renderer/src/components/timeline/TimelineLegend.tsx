/**
 * The timeline's legend: how a day, a range, an approximate date and a dense column are
 * drawn (shape and hatching, not colour), and how many passages (articles, by publication
 * date) have no date, and why.
 */
import type { TimelineData } from '../../../../core/api-timeline'
import { NO_PUBLICATION_DATE } from '../../../../core/timeline/articles'
import { plural } from '../../plural'

interface Props {
  count: number
  undated: TimelineData['undated']
  mode: 'event' | 'published'
}

export function TimelineLegend({ count, undated, mode }: Props) {
  // "2 articles without a publication date (it has no publication date)" says it twice: only a reason that adds something is shown.
  const reason = undated.reasons.find((r) => r.reason !== NO_PUBLICATION_DATE || mode === 'event')
  const noun = mode === 'published' ? 'article' : 'passage'
  return (
    <div className="timeline-legend">
      <ul className="timeline-legend-keys" aria-label="Legend">
        <li>
          <svg width={14} height={14} aria-hidden="true">
            <circle cx={7} cy={7} r={5} className="legend-exact" />
          </svg>
          {mode === 'published' ? 'an article, on its publication day' : 'a day'}
        </li>
        {mode === 'event' && (
          <>
            <li>
              <svg width={26} height={14} aria-hidden="true">
                <rect x={1} y={3} width={24} height={8} rx={2} className="legend-exact" />
              </svg>
              a range or a month
            </li>
            <li>
              <svg width={26} height={14} aria-hidden="true">
                <defs>
                  <pattern id="legend-hatch" patternUnits="userSpaceOnUse" width={5} height={5} patternTransform="rotate(45)">
                    <line x1={0} y1={0} x2={0} y2={5} className="legend-hatch-line" strokeWidth={2.5} />
                  </pattern>
                </defs>
                <rect x={1} y={3} width={24} height={8} rx={2} fill="url(#legend-hatch)" className="legend-approximate" />
              </svg>
              approximate (hatched, dashed edge)
            </li>
          </>
        )}
        <li>
          <svg width={18} height={14} aria-hidden="true">
            <rect x={1} y={1} width={16} height={12} rx={2} className="legend-bin" />
          </svg>
          a column of {mode === 'published' ? 'articles' : 'passages'} with its count (click to zoom in)
        </li>
      </ul>
      <p className="timeline-legend-count">
        {plural(count, noun)} placed
        {undated.count > 0 && (
          <>
            ; {plural(undated.count, noun)} without {mode === 'event' ? 'an event date' : 'a publication date'}
            {reason && ` (${reason.count === undated.count ? '' : reason === undated.reasons[0] ? 'most: ' : 'some: '}${reason.reason})`}
          </>
        )}
      </p>
    </div>
  )
}
