/**
 * The briefing's sections in order, as the preview builds them: heading with the tag's
 * colour (an entity's section: the entity's name, what it holds, Remove section), passage
 * count, Move section up/down, the section note, the passages (reorder by
 * buttons, Alt+arrows or drag and drop; exclude and include), and in cross-reference mode
 * the passages printed in an earlier section.
 */
import { useEffect, useRef, useState, type CSSProperties, type DragEvent } from 'react'
import { builtSection } from '../../../../core/briefing'
import {
  excludePassage,
  includePassage,
  moveSectionBy,
  removeSection,
  setSectionNote,
  type BriefingDocument,
  type BriefingSectionSettings,
  type SectionKey,
} from '../../../../core/briefing-document'
import { formatAlsoIn, isUntaggedSection, sectionDescription, sectionName } from '../../../../core/briefing-format'
import type { SourcingWarning } from '../../../../core/briefing-sourcing-types'
import type { BriefingLayout, BriefingSection } from '../../../../core/briefing-types'
import type { EntityId } from '../../../../core/entities'
import type { ArticleId, HighlightId } from '../../../../core/ids'
import type { Tag } from '../../../../core/model'
import type { Briefings } from '../../hooks/useBriefings'
import { plural } from '../../plural'
import type { PassageCard } from '../../briefing/passage-cards'
import { dropGapToIndex, gapForPointer, reorderKeyDelta } from '../../briefing/reorder'
import { SourcingWarnings } from './BriefingClaims'
import { DraftField } from './DraftField'
import { PassageItem, passageElementId } from './PassageItem'

export interface BriefingSectionsProps {
  doc: BriefingDocument
  revision: number
  layout: BriefingLayout | null
  tags: Tag[]
  /** The notebook's entities by id (names of entity sections the preview left out). */
  entityNames?: ReadonlyMap<EntityId, string>
  cards: ReadonlyMap<HighlightId, PassageCard>
  editor: Pick<Briefings, 'edit' | 'flush' | 'movePassage'>
  onOpenPassage(articleId: ArticleId, highlightId: HighlightId): void
}

interface DragState {
  key: SectionKey
  highlightId: HighlightId
  gap: number | null
}

/** One section as the composer shows it: of a tag (with its colour) or of an entity. */
interface SectionHead {
  key: SectionKey
  name: string
  color: string | null
  entity: boolean
  settings: BriefingSectionSettings
}

