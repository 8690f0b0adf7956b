/**
 * The highlight checks of `dossier check`, over annotation files already read and the
 * bodies found readable (read one at a time through `textOf`). A highlight
 * must have a unique id, belong to the article whose file holds it, use known tags, and
 * still find its quote at its position in the stored text.
 */
import type { AnnotationFile, Article, Catalog, Manifest } from '../../core/model'
import type { CheckProblem } from './check-notebook'
import { ANNOTATIONS_DIR, MANIFEST_FILE } from './notebook-store'

const QUOTE_CHARS = 60

export async function findHighlightProblems(
  files: { file: string; data: AnnotationFile }[],
  manifest: Manifest | null,
  catalog: Catalog | null,
  textOf: (bodyHash: string) => Promise<string | undefined>,
): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = []
  const where = new Map<string, string[]>()
  for (const { file, data } of files) for (const h of data.highlights) where.set(h.id, [...(where.get(h.id) ?? []), file])
  for (const [id, inFiles] of where) {
    if (inFiles.length < 2) continue
    const places = [...new Set(inFiles)]
    problems.push({
      file: places[0] ?? ANNOTATIONS_DIR,
      message: `Highlight id ${id} is used by ${inFiles.length} highlights (in ${places.join(', ')}).`,
      repairable: false,
      repair: 'Nothing: which highlight is meant cannot be known.',
    })
  }

  const tags = manifest ? new Set<string>(manifest.tags.map((t) => t.id)) : null
  const articles = new Map<string, Article>((catalog?.articles ?? []).map((a) => [a.id, a]))
  for (const { file, data } of files) {
    const article = articles.get(data.articleId)
    const text = article && data.highlights.length > 0 ? await textOf(article.bodyHash) : undefined
    for (const h of data.highlights) {
      const problem = (message: string, why: string) => problems.push({ file, message, repairable: false, repair: `Nothing: ${why}` })
      if (h.articleId !== data.articleId) {
        problem(`Highlight ${h.id} in ${file} says it belongs to article ${h.articleId}, but the file holds the highlights of ${data.articleId}.`, 'which article it belongs to cannot be known.')
      }
      if (tags) {
        const unknown = h.tagIds.filter((t) => !tags.has(t))
        if (unknown.length > 0) {
          problem(`Highlight ${h.id} in ${file} has tag${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}, which ${unknown.length > 1 ? 'are' : 'is'} not in ${MANIFEST_FILE}.`, 'the tag cannot be re-created (its name and colour are unknown); remove it from the highlight or restore notebook.json from a backup.')
        }
      }
      if (text === undefined) continue // the body's own problem is reported above
      const { start, end, exact } = h.target
      if (start >= end || end > text.length) {
        problem(`Highlight ${h.id} in ${file} points at characters ${start}-${end}, outside the article's text (${text.length} characters).`, 'the passage it meant cannot be known for sure.')
      } else if (text.slice(start, end) !== exact) {
        problem(`Highlight ${h.id} in ${file} points at characters ${start}-${end}, but the text there is not its quote "${clip(exact)}".`, 'the passage it meant cannot be known for sure.')
      }
    }
  }
  return problems
}

function clip(text: string): string {
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text
}
