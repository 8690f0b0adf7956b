// Result assembly: the searchable fields of a hit (reading an article's text through
// getText), and turning a ranked document into a SearchHit with its matched terms and
// snippet.
import type { ArticleId, HighlightId } from '../ids'
import { foldWithOffsets, type FoldedText } from './fold'
import { findMatches, type Needle } from './match'
import { makeSnippet, type Snippet } from './snippet'
import type { Ranked } from './candidates'
import { splitFurniture, type DocStore } from './doc-store'
import { isPromise, type GetText, type SearchHit, type SnippetField } from './types'

/** A searchable field of a document; `folded` is filled in when first needed. */
export interface Field {
  field: SnippetField
  text: string
  folded?: FoldedText
}

export const foldedOf = (f: Field): FoldedText => (f.folded ??= foldWithOffsets(f.text))

/**
 * The searchable fields of a document with their text, snippet-preference first. An
 * article's body is its text without its furniture, which is a field of its own only
 * when `withFurniture` (so neither a check nor a snippet sees it otherwise).
 */
export async function fieldsOf(store: DocStore, getText: GetText, id: string, texts: Map<ArticleId, string | null>, withFurniture: boolean): Promise<Field[] | null> {
  const article = store.articles.get(id as ArticleId)
  if (article !== undefined) {
    let body = texts.get(article.id)
    if (body === undefined) {
      const got = getText(article.id)
      body = (isPromise(got) ? await got : got) ?? null
      texts.set(article.id, body)
    }
    if (body === null) return [{ field: 'title', text: article.title }]
    const split = splitFurniture(body, article.furniture)
    const fields: Field[] = [
      { field: 'body', text: split.body },
      { field: 'title', text: article.title },
    ]
    if (withFurniture && split.furniture !== '') fields.push({ field: 'furniture', text: split.furniture })
    return fields
  }
  const highlight = store.highlights.get(id as HighlightId)
  if (highlight === undefined) return null
  return [
    { field: 'quote', text: highlight.quote },
    { field: 'comment', text: highlight.comment },
  ]
}

/** The hit for a ranked document, with a snippet when `fields` is given (null if the document is gone). */
export function hitOf(store: DocStore, r: Ranked, fields: readonly Field[] | null, needles: readonly Needle[]): SearchHit | null {
  const id = r.id
  const terms = [...r.terms, ...needles.filter((n) => n.kind === 'phrase').map((n) => n.terms.join(' '))]
  let field: SnippetField | null = null
  let snippet: Snippet | null = null
  if (fields !== null) {
    for (const f of fields) {
      const matches = findMatches(foldedOf(f), needles)
      if (matches.length > 0) {
        field = f.field
        snippet = makeSnippet(f.text, matches)
        break
      }
    }
    if (snippet === null) {
      const first = fields.find((f) => f.text.length > 0) ?? fields[0]
      if (first !== undefined) {
        field = first.field
        snippet = makeSnippet(first.text, [])
      }
    }
  }
  const base = { score: r.score, field, snippet, terms }
  const article = store.articles.get(id as ArticleId)
  if (article !== undefined) return { ...base, kind: 'article', id: article.id, articleId: article.id }
  const highlight = store.highlights.get(id as HighlightId)
  if (highlight !== undefined) return { ...base, kind: 'highlight', id: highlight.id, articleId: highlight.articleId }
  return null
}
