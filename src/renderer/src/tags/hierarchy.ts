/**
 * The codebook as a tree: a tag named "Bases/Tartus" sits under "Bases". A parent that
 * is not itself a tag still gets a node (with no tag), so its children are grouped.
 * Siblings keep codebook order (first appearance).
 */
import type { TagSummary } from '../../../core/api'

export interface TagNode {
  /** Full path, e.g. "Bases/Tartus". */
  path: string
  /** Last segment, e.g. "Tartus". */
  label: string
  depth: number
  tag: TagSummary | null
  children: TagNode[]
}

export function splitTagName(name: string): string[] {
  return name
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean)
}

export function buildTagTree(tags: readonly TagSummary[]): TagNode[] {
  const roots: TagNode[] = []
  const byPath = new Map<string, TagNode>()
  for (const tag of tags) {
    const segments = splitTagName(tag.name)
    if (segments.length === 0) segments.push(tag.name)
    let siblings = roots
    let path = ''
    segments.forEach((label, depth) => {
      path = path ? `${path}/${label}` : label
      let node = byPath.get(path)
      if (!node) {
        node = { path, label, depth, tag: null, children: [] }
        byPath.set(path, node)
        siblings.push(node)
      }
      if (depth === segments.length - 1) {
        if (node.tag === null) node.tag = tag
        // Two tags whose names read the same path: both stay listed.
        else siblings.push((node = { path, label, depth, tag, children: [] }))
      }
      siblings = node.children
    })
  }
  return roots
}

/** The tree in display order (depth first), for a flat list with indentation. */
export function flattenTree(nodes: readonly TagNode[]): TagNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)])
}
