/**
 * The briefing's title block fields (title, author, date, handling line, key judgments) and
 * its selection: which tags and entities make sections (./BriefingEntities), which
 * articles, the publication date range, and how a passage with several selected tags is shown.
 */
import type { CSSProperties } from 'react'
import type { ArticleSummary } from '../../../../core/api'
import {
  addSection,
  removeSection,
  setUntagged,
  setArticleFilter,
  setDateRange,
  updateBriefingFields,
  type BriefingDocument,
  type BriefingFields as Fields,
  type MultiTagMode,
} from '../../../../core/briefing-document'
import type { ArticleId } from '../../../../core/ids'
import type { Tag } from '../../../../core/model'
import type { Briefings } from '../../hooks/useBriefings'
import { BriefingEntities, type EntityChoice } from './BriefingEntities'
import { DateField } from './DateField'
import { DraftField } from './DraftField'

export interface BriefingFieldsProps {
  doc: BriefingDocument
  revision: number
  tags: Tag[]
  articles: ArticleSummary[]
  /** The notebook's entities, for sections of entities (none: no entity controls' choices). */
  entities?: readonly EntityChoice[]
  editor: Pick<Briefings, 'edit' | 'flush'>
}

const MULTI_TAG_LABELS: Record<MultiTagMode, string> = {
  repeat: 'Repeat passage in each section',
  'cross-reference': 'Once, with cross-references',
}

export function BriefingFields({ doc, revision, tags, articles, entities = [], editor }: BriefingFieldsProps) {
  const { edit, flush } = editor
  const text = (field: keyof Fields, label: string) => (value: string) =>
    edit(`edit ${label}`, (d) => updateBriefingFields(d, { [field]: value }), { debounce: true })
  const { selection } = doc
  const allArticles = selection.articleIds === null

  return (
    <div className="briefing-fields" key={`${doc.id}:${revision}`}>
      <fieldset className="briefing-title-block">
        <legend>Title block</legend>
        <DraftField label="Title" name="title" className="briefing-field briefing-field-wide" initial={doc.title} onChange={text('title', 'title')} onCommit={flush} />
        <DraftField label="Author" initial={doc.author} onChange={text('author', 'author')} onCommit={flush} />
        <DateField
          label="Date"
          initial={doc.date}
          onChange={(date) => {
            if (date) edit('edit date', (d) => updateBriefingFields(d, { date }), { debounce: true })
          }}
          onCommit={flush}
        />
        <DraftField
          label="Handling line"
          name="handling"
          className="briefing-field briefing-field-wide"
          initial={doc.handling}
          placeholder="e.g. UNCLASSIFIED // FOR TRAINING"
          onChange={text('handling', 'handling line')}
          onCommit={flush}
        />
        <DraftField
          label="Key judgments"
          className="briefing-field briefing-field-wide"
          multiline
          rows={4}
          initial={doc.keyJudgments}
          onChange={text('keyJudgments', 'key judgments')}
          onCommit={flush}
        />
      </fieldset>

      <fieldset className="briefing-selection">
        <legend>What goes in</legend>
        <fieldset className="briefing-tags">
          <legend>Sections (tags)</legend>
          {tags.length === 0 && <p className="briefing-hint">The notebook has no tags yet: tag highlights to make sections.</p>}
          {tags.map((tag) => (
            <label key={tag.id} className="briefing-tag-option" style={{ '--tag-color': tag.color } as CSSProperties}>
              <input
                type="checkbox"
                checked={selection.tagIds.includes(tag.id)}
                onChange={(e) =>
                  edit(e.target.checked ? `add section ${tag.name}` : `remove section ${tag.name}`, (d) =>
                    e.target.checked ? addSection(d, tag.id) : removeSection(d, tag.id),
                  )
                }
              />
              <span className="tag-swatch" aria-hidden="true" />
              {tag.name}
            </label>
          ))}
          <label className="briefing-tag-option briefing-untagged-option">
            <input
              type="checkbox"
              checked={selection.untagged === true}
              onChange={(e) => edit(e.target.checked ? 'add untagged passages' : 'remove untagged passages', (d) => setUntagged(d, e.target.checked))}
            />
            Untagged passages (a comment, no tag)
          </label>
        </fieldset>
        <BriefingEntities doc={doc} entities={entities} editor={editor} />

        <fieldset className="briefing-articles">
          <legend>Articles</legend>
          <label>
            <input
              type="checkbox"
              checked={allArticles}
              onChange={(e) =>
                edit('choose articles', (d) => setArticleFilter(d, e.target.checked ? null : articles.map((a) => a.id)))
              }
            />
            All articles
          </label>
          {!allArticles && (
            <select
              multiple
              size={Math.min(8, Math.max(3, articles.length))}
              aria-label="Articles in the briefing"
              value={selection.articleIds ?? []}
              onChange={(e) => {
                const ids = Array.from(e.target.selectedOptions, (o) => o.value as ArticleId)
                edit('choose articles', (d) => setArticleFilter(d, ids))
              }}
            >
              {articles.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                  {a.outlet ? ` (${a.outlet})` : ''}
                </option>
              ))}
            </select>
          )}
        </fieldset>

        <fieldset className="briefing-dates">
          <legend>Published</legend>
          <DateField
            label="From"
            inline
            allowEmpty
            initial={selection.from ?? ''}
            onChange={(from) => edit('change date range', (d) => setDateRange(d, from, d.selection.to), { debounce: true })}
            onCommit={flush}
          />
          <DateField
            label="To"
            inline
            allowEmpty
            initial={selection.to ?? ''}
            onChange={(to) => edit('change date range', (d) => setDateRange(d, d.selection.from, to), { debounce: true })}
            onCommit={flush}
          />
        </fieldset>

        <fieldset className="briefing-multitag">
          <legend>A passage with several of these tags</legend>
          {(Object.keys(MULTI_TAG_LABELS) as MultiTagMode[]).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name={`multitag-${doc.id}`}
                value={mode}
                checked={doc.multiTag === mode}
                onChange={() => edit('change multi-tag layout', (d) => updateBriefingFields(d, { multiTag: mode }))}
              />
              {MULTI_TAG_LABELS[mode]}
            </label>
          ))}
        </fieldset>
      </fieldset>
    </div>
  )
}
