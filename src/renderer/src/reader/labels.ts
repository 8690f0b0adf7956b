/** Names for highlights in the margin bars, the chooser and the panel. */
import type { TagId } from '../../../core/ids'
import type { Highlight, Tag } from '../../../core/model'

/** The first `count` words of a quote, with an ellipsis when cut. */
export function firstWords(quote: string, count = 8): string {
  const words = quote.replace(/\s+/g, ' ').trim().split(' ')
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ')
}

export function tagNames(highlight: Highlight, tagsById: ReadonlyMap<TagId, Tag>): string {
  const names = highlight.tagIds.flatMap((id) => {
    const tag = tagsById.get(id)
    return tag ? [tag.name] : []
  })
  return names.length > 0 ? names.join(', ') : 'No tag'
}

/** "Bases, Convoys — Russia began to withdraw substantial amounts of…" */
export function highlightLabel(highlight: Highlight, tagsById: ReadonlyMap<TagId, Tag>): string {
  return `${tagNames(highlight, tagsById)} — ${firstWords(highlight.target.exact)}`
}