export function BriefingSections({ doc, revision, layout, tags, entityNames, cards, editor, onOpenPassage }: BriefingSectionsProps) {
  const [drag, setDrag] = useState<DragState | null>(null)
  const focusAfterMove = useRef<string | null>(null)
  const tagsById = new Map(tags.map((t) => [t.id, t]))

  // Keep focus on what was just moved by keyboard, across the re-render that moves it.
  useEffect(() => {
    const id = focusAfterMove.current
    if (!id) return
    focusAfterMove.current = null
    const el = document.getElementById(id)
    const active = document.activeElement as HTMLButtonElement | null
    // The button pressed may have just been disabled (moved to the top or bottom): focus the item then.
    if (el && (!el.contains(active) || active?.disabled)) el.focus()
  })

  // Sections whose tag or entity still exists (a deleted one's section is left out of the preview too).
  const shown = doc.sections.flatMap((settings): SectionHead[] => {
    if (settings.entityId === undefined) {
      const tag = tagsById.get(settings.tagId)
      return tag ? [{ key: tag.id, name: tag.name, color: tag.color, entity: false, settings }] : []
    }
    const name = (layout && builtSection(layout, settings.entityId)?.entity?.name) ?? entityNames?.get(settings.entityId)
    return name === undefined ? [] : [{ key: settings.entityId, name, color: null, entity: true, settings }]
  })
  const untagged = layout?.sections.find(isUntaggedSection) ?? null
  return (
    <ol className="briefing-sections" aria-label="Sections">
      {shown.map((head, index) => {
        const { settings } = head
        const built = (layout && builtSection(layout, head.key)) ?? null
        const moveSection = (delta: number) => {
          focusAfterMove.current = `briefing-section-${head.key}`
          editor.edit(`move section ${head.name}`, (d) => moveSectionBy(d, head.key, delta))
        }
        return (
          <li
            key={head.key}
            id={`briefing-section-${head.key}`}
            className={head.entity ? 'briefing-section briefing-section-entity' : 'briefing-section'}
            style={head.color ? ({ '--tag-color': head.color } as CSSProperties) : undefined}
            tabIndex={-1}
            aria-label={`Section ${head.name}`}
            onKeyDown={(event) => {
              if (event.target !== event.currentTarget) return
              const delta = reorderKeyDelta(event)
              if (delta !== null) {
                event.preventDefault()
                moveSection(delta)
              }
            }}
          >
            <div className="briefing-section-header">
              {!head.entity && <span className="tag-swatch" aria-hidden="true" />}
              <h3>
                {built ? `§${built.number} ` : ''}
                {head.name}
              </h3>
              {head.entity && <span className="briefing-section-kind">Entity</span>}
              <span className="briefing-section-count">{plural(visibleCount(built, settings), 'passage')}</span>
              <button type="button" className="button button-small" disabled={index === 0} onClick={() => moveSection(-1)}>
                Move section up
              </button>
              <button type="button" className="button button-small" disabled={index === shown.length - 1} onClick={() => moveSection(1)}>
                Move section down
              </button>
              {head.entity && (
                <button type="button" className="button button-small" onClick={() => editor.edit(`remove section ${head.name}`, (d) => removeSection(d, head.key))}>
                  Remove section
                </button>
              )}
            </div>
            {head.entity && built && <p className="briefing-hint">{sectionDescription(built)}</p>}
            <SourcingWarnings warnings={(layout?.sourcing?.warnings ?? []).filter((w) => w.target.kind === 'section' && w.target.key === head.key)} />
            <DraftField
              key={`${doc.id}:${revision}:${head.key}`}
              label={`Note for ${head.name}`}
              className="briefing-field briefing-section-note"
              multiline
              rows={2}
              initial={settings.note}
              onChange={(note) => editor.edit(`edit note for ${head.name}`, (d) => setSectionNote(d, head.key, note), { debounce: true })}
              onCommit={editor.flush}
            />
            <SectionPassages
              sectionKey={head.key}
              name={head.name}
              settings={settings}
              built={built}
              cards={cards}
              drag={drag}
              setDrag={setDrag}
              onMove={(highlightId, move) => {
                focusAfterMove.current = passageElementId(highlightId)
                editor.movePassage(head.key, highlightId, move)
              }}
              onToggle={(highlightId, exclude) =>
                editor.edit(exclude ? 'exclude passage' : 'include passage', (d) =>
                  exclude ? excludePassage(d, head.key, highlightId) : includePassage(d, head.key, highlightId),
                )
              }
              onOpenPassage={onOpenPassage}
            />
          </li>
        )
      })}
      {untagged && (
        <UntaggedSection
          section={untagged}
          cards={cards}
          onOpenPassage={onOpenPassage}
          warnings={(layout?.sourcing?.warnings ?? []).filter((w) => w.target.kind === 'section' && w.target.key === null)}
        />
      )}
    </ol>
  )
}

/** The last section, of passages that carry no tag: shown as it will print (it has no settings of its own). */
function UntaggedSection({
  section,
  cards,
  onOpenPassage,
  warnings,
}: {
  section: BriefingSection
  cards: ReadonlyMap<HighlightId, PassageCard>
  onOpenPassage(articleId: ArticleId, highlightId: HighlightId): void
  warnings: readonly SourcingWarning[]
}) {
  return (
    <li id="briefing-section-untagged" className="briefing-section briefing-section-untagged" tabIndex={-1} aria-label={`Section ${sectionName(section)}`}>
      <div className="briefing-section-header">
        <h3>
          §{section.number} {sectionName(section)}
        </h3>
        <span className="briefing-section-count">{plural(section.passages.length, 'passage')}</span>
      </div>
      <p className="briefing-hint">{sectionDescription(section)} Untick “Untagged passages” above to leave them out.</p>
      <SourcingWarnings warnings={warnings} />
      <ol className="briefing-passages">
        {section.passages.map((p) => {
          const card = cards.get(p.highlightId)
          if (!card) return null
          return (
            <li key={p.highlightId} className="briefing-passage">
              <blockquote dir="auto">{card.quote}</blockquote>
              {card.comment && <p dir="auto">{card.comment}</p>}
              <button type="button" className="button button-small" onClick={() => onOpenPassage(card.articleId, card.highlightId)}>
                Open in reader
              </button>
            </li>
          )
        })}
      </ol>
    </li>
  )
}

function visibleCount(built: BriefingSection | null, settings: BriefingSectionSettings): number {
  return built ? built.passages.filter((p) => !settings.excluded.includes(p.highlightId)).length : 0
}

