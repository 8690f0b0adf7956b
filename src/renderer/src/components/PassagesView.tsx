/**
 * The passages view (region "Passages"): every highlight in the notebook grouped by tag,
 * in codebook order, untagged last; a highlight with several tags is listed under each.
 * Each passage shows its quote, comment, and its article's title, outlet and date;
 * activating it (click, Enter or Space on the quote) opens the article at the highlight.
 * Filtering by an entity keeps the passages api.listEntityPassages names (any spelling).
 * A Cards/Table switch (remembered) shows the same filtered passages as a dense table
 * (components/passages/PassagesTableView.tsx) with multi-select actions.
 */
import { useContext, useMemo, useState, type CSSProperties } from 'react'
import type { PassageSummary } from '../../../core/api'
import type { EntitySummary } from '../../../core/api-entities'
import { api } from '../api'
import type { ArticleId, HighlightId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import { formatDate } from '../dates'
import { useApiValue } from '../hooks/useApiValue'
import { usePassages } from '../hooks/usePassages'
import type { StatusControls } from '../hooks/useStatus'
import { EMPTY_FILTER, articleOptions, filterPassages, groupByTag, isFilterEmpty, outletOptions, sortPassages, type PassageFilter } from '../passages/filter'
import { plural } from '../plural'
import { EmptyState } from './EmptyState'
import { PassageFilters } from './PassageFilters'
import { AddToClaimDialog } from './sources/AddToClaimDialog'
import { SourcingHostContext } from '../sourcing/SourcingHost'
import { passageGrade, useArticleSources } from '../sourcing/useArticleSources'
import type { ArticleSource } from '../../../core/api-sourcing'
import { PassagesTableView } from './passages/PassagesTableView'
import type { AchId } from '../../../core/ach'
import { usePassagesMode } from '../passages/usePassagesMode'

const NO_ENTITIES: EntitySummary[] = []

interface Props {
  tags: Tag[]
  reloadKey: number
  onOpenPassage(articleId: ArticleId, highlightId: HighlightId): void
  status: StatusControls
  /** After a change made from the table's actions (tags, matrix rows, briefing sections). */
  onChanged(): Promise<void> | void
  /** "Open matrix" after passages were added to one. */
  onOpenMatrix(achId: AchId): void
}

export function PassagesView({ tags, reloadKey, onOpenPassage, status, onChanged, onOpenMatrix }: Props) {
  const { passages, loaded } = usePassages(reloadKey, status.announceError)
  const [mode, setMode] = usePassagesMode()
  const [filter, setFilter] = useState<PassageFilter>(EMPTY_FILTER)

  const sorted = useMemo(() => sortPassages(passages), [passages])
  const outlets = useMemo(() => outletOptions(passages), [passages])
  const articles = useMemo(() => articleOptions(passages), [passages])
  // Tags the codebook no longer has are dropped from the filter.
  const tagIds = useMemo(() => filter.tagIds.filter((id) => tags.some((t) => t.id === id)), [filter.tagIds, tags])
  const entities = useApiValue(api.listEntities, reloadKey, status.announceError).value ?? NO_ENTITIES
  // An entity the notebook no longer has (deleted, merged, undone) is dropped from the filter too.
  const entityId = filter.entityId !== null && entities.some((e) => e.id === filter.entityId) ? filter.entityId : null
  const fetchMentioning = useMemo(() => (entityId === null ? null : () => api.listEntityPassages({ entityId })), [entityId])
  const mentioning = useApiValue(fetchMentioning, reloadKey, status.announceError)
  const mentioningSet = useMemo(() => new Set(mentioning.value ?? []), [mentioning.value])
  const effective = useMemo(() => ({ ...filter, tagIds, entityId }), [filter, tagIds, entityId])
  const matching = useMemo(() => filterPassages(sorted, effective, mentioningSet), [sorted, effective, mentioningSet])
  const groups = useMemo(() => groupByTag(matching, tags, tagIds), [matching, tags, tagIds])
  const tagsById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags])
  const sources = useArticleSources()
  // Selecting passages for a claim needs the app's sourcing host (absent in a bare component test).
  const canClaim = useContext(SourcingHostContext) !== null
  const [selected, setSelected] = useState<ReadonlySet<HighlightId>>(new Set())
  // The passages an "Add to claim" dialog is open for: the ticked cards, or the table's selection.
  const [claimFor, setClaimFor] = useState<HighlightId[] | null>(null)
  const present = useMemo(() => new Set(passages.map((p) => p.highlight.id)), [passages])
  const chosen = useMemo(() => [...selected].filter((id) => present.has(id)), [selected, present])
  const toggle = (id: HighlightId) =>
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const selection = canClaim ? { selected, toggle } : null

  const clear = () => setFilter(EMPTY_FILTER)
  const filtered = !isFilterEmpty(effective)
  const findingMentions = entityId !== null && mentioning.loading

  let body
  if (!loaded || findingMentions) body = <p className="passages-loading">{loaded ? 'Finding the passages that mention it…' : 'Loading passages…'}</p>
  else if (passages.length === 0)
    body = (
      <EmptyState title="No highlights yet" commands={[{ command: 'show-reader', label: 'Open the reader' }]}>
        <p>Select a passage in an article, give it a tag (or a comment), and it is collected here, grouped by tag, ready for a briefing.</p>
      </EmptyState>
    )
  else if (matching.length === 0)
    body = (
      <EmptyState
        title="No passages match these filters"
        actions={
          <button type="button" className="button" onClick={clear}>
            Clear filters
          </button>
        }
      >
        <p>Widen the tags, dates, entity or text to see more of the notebook’s passages.</p>
      </EmptyState>
    )
  else if (mode === 'table')
    body = <PassagesTableView passages={matching} tags={tags} status={status} onOpen={onOpenPassage} onChanged={onChanged} onOpenMatrix={onOpenMatrix} extraActions={canClaim ? [{ id: 'claim', label: 'Add to claim…', run: (ids) => setClaimFor(ids) }] : []} />
  else
    body = groups.map((group) => {
      const key = group.tag?.id ?? 'untagged'
      const headingId = `passages-group-${key}`
      return (
        <section key={key} className="passages-group" aria-labelledby={headingId}>
          <h3 id={headingId} className="passages-group-heading">
            {group.tag && <span className="tag-swatch" style={{ '--tag-color': group.tag.color } as CSSProperties} aria-hidden="true" />}
            <span className="passages-group-name" title={group.tag?.description || undefined}>
              {group.tag?.name ?? 'Untagged'}
            </span>
            <span className="pane-count">{group.passages.length}</span>
          </h3>
          <ul className="passages-list">
            {group.passages.map((p) => (
              <PassageItem key={p.highlight.id} passage={p} group={key} tagsById={tagsById} onOpen={onOpenPassage} sources={sources} selection={selection} />
            ))}
          </ul>
        </section>
      )
    })

  return (
    <section className="passages" aria-label="Passages">
      <header className="passages-header">
        <h1 className="passages-title">Passages</h1>
        {loaded && passages.length > 0 && (
          <p className="passages-count" aria-live="polite">
            {filtered ? `${plural(matching.length, 'highlight')} of ${passages.length}` : plural(passages.length, 'highlight')}
          </p>
        )}
        <div className="passages-mode" role="group" aria-label="Show passages as">
          {(['cards', 'table'] as const).map((m) => (
            <button key={m} type="button" className="button button-small" aria-pressed={mode === m} onClick={() => setMode(m)}>
              {m === 'cards' ? 'Cards' : 'Table'}
            </button>
          ))}
        </div>
      </header>
      {canClaim && chosen.length > 0 && (
        <div className="passages-selection" role="group" aria-label="Selected passages">
          <span>{plural(chosen.length, 'passage')} selected</span>
          <button type="button" className="button button-primary button-small" onClick={() => setClaimFor(chosen)}>
            Add to claim…
          </button>
          <button type="button" className="button button-small" onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        </div>
      )}
      {claimFor && <AddToClaimDialog highlightIds={claimFor} onClose={() => setClaimFor(null)} onDone={() => setSelected(new Set())} />}
      {loaded && passages.length > 0 && (
        <PassageFilters filter={effective} onChange={setFilter} onClear={clear} tags={tags} outlets={outlets} articles={articles} entities={entities} />
      )}
      <div className={mode === 'table' ? 'passages-scroll is-table' : 'passages-scroll'}>{body}</div>
    </section>
  )
}

