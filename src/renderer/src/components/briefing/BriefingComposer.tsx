/**
 * The briefing composer (region "Briefing"): the notebook's briefings on the left; for the
 * chosen one, its title block and selection, then its sections and passages as the preview
 * builds them, ready to reorder, annotate, exclude and export. Every change is saved and
 * can be undone. It is the app's one way to export a briefing: the header's "Export
 * briefing" and File > Export Briefing open it (`openRequest`), on the open briefing or,
 * when there is none, a new one; exporting one without a handling line asks first.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ArticleSummary } from '../../../../core/api'
import type { EntityId } from '../../../../core/entities'
import type { ArticleId, HighlightId } from '../../../../core/ids'
import type { Tag } from '../../../../core/model'
import { api } from '../../api'
import { useBriefings } from '../../hooks/useBriefings'
import { useExport, type Exporter } from '../../hooks/useExport'
import type { StatusControls } from '../../hooks/useStatus'
import { ConfirmDialog } from '../ConfirmDialog'
import { EmptyState } from '../EmptyState'
import { ExportDialog } from '../ExportDialog'
import type { EntityChoice } from './BriefingEntities'
import { BriefingClaims } from './BriefingClaims'
import { BriefingFields } from './BriefingFields'
import { BriefingFigures, BriefingFiguresPreview } from './BriefingFigures'
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
  /** Increases when the analyst asks to export from elsewhere: a briefing is opened, or created when there is none. */
  openRequest?: number
}

export function BriefingComposer({ tags, articles, reloadKey, status, onOpenPassage, exporter: shared, openRequest = 0 }: BriefingComposerProps) {
  const briefings = useBriefings(status, reloadKey)
  const own = useExport(status)
  const exporter = shared ?? own
  const [exportFor, setExportFor] = useState<string | null>(null)
  const [askHandling, setAskHandling] = useState<string | null>(null)
  const { doc, layout, previewError } = briefings
  const entities = useEntityChoices(reloadKey)
  const entityNames = useMemo(() => new Map(entities.map((e) => [e.id, e.name])), [entities])

  // "Export briefing" from the header or the menu: a briefing to export from, made when there is none.
  const answered = useRef(0)
  const { loaded, create } = briefings
  const count = briefings.briefings.length
  useEffect(() => {
    if (!openRequest || answered.current === openRequest || !loaded) return
    answered.current = openRequest
    if (count === 0) void create()
  }, [openRequest, loaded, count, create])

  const startExport = (id: string, handling: string) => (handling.trim() ? setExportFor(id) : setAskHandling(id))
  const addHandling = () => {
    setAskHandling(null)
    // After the dialog has closed and given focus back to Export…
    setTimeout(() => document.querySelector<HTMLInputElement>('.briefing-fields [name="handling"]')?.focus(), 0)
  }

  let main
  if (!briefings.loaded) {
    main = <p className="briefing-loading">Loading briefings…</p>
  } else if (briefings.briefings.length === 0) {
    main = (
      <EmptyState
        title="No briefings yet"
        actions={
          <button type="button" className="button button-primary" onClick={() => void briefings.create()}>
            New briefing
          </button>
        }
      >
        <p>A briefing gathers the passages you highlighted under chosen tags into numbered sections with their sources, ready to export as PDF, Markdown, CSV or W3C annotations.</p>
      </EmptyState>
    )
  } else if (!doc) {
    main = (
      <EmptyState title="No briefing open">
        <p>Choose a briefing from the list, or start a new one with New briefing.</p>
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
          <button type="button" className="button button-primary" onClick={() => startExport(doc.id, doc.handling)} disabled={exporter.exporting}>
            Export…
          </button>
        </div>
        <BriefingFields doc={doc} revision={briefings.revision} tags={tags} articles={articles} entities={entities} editor={briefings} />
        <BriefingClaims doc={doc} layout={layout} editor={briefings} />
        <div className="briefing-fields">
          <BriefingFigures doc={doc} layout={layout} sectionName={(key) => tags.find((t) => t.id === key)?.name ?? entityNames.get(key as EntityId) ?? key} editor={briefings} />
        </div>
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
        <BriefingFiguresPreview layout={layout} />
        <BriefingSections
          doc={doc}
          revision={briefings.revision}
          layout={layout}
          tags={tags}
          entityNames={entityNames}
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
        <ExportDialog
          briefingId={doc.id}
          title={doc.title}
          exporter={exporter}
          advice={(layout?.sourcing?.warnings ?? []).map((w) => w.message)}
          onClose={() => setExportFor(null)}
        />
      )}
      {doc && askHandling === doc.id && (
        <ConfirmDialog
          title="No handling line"
          message={`“${doc.title}” has no handling line (such as UNCLASSIFIED // FOR TRAINING), so its pages will carry none${doc.author.trim() ? '' : ', and it names no author'}. Export it anyway?`}
          confirmLabel="Export without one"
          cancelLabel="Add a handling line"
          onConfirm={() => {
            setAskHandling(null)
            setExportFor(doc.id)
          }}
          onCancel={addHandling}
        />
      )}
    </section>
  )
}

/** The notebook's entities for "Add section from entity…", read again when the notebook changes (none if they cannot be read). */
function useEntityChoices(reloadKey: number): EntityChoice[] {
  const [entities, setEntities] = useState<EntityChoice[]>([])
  useEffect(() => {
    let live = true
    void api.listEntities().then((result) => {
      if (live && result.ok) setEntities(result.value)
    })
    return () => {
      live = false
    }
  }, [reloadKey])
  return entities
}
