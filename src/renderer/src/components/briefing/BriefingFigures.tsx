/**
 * The composer's figures and ACH matrices (issues 15 and 16): the briefing's figures
 * (timeline, map; for the whole briefing or a section) with a Remove button each, "Add
 * figure…" (a timeline or a map, for the whole briefing or one of its sections), the
 * matrices it prints with Remove, and "Add ACH matrix…" (the notebook's matrices, which
 * main lists in the preview it builds: `layout.achChoices`). Each change is one undoable
 * edit (the core's operations, src/core/briefing-figures.ts).
 *
 * Below, the preview of what main drew: each figure as its SVG (an image with the
 * figure's alt text) and caption, each matrix's ranking and what its lead hinges on.
 */
import { formatScore } from '../../../../core/ach/export'
import { sectionKey, type BriefingDocument } from '../../../../core/briefing-document'
import { addBriefingMatrix, addFigure, removeBriefingMatrix, removeFigure, type BriefingFigureSpec, type FigureKind } from '../../../../core/briefing-figures'
import type { BriefingLayout } from '../../../../core/briefing-types'
import type { Briefings } from '../../hooks/useBriefings'

export interface BriefingFiguresProps {
  doc: BriefingDocument
  layout: BriefingLayout | null
  /** A section's name by its key (tag or entity id). */
  sectionName: (key: string) => string
  editor: Pick<Briefings, 'edit'>
}

export const ADD_FIGURE_LABEL = 'Add figure…'
export const ADD_MATRIX_LABEL = 'Add ACH matrix…'
const KIND_NAMES: Record<FigureKind, string> = { timeline: 'Timeline', map: 'Map' }

export function BriefingFigures({ doc, layout, sectionName, editor }: BriefingFiguresProps) {
  const figures = doc.figures ?? []
  const matrices = doc.achMatrices ?? []
  const choices = layout?.achChoices ?? []
  const questions = new Map(choices.map((c) => [c.id as string, c.question]))
  const available = choices.filter((c) => !matrices.includes(c.id))
  const keys = doc.sections.map(sectionKey)
  const where = (f: BriefingFigureSpec) => (f.section === undefined ? 'whole briefing' : sectionName(f.section))
  return (
    <fieldset className="briefing-tags briefing-figures">
      <legend>Figures and analysis</legend>
      {figures.length === 0 && matrices.length === 0 && <p className="briefing-hint">No figures yet: add a timeline of the passages by event date, a map of the places they name, or an ACH matrix.</p>}
      {figures.length > 0 && (
        <ul className="briefing-figure-list" aria-label="Figures">
          {figures.map((f) => (
            <li key={f.id}>
              <span>
                {f.id} {KIND_NAMES[f.kind]} ({where(f)})
              </span>
              <button type="button" className="button button-small" aria-label={`Remove figure ${f.id} (${KIND_NAMES[f.kind].toLowerCase()}, ${where(f)})`} onClick={() => editor.edit(`remove figure ${f.id}`, (d) => removeFigure(d, f.id))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <select
        aria-label={ADD_FIGURE_LABEL}
        value=""
        onChange={(e) => {
          const [kind, section] = e.target.value.split('|') as [FigureKind, string]
          if (!kind) return
          editor.edit(`add ${kind}`, (d) => addFigure(d, section ? { kind, section: section as BriefingFigureSpec['section'] } : { kind }))
        }}
      >
        <option value="">{ADD_FIGURE_LABEL}</option>
        <optgroup label="Whole briefing">
          <option value="timeline|">Timeline of the whole briefing</option>
          <option value="map|">Map of the whole briefing</option>
        </optgroup>
        {keys.length > 0 && (
          <optgroup label="A section">
            {keys.flatMap((key) => [
              <option key={`t-${key}`} value={`timeline|${key}`}>
                Timeline of {sectionName(key)}
              </option>,
              <option key={`m-${key}`} value={`map|${key}`}>
                Map of {sectionName(key)}
              </option>,
            ])}
          </optgroup>
        )}
      </select>
      {matrices.length > 0 && (
        <ul className="briefing-figure-list" aria-label="ACH matrices">
          {matrices.map((id) => (
            <li key={id}>
              <span>ACH: {questions.get(id) ?? `${id} (not in the notebook)`}</span>
              <button type="button" className="button button-small" aria-label={`Remove ACH matrix ${questions.get(id) ?? id}`} onClick={() => editor.edit('remove ACH matrix', (d) => removeBriefingMatrix(d, id))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <select
        aria-label={ADD_MATRIX_LABEL}
        value=""
        disabled={available.length === 0}
        onChange={(e) => {
          const choice = available.find((c) => c.id === e.target.value)
          if (choice) editor.edit('add ACH matrix', (d) => addBriefingMatrix(d, choice.id))
        }}
      >
        <option value="">{choices.length === 0 ? 'No ACH matrices in this notebook' : ADD_MATRIX_LABEL}</option>
        {available.map((c) => (
          <option key={c.id} value={c.id}>
            {c.question} ({c.hypothesisCount} hypotheses, {c.evidenceCount} rows)
          </option>
        ))}
      </select>
    </fieldset>
  )
}

/** What main drew: the figures (SVG images with their alt text and captions) and the matrices' conclusions. */
export function BriefingFiguresPreview({ layout }: { layout: BriefingLayout | null }) {
  const figures = layout?.figures ?? []
  const analyses = layout?.analyses ?? []
  if (figures.length === 0 && analyses.length === 0) return null
  return (
    <section className="briefing-figures-preview" aria-label="Figures and analysis preview">
      {figures.map((f) => (
        <figure key={f.id} className="briefing-figure">
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(f.svg)}`} alt={f.alt} />
          <figcaption>
            <strong>Figure {f.number}.</strong> {f.caption}
            {f.sectionNumber !== null && <> (printed at the end of §{f.sectionNumber})</>}
          </figcaption>
        </figure>
      ))}
      {analyses.map((a) => {
        const { matrix, scores } = a.report
        const text = new Map(matrix.hypotheses.map((h) => [h.id as string, h.text]))
        return (
          <div key={matrix.id} className="briefing-analysis">
            <h3>
              Matrix {a.number}. {matrix.question}
            </h3>
            <p>
              {scores.leaders.length === 0 ? 'No hypotheses yet.' : `${scores.leaders.length === 1 ? 'Leading' : 'Tied for the lead'}: ${scores.leaders.map((id) => `${id} ${text.get(id) ?? ''}`).join(' and ')}.`}{' '}
              {scores.sensitiveRows.length > 0 ? `The lead hinges on ${scores.sensitiveRows.join(', ')}.` : 'No single row changes the lead.'}
            </p>
            {matrix.hypotheses.length > 0 && (
              <table className="briefing-analysis-table">
                <thead>
                  <tr>
                    <th scope="col">Rank</th>
                    <th scope="col">Hypothesis</th>
                    <th scope="col">Weighted inconsistency</th>
                  </tr>
                </thead>
                <tbody>
                  {scores.ranking.map((id) => {
                    const h = scores.hypotheses.find((x) => x.id === id)!
                    return (
                      <tr key={id}>
                        <td>{h.rank}</td>
                        <td>
                          {id} {h.text}
                        </td>
                        <td>{formatScore(h.inconsistency)}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            )}
          </div>
        )
      })}
    </section>
  )
}