interface SectionPassagesProps {
  sectionKey: SectionKey
  name: string
  settings: BriefingSectionSettings
  built: BriefingSection | null
  cards: ReadonlyMap<HighlightId, PassageCard>
  drag: DragState | null
  setDrag(drag: DragState | null): void
  onMove(highlightId: HighlightId, move: { by: number } | { to: number }): void
  onToggle(highlightId: HighlightId, exclude: boolean): void
  onOpenPassage(articleId: ArticleId, highlightId: HighlightId): void
}

function SectionPassages({ sectionKey, name, settings, built, cards, drag, setDrag, onMove, onToggle, onOpenPassage }: SectionPassagesProps) {
  const excluded = new Set(settings.excluded)
  const passages = (built?.passages ?? []).filter((p) => !excluded.has(p.highlightId))
  const ids = passages.map((p) => p.highlightId)
  const dragHere = drag && drag.key === sectionKey ? drag : null

  const dragHandlers = (highlightId: HighlightId, index: number) => ({
    onDragStart(event: DragEvent<HTMLLIElement>) {
      event.dataTransfer.effectAllowed = 'move'
      event.dataTransfer.setData('text/plain', highlightId)
      setDrag({ key: sectionKey, highlightId, gap: null })
    },
    onDragOver(event: DragEvent<HTMLLIElement>) {
      if (!dragHere) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'move'
      const gap = gapForPointer(index, event.clientY, event.currentTarget.getBoundingClientRect())
      if (gap !== dragHere.gap) setDrag({ ...dragHere, gap })
    },
    onDrop(event: DragEvent<HTMLLIElement>) {
      if (!dragHere) return
      event.preventDefault()
      const gap = dragHere.gap ?? gapForPointer(index, event.clientY, event.currentTarget.getBoundingClientRect())
      const to = dropGapToIndex(ids.indexOf(dragHere.highlightId), gap)
      setDrag(null)
      if (to !== null) onMove(dragHere.highlightId, { to })
    },
    onDragEnd() {
      setDrag(null)
    },
  })

  const dropSide = (index: number): 'before' | 'after' | null => {
    if (!dragHere || dragHere.gap === null) return null
    const from = ids.indexOf(dragHere.highlightId)
    if (dropGapToIndex(from, dragHere.gap) === null) return null
    if (dragHere.gap === index) return 'before'
    if (dragHere.gap === index + 1 && index === ids.length - 1) return 'after'
    return null
  }

  return (
    <>
      {passages.length === 0 && excluded.size === 0 && <p className="briefing-hint">No passages in this section for the current selection.</p>}
      {passages.length > 0 && (
        <ol className="briefing-passages" aria-label={`Passages in ${name}`}>
          {passages.map((p, index) => {
            const card = cards.get(p.highlightId)
            if (!card) return null
            return (
              <PassageItem
                key={p.highlightId}
                card={card}
                number={p.number}
                index={index}
                count={passages.length}
                excluded={false}
                alsoIn={formatAlsoIn(p.alsoIn)}
                dropSide={dropSide(index)}
                onMove={(delta) => onMove(p.highlightId, { by: delta })}
                onToggleExcluded={() => onToggle(p.highlightId, true)}
                onOpen={() => onOpenPassage(p.articleId, p.highlightId)}
                drag={dragHandlers(p.highlightId, index)}
              />
            )
          })}
        </ol>
      )}
      {built && built.references.length > 0 && (
        <ul className="briefing-references" aria-label={`Printed in another section`}>
          {built.references.map((r) => (
            <li key={r.highlightId}>
              See passage {r.passageNumber} in §{r.sectionNumber} {r.tagName}: “{r.quote.length > 120 ? `${r.quote.slice(0, 120)}…` : r.quote}”
            </li>
          ))}
        </ul>
      )}
      {excluded.size > 0 && (
        <ul className="briefing-passages briefing-excluded" aria-label={`Excluded from ${name}`}>
          {settings.excluded.map((id, index) => {
            const card = cards.get(id) ?? unknownCard(id)
            return (
              <PassageItem
                key={id}
                card={card}
                number={null}
                index={index}
                count={settings.excluded.length}
                excluded
                onMove={() => {}}
                onToggleExcluded={() => onToggle(id, false)}
                onOpen={() => card.articleId && onOpenPassage(card.articleId, id)}
              />
            )
          })}
        </ul>
      )}
    </>
  )
}

function unknownCard(id: HighlightId): PassageCard {
  return { highlightId: id, articleId: '' as ArticleId, quote: `Passage ${id}`, comment: '', sourceTitle: '', outlet: null, published: null }
}
