/**
 * The passages table with its selection actions (usePassageActions): "Tag…", "Add to
 * ACH matrix…" and "Add to briefing section…", each asking its choice in a ChooseDialog.
 * `extraActions` (e.g. "Add to claim") join the same bar.
 */
import { useState } from 'react'
import type { PassageSummary } from '../../../../core/api'
import type { AchSummary } from '../../../../core/api-ach'
import type { AchId } from '../../../../core/ach'
import type { BriefingDocument, BriefingId } from '../../../../core/briefing-document'
import type { ArticleId, HighlightId, TagId } from '../../../../core/ids'
import type { Tag } from '../../../../core/model'
import { api } from '../../api'
import type { StatusControls } from '../../hooks/useStatus'
import { plural } from '../../plural'
import { usePassageActions, type PassageAction } from '../../passages/usePassageActions'
import { ChooseDialog } from './ChooseDialog'
import { PassagesTable } from './PassagesTable'

interface Props {
  passages: PassageSummary[]
  tags: Tag[]
  status: StatusControls
  onOpen(articleId: ArticleId, highlightId: HighlightId): void
  onChanged(): Promise<void> | void
  onOpenMatrix(achId: AchId): void
  extraActions?: PassageAction[]
}

type Asking =
  | { kind: 'tag'; ids: HighlightId[] }
  | { kind: 'matrix'; ids: HighlightId[]; matrices: AchSummary[] }
  | { kind: 'briefing'; ids: HighlightId[]; briefings: BriefingDocument[] }

export function PassagesTableView({ passages, tags, status, onOpen, onChanged, onOpenMatrix, extraActions = [] }: Props) {
  const runners = usePassageActions(status, onChanged, onOpenMatrix)
  const [asking, setAsking] = useState<Asking | null>(null)
  const highlightsOf = (ids: HighlightId[]) => {
    const wanted = new Set(ids)
    return passages.filter((p) => wanted.has(p.highlight.id)).map((p) => p.highlight)
  }
  const tagName = (id: string) => tags.find((t) => t.id === id)?.name ?? id

  const actions: PassageAction[] = [
    { id: 'tag', label: 'Tag…', run: (ids) => setAsking({ kind: 'tag', ids }) },
    {
      id: 'ach',
      label: 'Add to ACH matrix…',
      run: (ids) =>
        void api.listAchMatrices().then((r) => {
          if (r.ok) setAsking({ kind: 'matrix', ids, matrices: r.value })
          else status.announceError(r.error)
        }),
    },
    {
      id: 'briefing',
      label: 'Add to briefing section…',
      run: (ids) =>
        void (async () => {
          const list = await api.listBriefings()
          if (!list.ok) return status.announceError(list.error)
          const docs: BriefingDocument[] = []
          for (const b of list.value) {
            const doc = await api.getBriefing({ briefingId: b.id })
            if (doc.ok) docs.push(doc.value)
          }
          setAsking({ kind: 'briefing', ids, briefings: docs })
        })(),
    },
    ...extraActions,
  ]

  const close = () => setAsking(null)
  const count = asking ? plural(asking.ids.length, 'passage') : ''
  let dialog = null
  if (asking?.kind === 'tag') {
    dialog = (
      <ChooseDialog
        title="Tag passages"
        message={`Add a tag to ${count}.`}
        choices={[{ label: 'Tag', options: tags.map((t) => ({ value: t.id, label: t.name })), empty: 'The codebook has no tags yet: add one in the Tags view.' }]}
        confirmLabel="Tag"
        onCancel={close}
        onConfirm={([tagId]) => {
          close()
          void runners.addTag(highlightsOf(asking.ids), tagId as TagId, tagName(tagId!))
        }}
      />
    )
  } else if (asking?.kind === 'matrix') {
    dialog = (
      <ChooseDialog
        title="Add to ACH matrix"
        message={`Add ${count} as evidence rows (credibility from each passage’s grade).`}
        choices={[{ label: 'Matrix', options: asking.matrices.map((m) => ({ value: m.id, label: m.question })), empty: 'There is no ACH matrix yet: start one in the Analysis view (Ctrl+9).' }]}
        confirmLabel="Add rows"
        onCancel={close}
        onConfirm={([achId]) => {
          close()
          void runners.addToMatrix(asking.ids, achId as AchId)
        }}
      />
    )
  } else if (asking?.kind === 'briefing') {
    const sectionsOf = (briefingId: string | undefined) =>
      (asking.briefings.find((b) => b.id === briefingId)?.sections ?? []).flatMap((s) => (s.tagId ? [{ value: s.tagId, label: tagName(s.tagId) }] : []))
    dialog = (
      <ChooseDialog
        title="Add to briefing section"
        message={`Add ${count} to a tag section of a briefing: they get the section’s tag and are included.`}
        choices={[
          { label: 'Briefing', options: asking.briefings.map((b) => ({ value: b.id, label: b.title })), empty: 'There is no briefing yet: start one in the Briefings view.' },
          { label: 'Section', options: [], empty: 'That briefing has no tag sections.' },
        ]}
        optionsFor={(i, values) => (i === 0 ? asking.briefings.map((b) => ({ value: b.id, label: b.title })) : sectionsOf(values[0]))}
        confirmLabel="Add to section"
        onCancel={close}
        onConfirm={([briefingId, tagId]) => {
          close()
          void runners.addToBriefing(highlightsOf(asking.ids), briefingId as BriefingId, tagId as TagId, tagName(tagId!))
        }}
      />
    )
  }

  return (
    <>
      <PassagesTable passages={passages} tags={tags} actions={actions} onOpen={onOpen} />
      {dialog}
    </>
  )
}
