/** Names for highlights in the margin bars, the chooser and the panel. */
import type { HighlightId, TagId } from '../../../core/ids'
import type { Highlight, Tag } from '../../../core/model'

/** The first `count` words of a quote, with an ellipsis when cut. */
export function firstWords(quote: string, count = 8): string {
  // Words are short: the first few hundred characters hold the first `count` of them.
  const words = quote.slice(0, count * 40).replace(/\s+/g, ' ').trim().split(' ')
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

/** Labels computed when first asked for (only the bars on screen and a chooser ask). */
export class LazyLabels {
  private readonly cache = new Map<HighlightId, string>()
  constructor(
    private readonly byId: ReadonlyMap<HighlightId, Highlight>,
    private readonly tagsById: ReadonlyMap<TagId, Tag>,
  ) {}

  /** The colours of the highlight's tags, in its tag order (none for an untagged one). */
  colors(id: HighlightId): string[] {
    const h = this.byId.get(id)
    return h ? h.tagIds.flatMap((t) => this.tagsById.get(t)?.color ?? []) : []
  }

  get(id: HighlightId): string | undefined {
    let label = this.cache.get(id)
    if (label === undefined) {
      const h = this.byId.get(id)
      if (!h) return undefined
      label = highlightLabel(h, this.tagsById)
      this.cache.set(id, label)
    }
    return label
  }
}

export interface Labels {
  get(id: HighlightId): string | undefined
  colors?(id: HighlightId): string[]
}
