/**
 * The Entities view (region "Entities", issue 13): the notebook's names, places and
 * aliases as a sortable table with a filter box, the suggestions queue beside it, and the
 * dialogs that change them (add, edit and rename, merge, split, delete with a
 * confirmation). With no entities it offers the starter gazetteer and "Add an entity";
 * the Gazetteer menu adds or removes the starter pack later, or imports a gazetteer file
 * (main asks for it in its own open dialog; File > Import Gazetteer File… lands here too,
 * through `importRequested`). Every change, an import too, is undoable
 * (Ctrl/Cmd+Z) through restoreEntities; after each, `onChanged` lets the app reload.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { EntitySummary, GazetteerFileImport, PackChange } from '../../../../core/api-entities'
import type { Entity } from '../../../../core/entities'
import type { ArticleId } from '../../../../core/ids'
import { api } from '../../api'
import { filterEntities } from '../../entities/entity-list'
import { gazetteerFileDone } from '../../entities/gazetteer-report'
import { useEntityActions } from '../../entities/useEntityActions'
import { useApiValue } from '../../hooks/useApiValue'
import type { StatusControls } from '../../hooks/useStatus'
import { plural } from '../../plural'
import { ConfirmDialog } from '../ConfirmDialog'
import { EmptyState } from '../EmptyState'
import { MenuButton } from '../MenuButton'
import { EntityDialog } from './EntityDialog'
import { EntityTable, type EntityAction } from './EntityTable'
import { MergeDialog, SplitDialog } from './MergeSplitDialogs'
import { SuggestionsPanel } from './SuggestionsPanel'

interface Props {
  reloadKey: number
  /** The notebook's articles, to name the ones a suggestion's examples come from. */
  articles: readonly { id: ArticleId; title: string }[]
  onChanged(): Promise<void>
  status: StatusControls
  /** Set by File > Import Gazetteer File…: the view asks main for the file once loaded, then calls `onImportStarted`. */
  importRequested?: boolean
  onImportStarted?(): void
}

type Open = { action: EntityAction; entity: EntitySummary } | { action: 'add' }

const STARTER_LABEL = 'Add the starter gazetteer (Russia in Syria: bases, ports, ships, people)'
export const IMPORT_FILE_LABEL = 'Import gazetteer file…'

function packDone(verb: 'Added' | 'Removed', change: PackChange): string {
  if (change.changed.length === 0) return verb === 'Added' ? 'The starter gazetteer’s entities are all in this notebook already' : 'None of the starter gazetteer’s entities is in this notebook'
  const skipped = change.skipped.length > 0 ? ` (${plural(change.skipped.length, 'entity', 'entities')} skipped: already in the notebook)` : ''
  return `${verb} ${plural(change.changed.length, 'entity', 'entities')} of the starter gazetteer${skipped}`
}

