/**
 * The suggestions queue (region "Suggestions"): spellings in the notebook that look like a
 * known entity's (add as an alias) or like each other (make one entity of them), each with
 * its evidence: how often and in how many articles, the rules that explain the difference,
 * and up to three lines it appears on with their article. Accept (a pair first asks the
 * new entity's type) and Reject are undoable; a rejected suggestion is never proposed
 * again. Suggestions are computed from every article's text, which takes a while on a big
 * notebook: the list shows that it is working (aria-busy) and keeps the previous answer.
 */
import { useId, useState } from 'react'
import { ENTITY_TYPES, type Entity, type EntityType, type VariantSuggestion } from '../../../../core/entities'
import type { ArticleId } from '../../../../core/ids'
import { api } from '../../api'
import { TYPE_LABELS } from '../../entities/entity-list'
import type { EntityActions } from '../../entities/useEntityActions'
import { plural } from '../../plural'

interface Props {
  suggestions: VariantSuggestion[] | undefined
  loading: boolean
  /** Articles in the notebook: without any there is nothing to suggest from. */
  articleCount: number
  titles: ReadonlyMap<ArticleId, string>
  actions: EntityActions
  onRefresh(): void
}

/** The one line a suggestion is named by: "Hmeimeem → Khmeimim Air Base", "Jolani ~ Julani". */
export function suggestionTitle(s: VariantSuggestion): string {
  return s.kind === 'alias' ? `${s.name.text} → ${s.entityName}` : `${s.name.text} ~ ${s.other.text}`
}

export function SuggestionsPanel({ suggestions, loading, articleCount, titles, actions, onRefresh }: Props) {
  const headingId = useId()
  let body
  if (suggestions === undefined) body = <p className="entity-suggestions-note">{loading ? 'Looking for spelling variants in the articles…' : 'Suggestions could not be computed.'}</p>
  else if (suggestions.length === 0)
    body = (
      <p className="entity-suggestions-note">
        {articleCount === 0
          ? 'Suggestions come from the names in your articles: import some first.'
          : 'No suggestions: no unknown spelling in the articles looks like a known name, or like another name written often enough.'}
      </p>
    )
  else
    body = (
      <ul className="entity-suggestion-list" aria-label="Suggested variants">
        {suggestions.map((s) => (
          <SuggestionItem key={s.id} suggestion={s} titles={titles} actions={actions} />
        ))}
      </ul>
    )
  return (
    <aside className="entity-suggestions" aria-labelledby={headingId} aria-busy={loading}>
      <header className="entity-suggestions-header">
        <h2 id={headingId}>Suggestions</h2>
        {suggestions && suggestions.length > 0 && <span className="pane-count">{suggestions.length}</span>}
        <button type="button" className="button button-small" onClick={onRefresh} disabled={loading}>
          {loading ? 'Looking…' : 'Look again'}
        </button>
      </header>
      {loading && (
        <div className="import-progress-track entity-suggestions-progress" role="progressbar" aria-label="Looking for suggestions">
          <div className="import-progress-fill is-indeterminate" />
        </div>
      )}
      <div className="entity-suggestions-scroll">{body}</div>
    </aside>
  )
}

function SuggestionItem({ suggestion: s, titles, actions }: { suggestion: VariantSuggestion; titles: ReadonlyMap<ArticleId, string>; actions: EntityActions }) {
  const id = useId()
  const [choosingType, setChoosingType] = useState(false)
  const [type, setType] = useState<EntityType>('place')
  const title = suggestionTitle(s)
  const names = s.kind === 'alias' ? [s.name] : [s.name, s.other]
  const articleIds = new Set(names.flatMap((n) => n.articleIds))

  const accept = async (chosen?: EntityType) => {
    const accepted = await actions.applyAndReport<Entity>(
      s.kind === 'alias' ? `add alias ${s.name.text} to ${s.entityName}` : `new entity ${s.name.text}`,
      [() => api.acceptEntitySuggestion({ suggestionId: s.id, ...(chosen ? { type: chosen } : {}) })],
      (entity) => (s.kind === 'alias' ? `“${s.name.text}” added as an alias of ${entity.name}` : `Entity ${entity.name} made of “${s.name.text}” and “${s.other.text}”`),
    )
    if (accepted) setChoosingType(false)
  }
  const reject = () => void actions.applyAndReport(`reject ${title}`, [() => api.rejectEntitySuggestion({ suggestionId: s.id })], () => `Rejected ${title}`)

  return (
    <li className="entity-suggestion" aria-labelledby={`${id}-title`} data-suggestion-id={s.id}>
      <h3 id={`${id}-title`} className="entity-suggestion-title">
        {s.kind === 'alias' ? (
          <>
            “<bdi>{s.name.text}</bdi>” may be <bdi>{s.entityName}</bdi>
          </>
        ) : (
          <>
            “<bdi>{s.name.text}</bdi>” and “<bdi>{s.other.text}</bdi>” may be one name
          </>
        )}
      </h3>
      <p className="entity-suggestion-evidence">
        {names.map((n) => `“${n.text}” ${plural(n.count, 'time')}`).join(', ')}
        {s.kind === 'alias' && `, like “${s.like}”`} · {plural(articleIds.size, 'article')}
        {s.reasons.length > 0 && ` · ${s.reasons.join('; ')}`}
      </p>
      <ul className="entity-suggestion-examples" aria-label={`Where ${title} appears`}>
        {names.flatMap((n) =>
          n.examples.map((ex, i) => (
            <li key={`${n.key}-${i}`}>
              <q dir="auto">{ex.line}</q>
              {titles.get(ex.articleId as ArticleId) && <span className="entity-suggestion-article"> — {titles.get(ex.articleId as ArticleId)}</span>}
            </li>
          )),
        )}
      </ul>
      {choosingType ? (
        <form
          className="entity-suggestion-actions"
          aria-label={`Type of the new entity ${s.name.text}`}
          onSubmit={(e) => {
            e.preventDefault()
            void accept(type)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault()
              e.stopPropagation()
              setChoosingType(false)
            }
          }}
        >
          <label className="tag-field-inline">
            Type
            <select value={type} autoFocus onChange={(e) => setType(e.target.value as EntityType)}>
              {ENTITY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button-small button-primary" disabled={actions.busy}>
            Make entity
          </button>
          <button type="button" className="button button-small" onClick={() => setChoosingType(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="entity-suggestion-actions">
          <button
            type="button"
            className="button button-small button-primary"
            aria-label={`Accept ${title}`}
            disabled={actions.busy}
            onClick={() => (s.kind === 'pair' ? setChoosingType(true) : void accept())}
          >
            Accept
          </button>
          <button type="button" className="button button-small" aria-label={`Reject ${title}`} disabled={actions.busy} onClick={reject}>
            Reject
          </button>
        </div>
      )}
    </li>
  )
}
