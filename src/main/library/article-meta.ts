/**
 * An article's metadata as the analyst corrects it (`dossier edit`, Edit details in the
 * app) and as undo puts it back. The stored text never changes; an edited field is
 * marked edited and its source says so, so analysis never overwrites it.
 */
import type { ArticleMetaSnapshot } from '../../core/api'
import { storedDateProblem } from '../../core/dates'
import type { ArticleId } from '../../core/ids'
import type { Article, EditableMetaField } from '../../core/model'
import { DossierError } from '../../core/result'
import { cleanMetaText } from '../../core/text-hygiene'
import { unsafeUrlProblem } from '../../core/urls'
import type { NotebookStore } from '../storage/notebook-store'

/** What may change; undefined leaves a field alone, '' clears it. */
export type ArticleMetaChange = Partial<Record<EditableMetaField, string>>

const MAX_LENGTH: Record<EditableMetaField, number> = { title: 500, author: 300, outlet: 200, url: 2000, published: 40 }

/** Validates and applies a change; an empty string clears a field (the title cannot be cleared). */
export async function updateArticleMeta(store: NotebookStore, articleId: ArticleId, change: ArticleMetaChange): Promise<Article> {
  const fields = (Object.keys(change) as EditableMetaField[]).filter((k) => change[k] !== undefined)
  if (fields.length === 0) throw new DossierError('bad-request', 'Nothing to change: give at least one of --title, --outlet, --date, --url, --author.')
  const values: Partial<Record<EditableMetaField, string | null>> = {}
  for (const field of fields) {
    const value = collapse(change[field] ?? '')
    if (field === 'title' && !value) throw new DossierError('bad-request', 'The title cannot be empty.')
    const max = MAX_LENGTH[field]
    if (value.length > max) throw new DossierError('bad-request', `The ${field} is ${value.length} characters long; at most ${max} are allowed.`)
    const problem = !value ? null : field === 'published' ? storedDateProblem(value) : field === 'url' ? unsafeUrlProblem(value) : null
    if (problem) throw new DossierError('bad-request', field === 'published' ? `The date ${problem}` : problem)
    values[field] = value || null
  }
  let updated: Article | undefined
  await store.updateCatalog((d) => {
    const a = d.articles.find((x) => x.id === articleId)
    if (!a) return
    for (const field of fields) {
      const value = values[field] ?? null
      if (field === 'title') a.title = value ?? a.title
      else a[field] = value
      if (value === null) delete a.metaSources[field]
      else a.metaSources[field] = 'edited by the analyst'
      if (!a.metaEdited.includes(field)) a.metaEdited.push(field)
    }
    updated = structuredClone(a)
  })
  if (!updated) throw notFound(articleId)
  return updated
}

/**
 * Puts an article's metadata back exactly as `meta` has it, sources and edited marks
 * included: the undo (and redo) of an edit, which must not leave "edited by the analyst"
 * on a value that came from the file.
 */
export async function restoreArticleMeta(store: NotebookStore, articleId: ArticleId, meta: ArticleMetaSnapshot): Promise<void> {
  // The API schema refuses these too; the CLI and tests call this directly.
  const dateProblem = meta.published === null ? null : storedDateProblem(meta.published)
  const problem = dateProblem ? `The date ${dateProblem}` : meta.url === null ? null : unsafeUrlProblem(meta.url)
  if (problem) throw new DossierError('bad-request', problem)
  let found = false
  await store.updateCatalog((d) => {
    const a = d.articles.find((x) => x.id === articleId)
    if (!a) return
    found = true
    a.title = meta.title
    a.outlet = meta.outlet
    a.author = meta.author
    a.published = meta.published
    a.url = meta.url
    a.metaSources = { ...meta.metaSources }
    a.metaEdited = [...new Set(meta.metaEdited)]
  })
  if (!found) throw notFound(articleId)
}

function notFound(articleId: ArticleId): DossierError {
  return new DossierError('not-found', `There is no article with id ${articleId} in this notebook.`)
}

/** What the analyst typed, one line: NFC, invisible and control characters removed (text-hygiene.ts). */
function collapse(value: string): string {
  return cleanMetaText(value.normalize('NFC')).value
}
