/**
 * The codebook (region "Tags"): every tag with its colour, name, description and how many
 * highlights carry it, shown as a tree when names use "/" (Bases/Tartus under Bases), with
 * Rename, Recolour, Describe, Merge… and Delete, and a form for a new tag. Every
 * change can be undone (Ctrl/Cmd+Z); after each one `onChanged` lets the app reload its
 * tags and the open article.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { TagId } from '../../../core/ids'
import { useTags } from '../hooks/useTags'
import type { StatusControls } from '../hooks/useStatus'
import { plural } from '../plural'
import { buildTagTree, type TagNode } from '../tags/hierarchy'
import { useTagActions, type TagActions } from '../tags/useTagActions'
import type { TagSummary } from '../../../core/api'
import { EmptyState } from './EmptyState'
import { TagEditor } from './TagEditor'
import { TagRow, type TagMode } from './TagRow'

interface Props {
  reloadKey: number
  onChanged(): Promise<void>
  status: StatusControls
}

interface Open {
  tagId: TagId
  mode: TagMode
}

export function TagManager({ reloadKey, onChanged, status }: Props) {
  const { tags, loaded, reload } = useTags(reloadKey, status.announceError)
  const afterChange = useCallback(async () => {
    await Promise.all([onChanged(), reload()])
  }, [onChanged, reload])
  const actions = useTagActions(status, afterChange)
  const [open, setOpen] = useState<Open | null>(null)
  const tree = useMemo(() => buildTagTree(tags), [tags])
  const headingRef = useRef<HTMLHeadingElement>(null)
  /** Where focus goes once an editor closes: the button that opened it, or the heading if the tag is gone. */
  const returnFocus = useRef<string | null>(null)

  const setMode = (tagId: TagId, mode: TagMode | null) => {
    if (mode === null && open) returnFocus.current = `${open.tagId}:${open.mode}`
    setOpen(mode === null ? null : { tagId, mode })
  }

  useEffect(() => {
    const target = returnFocus.current
    if (open !== null || target === null) return
    returnFocus.current = null
    const button = document.querySelector<HTMLElement>(`[data-tag-action="${target}"]`)
    ;(button ?? headingRef.current)?.focus()
  }, [open, tags])

  // An editor for a tag that is gone (deleted, merged, undone) closes.
  const openMode = open && tags.some((t) => t.id === open.tagId) ? open : null

  return (
    <section className="tags" aria-label="Tags">
      <header className="tags-header">
        <h1 ref={headingRef} tabIndex={-1} className="tags-title">
          Tags
        </h1>
        {loaded && <p className="tags-count">{plural(tags.length, 'tag')} in the codebook</p>}
      </header>
      <div className="tags-scroll">
        {loaded && tags.length === 0 && (
          <EmptyState title="No tags yet">
            <p>Tags are the codebook you highlight with: each gets a colour and a key (1–9) in the highlight toolbar. Add the first one below.</p>
          </EmptyState>
        )}
        {tags.length > 0 && (
          <ul className="tag-tree" aria-label="Codebook">
            {tree.map((node) => (
              <TagTreeItem key={node.path + (node.tag?.id ?? '')} node={node} tags={tags} open={openMode} actions={actions} onMode={setMode} />
            ))}
          </ul>
        )}
        <TagEditor usedColors={tags.map((t) => t.color)} busy={actions.busy} onCreate={actions.create} />
      </div>
    </section>
  )
}

interface ItemProps {
  node: TagNode
  tags: TagSummary[]
  open: Open | null
  actions: TagActions
  onMode(tagId: TagId, mode: TagMode | null): void
}

function TagTreeItem({ node, tags, open, actions, onMode }: ItemProps) {
  const tag = node.tag
  return (
    <li className={`tag-node tag-depth-${Math.min(node.depth, 4)}`}>
      {tag ? (
        <TagRow
          tag={tag}
          label={node.label}
          allTags={tags}
          mode={open?.tagId === tag.id ? open.mode : null}
          actions={actions}
          onMode={(mode) => onMode(tag.id, mode)}
        />
      ) : (
        <p className="tag-group-name">{node.label}</p>
      )}
      {node.children.length > 0 && (
        <ul className="tag-children" aria-label={`Under ${node.path}`}>
          {node.children.map((child) => (
            <TagTreeItem key={child.path + (child.tag?.id ?? '')} node={child} tags={tags} open={open} actions={actions} onMode={onMode} />
          ))}
        </ul>
      )}
    </li>
  )
}