interface ItemProps {
  passage: PassageSummary
  group: string
  tagsById: Map<string, Tag>
  onOpen(articleId: ArticleId, highlightId: HighlightId): void
  sources: ReadonlyMap<ArticleId, ArticleSource>
  /** Ticking passages for "Add to claim" (null: not offered). */
  selection: { selected: ReadonlySet<HighlightId>; toggle(id: HighlightId): void } | null
}

function PassageItem({ passage, group, tagsById, onOpen, sources, selection }: ItemProps) {
  const { highlight: h, articleTitle, outlet, published } = passage
  const metaId = `passage-${group}-${h.id}`
  const date = formatDate(published)
  const grade = passageGrade(sources, h.articleId, h.credibility)
  const otherTags = h.tagIds.flatMap((id) => (id !== group && tagsById.has(id) ? [tagsById.get(id)!] : []))
  return (
    <li className="passage-item" data-highlight-id={h.id} onClick={() => onOpen(h.articleId, h.id)}>
      {selection && (
        <input
          type="checkbox"
          className="passage-select"
          aria-label={`Select for a claim: ${h.target.exact.replace(/\s+/g, ' ').trim().slice(0, 60)}`}
          checked={selection.selected.has(h.id)}
          onClick={(e) => e.stopPropagation()}
          onChange={() => selection.toggle(h.id)}
        />
      )}
      <button type="button" className="passage-quote" dir="auto" aria-describedby={metaId}>
        “{h.target.exact.replace(/\s+/g, ' ').trim()}”
      </button>
      <div id={metaId} className="passage-meta">
        {h.comment && <p className="passage-comment" dir="auto">{h.comment}</p>}
        <p className="passage-source">
          <span className="passage-article">{articleTitle}</span>
          {outlet && <span>{outlet}</span>}
          {date && <span>{date}</span>}
          {grade && (
            <span className="grade-code" title="Source reliability and information credibility">
              {grade}
            </span>
          )}
        </p>
        {otherTags.length > 0 && (
          <p className="passage-also">
            Also tagged{' '}
            {otherTags.map((t, i) => (
              <span key={t.id}>
                {i > 0 && ', '}
                <span className="tag-swatch" style={{ '--tag-color': t.color } as CSSProperties} aria-hidden="true" /> {t.name}
              </span>
            ))}
          </p>
        )}
      </div>
    </li>
  )
}
