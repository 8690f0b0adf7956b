/**
 * The briefing composer (region "Briefing"): the notebook's briefings on the left; for the
 * chosen one, its title block and selection, then its sections and passages as the preview
 * builds them, ready to reorder, annotate, exclude and export. Every change is saved and
 * can be undone.
 */
import { useState } from 'react'
import type { ArticleSummary } from '../../../../core/api'
import type { ArticleId, HighlightId } from '../../../../core/ids'
import type { Tag } from '../../../../core/model'
import { useBriefings } from '../../hooks/useBriefings'
import { useExport, type Exporter } from '../../hooks/useExport'
import type { StatusControls } from '../../hooks/useStatus'
import { EmptyState } from '../EmptyState'
import { ExportDialog } from '../ExportDialog'
import { BriefingFields } from './BriefingFields'
import { BriefingList } from './BriefingList'
import { BriefingSections } from './BriefingSections'

export interface BriefingComposerProps {
  tags: Tag[]
  articles: ArticleSummary[]
  /** Increase to reload (the notebook's tags, articles or highlights changed). */
  reloadKey: number
  status: StatusControls
  onOpenPassage(articleId: ArticleId, highlightId: HighlightId): void
  /** The app's exporter, so the menu and this composer share one export; a private one when omitted. */
  exporter?: Exporter
}

export function BriefingComposer({ tags, articles, reloadKey, status, onOpenPassage, exporter: shared }: BriefingComposerProps) {
  const briefings = useBriefings(status, reloadKey)
  const own = useExport(status)
  const exporter = shared ?? own
  const [exportFor, setExportFor] = useState<string | null>(null)
  const { doc, layout, previewError } = briefings

  let main
  if (!briefings.loaded) {
    main = <p className="briefing-loading">Loading briefings…</p>
  } else if (briefings.briefings.length === 0) {
    main = (
      <EmptyState title="No briefings yet">
        <p>A briefing gathers the passages you highlighted under chosen tags into numbered sections with their sources, ready to export as PDF, Markdown, CSV or W3C annotations.</p>
        <button type="button" className="button button-primary" onClick={() => void briefings.create()}>
          New briefing
        </button>
      </EmptyState>
    )
  } else if (!doc) {
    main = (
      <EmptyState title="No briefing open">
        <p>Choose a briefing from the list, or start a new one.</p>
      </EmptyState>
    )
  } else {
    const warnings = layout?.warnings ?? []
    main = (
      <>
        <div className="briefing-toolbar">
          <h2>{doc.title}</h2>
          {layout && (
            <span className="briefing-counts">
              {layout.passageCount} {layout.passageCount === 1 ? 'passage' : 'passages'} from {layout.sources.length}{' '}
              {layout.sources.length === 1 ? 'source' : 'sources'}
            </span>
          )}
          <button type="button" className="button button-primary" onClick={() => setExportFor(doc.id)} disabled={exporter.exporting}>
            Export…
          </button>
        </div>
        <BriefingFields doc={doc} revision={briefings.revision} tags={tags} articles={articles} editor={briefings} />
        {warnings.length > 0 && (
          <div className="briefing-notice" role="note" aria-label="Briefing warnings">
            <ul>
              {warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          </div>
        )}
        {previewError && (
          <div className="briefing-notice briefing-empty" role="note" aria-label="No passages">
            <p>{previewError.message}</p>
            {previewError.code === 'empty-selection' && (
              <p>
                Passages come from highlights tagged with the selected tags. Tick the tags whose passages belong here, widen the articles or
                dates, or highlight and tag passages in the reader.
              </p>
            )}
          </div>
        )}
        <BriefingSections
          doc={doc}
          revision={briefings.revision}
          layout={layout}
          tags={tags}
          cards={briefings.cards}
          editor={briefings}
          onOpenPassage={onOpenPassage}
        />
      </>
    )
  }

  return (
    <section className="briefing" aria-label="Briefing">
      <BriefingList
        briefings={briefings.briefings}
        selectedId={briefings.selectedId}
        onSelect={briefings.select}
        onCreate={() => void briefings.create()}
        onDelete={(id) => void briefings.remove(id)}
      />
      <div className="briefing-main">{main}</div>
      {doc && exportFor === doc.id && (
        <ExportDialog briefingId={doc.id} title={doc.title} exporter={exporter} onClose={() => setExportFor(null)} />
      )}
    </section>
  )
}
