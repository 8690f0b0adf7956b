/**
 * A tag shown as a small chip in its colour (a list item: chips come in a <ul>).
 */
import type { CSSProperties } from 'react'
import type { Tag } from '../../../core/model'

export function TagChip({ tag }: { tag: Tag }) {
  return (
    <li className="tag-chip" style={{ '--tag-color': tag.color } as CSSProperties} title={tag.description}>
      <span className="tag-swatch" aria-hidden="true" />
      {tag.name}
    </li>
  )
}
