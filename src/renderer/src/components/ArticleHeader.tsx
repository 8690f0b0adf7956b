/**
 * The reader's metadata block: title, then outlet, author, publication date, word count,
 * source file and URL where known (hovering a value says where it was read from), then
 * warnings about damage found on import ("Replacement characters (3)") and links to
 * likely rewrites of the same reporting ("Likely rewrite of <title> (82%)").
 */
import type { ArticleView } from '../../../core/api'
import type { ArticleId } from '../../../core/ids'
import { flagLabel, rewriteLabel } from '../article-format'
import { formatDateTime } from '../dates'
import { plural } from '../plural'

interface Props {
  article: ArticleView['article']
  titleId: string
  onOpenArticle?(articleId: ArticleId): void
}

interface Field {
  label: string
  value: string
  source?: string
}

export function ArticleHeader({ article, titleId, onOpenArticle }: Props) {
  const sources = article.metaSources
  const published = formatDateTime(article.published)
  const fields: Field[] = []
  if (article.outlet) fields.push({ label: 'Outlet', value: article.outlet, source: sources.outlet })
  if (article.author) fields.push({ label: 'Author', value: article.author, source: sources.author })
  if (published) fields.push({ label: 'Published', value: published, source: sources.published })
  fields.push({ label: 'Length', value: plural(article.wordCount, 'word') })
  fields.push({ label: 'Source file', value: article.sourceFileName })
  if (article.url) fields.push({ label: 'URL', value: article.url, source: sources.url })
  const flags = article.flags ?? []
  const rewrites = article.rewrites ?? []

  return (
    <header className="article-header">
      <h1 id={titleId} className="article-title" title={sources.title ? `Title from ${sources.title}` : undefined}>
        {article.title}
      </h1>
      <dl className="article-meta">
        {fields.map((f) => (
          <div key={f.label} className="article-meta-field">
            <dt>{f.label}</dt>
            <dd title={f.source ? `From ${f.source}` : undefined}>{f.value}</dd>
          </div>
        ))}
      </dl>
      {flags.length > 0 && (
        <ul className="article-flags" aria-label="Import warnings">
          {flags.map((flag, i) => (
            <li key={`${flag.kind}-${i}`} className="article-flag" title={flag.detail}>
              <span className="article-flag-icon" aria-hidden="true">
                !
              </span>
              <span className="article-flag-name">{flagLabel(flag)}</span>
              <span className="article-flag-detail">{flag.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {rewrites.length > 0 && (
        <ul className="article-rewrites" aria-label="Related reporting">
          {rewrites.map((r) => (
            <li key={r.articleId}>
              <button type="button" className="rewrite-link" disabled={!onOpenArticle} onClick={() => onOpenArticle?.(r.articleId)}>
                {rewriteLabel(r)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </header>
  )
}