export function EntitiesView({ reloadKey, articles, onChanged, status, importRequested = false, onImportStarted }: Props) {
  const list = useApiValue(api.listEntities, reloadKey, status.announceError)
  const suggestions = useApiValue(api.listEntitySuggestions, reloadKey, status.announceError)
  const { reload: reloadList } = list
  const afterChange = useCallback(async () => {
    await Promise.all([onChanged(), reloadList()])
  }, [onChanged, reloadList])
  const actions = useEntityActions(status, afterChange)
  const [text, setText] = useState('')
  const [open, setOpen] = useState<Open | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const entities = useMemo(() => list.value ?? [], [list.value])
  const shown = useMemo(() => filterEntities(entities, text), [entities, text])
  const titles = useMemo(() => new Map(articles.map((a) => [a.id, a.title])), [articles])

  const close = () => setOpen(null)
  /** After a change that removed the entity whose button had focus, focus goes to the heading. */
  const closeAfterRemoval = () => {
    setOpen(null)
    requestAnimationFrame(() => headingRef.current?.focus())
  }
  const addStarter = () => void actions.applyAndReport<PackChange>('add the starter gazetteer', [() => api.addStarterGazetteer()], (c) => packDone('Added', c))
  const removeStarter = () => void actions.applyAndReport<PackChange>('remove the starter gazetteer', [() => api.removeStarterGazetteer()], (c) => packDone('Removed', c))
  const importFile = useCallback(async () => {
    const chosen = await api.importGazetteerFile()
    if (!chosen.ok) return status.announceError(chosen.error)
    if ('canceled' in chosen.value) return
    const done: GazetteerFileImport = chosen.value
    // Main has made the change already; it goes on the undo stack as one step, like the starter pack.
    await actions.applyAndReport<PackChange>(`import ${done.fileName}`, [async () => ({ ok: true, value: done })], () => gazetteerFileDone(done))
  }, [actions, status])
  const { loaded } = list
  useEffect(() => {
    if (!importRequested || !loaded) return
    onImportStarted?.()
    void importFile()
  }, [importRequested, loaded, onImportStarted, importFile])
  const remove = async (entity: EntitySummary) => {
    const removed = await actions.applyAndReport<Entity>(`delete ${entity.name}`, [() => api.deleteEntity({ entityId: entity.id })], () => `Entity ${entity.name} deleted`)
    if (removed) closeAfterRemoval()
  }

  let body
  if (!list.loaded) body = <p className="entities-note">Loading entities…</p>
  else if (entities.length === 0)
    body = (
      <EmptyState
        title="No entities yet"
        actions={
          <>
            <button type="button" className="button button-primary entities-starter" onClick={addStarter} disabled={actions.busy}>
              {STARTER_LABEL}
            </button>
            <button type="button" className="button" onClick={() => setOpen({ action: 'add' })}>
              Add an entity
            </button>
            <button type="button" className="button" onClick={() => void importFile()} disabled={actions.busy}>
              {IMPORT_FILE_LABEL}
            </button>
          </>
        }
      >
        <p>Entities are the places, units, ships, people and organisations your articles name, with every spelling of each: a search for one spelling finds them all, and passages can be filtered by the names they mention.</p>
      </EmptyState>
    )
  else if (shown.length === 0)
    body = (
      <EmptyState
        title="No entity matches the filter"
        actions={
          <button type="button" className="button" onClick={() => setText('')}>
            Clear the filter
          </button>
        }
      >
        <p>The filter looks in names, aliases and types.</p>
      </EmptyState>
    )
  else body = <EntityTable entities={shown} canMerge={entities.length > 1} onAction={(action, entity) => setOpen({ action, entity })} />

  return (
    <section className="entities" aria-label="Entities">
      <header className="entities-header">
        <h1 ref={headingRef} tabIndex={-1} className="entities-title">
          Entities{' '}
          {list.loaded && (
            <span className="pane-count" aria-live="polite">
              {text.trim() ? `${shown.length} of ${entities.length}` : entities.length}
            </span>
          )}
        </h1>
        {entities.length > 0 && (
          <input type="search" className="library-filter-text entities-filter" aria-label="Filter entities" placeholder="Filter by name, alias or type…" value={text} onChange={(e) => setText(e.target.value)} />
        )}
        <div className="entities-header-actions">
          <button type="button" className="button" onClick={() => setOpen({ action: 'add' })}>
            Add entity
          </button>
          <MenuButton
            label="Gazetteer"
            items={[
              { label: 'Add the starter gazetteer', run: addStarter, disabled: actions.busy },
              { label: 'Remove the starter gazetteer', run: removeStarter, disabled: actions.busy },
              { label: IMPORT_FILE_LABEL, run: () => void importFile(), disabled: actions.busy },
            ]}
          />
        </div>
      </header>
      <div className="entities-body">
        <div className="entities-main">{body}</div>
        <SuggestionsPanel
          suggestions={suggestions.value}
          loading={suggestions.loading}
          articleCount={articles.length}
          titles={titles}
          actions={actions}
          onRefresh={() => void suggestions.reload()}
        />
      </div>
      {open?.action === 'add' && <EntityDialog actions={actions} onClose={close} />}
      {open?.action === 'edit' && <EntityDialog entity={open.entity} actions={actions} onClose={close} />}
      {open?.action === 'merge' && <MergeDialog entity={open.entity} entities={entities} actions={actions} onClose={close} />}
      {open?.action === 'split' && <SplitDialog entity={open.entity} actions={actions} onClose={close} />}
      {open?.action === 'delete' && (
        <ConfirmDialog
          title="Delete entity"
          message={`Delete ${open.entity.name} and its ${plural(open.entity.aliases.length, 'alias', 'aliases')}? Articles and passages are not changed; their mentions of it are no longer counted. Undo puts it back.`}
          confirmLabel="Delete"
          danger
          busy={actions.busy}
          onConfirm={() => void remove(open.entity)}
          onCancel={close}
        />
      )}
    </section>
  )
}
