/**
 * An ACH matrix's scores: the hypotheses ranked (least weighted inconsistency first, ties
 * sharing a rank), each with its score as a number and a bar, and the conclusion in
 * words: the leader(s), and the rows the lead hinges on (sensitive rows).
 */
import { formatScore } from '../../../../core/ach'
import type { AchView } from '../../../../core/api-ach'

export function AchScores({ view }: { view: AchView }) {
  const { scores, matrix } = view
  if (matrix.hypotheses.length === 0) return null
  const max = Math.max(1, ...scores.hypotheses.map((h) => h.inconsistency))
  const byId = new Map(scores.hypotheses.map((h) => [h.id, h]))
  const ranked = scores.ranking.map((id) => byId.get(id)!)
  const sensitive = scores.rows.filter((r) => r.sensitive)
  const rated = matrix.evidence.some((r) => Object.keys(r.ratings).length > 0)
  return (
    <section className="ach-scores" aria-labelledby="ach-scores-title">
      <h3 id="ach-scores-title" className="ach-section-title">
        Scores <span className="ach-hint">(weighted inconsistency: lower is better)</span>
      </h3>
      <ol className="ach-ranking">
        {ranked.map((h) => (
          <li key={h.id} className={h.rank === 1 ? 'is-leader' : undefined}>
            <span className="ach-rank">#{h.rank}</span>
            <span className="ach-rank-text">
              <span className="ach-id">{h.id}</span> {h.text}
            </span>
            <span className="ach-bar" aria-hidden="true">
              <span className="ach-bar-fill" style={{ width: `${(h.inconsistency / max) * 100}%` }} />
            </span>
            <span className="ach-score">{formatScore(h.inconsistency)}</span>
          </li>
        ))}
      </ol>
      {rated && (
        <p className="ach-conclusion" aria-live="polite">
          {scores.leaders.length === 1 ? `Leading: ${scores.leaders[0]}.` : `Tied for the lead: ${scores.leaders.join(', ')}.`}{' '}
          {sensitive.length === 0
            ? 'No single row changes the lead.'
            : `Sensitive rows (removing one alone changes the lead): ${sensitive.map((r) => `${r.id} (then ${r.leadersWithout.join(', ') || 'none'})`).join('; ')}.`}
        </p>
      )}
    </section>
  )
}
