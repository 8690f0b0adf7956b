/**
 * The reader's metadata block: title, then outlet, author, publication date, source file
 * and URL where known. Hovering a value says where it was read from (metaSources).
 */
import type { ArticleView } from '../../../core/api'
import { formatPublished } from '../article-format'

interface Props {
  article: ArticleView['article']
  titleId: string
}

interface Field {
  label: string
  value: string
  source?: string
}

export function ArticleHeader({ article, titleId }: Props) {
  const sources = article.metaSources
  const published = formatPublished(article.published)
  const fields: Field[] = []
  if (article.outlet) fields.push({ label: 'Outlet', value: article.outlet, source: sources.outlet })
  if (article.author) fields.push({ label: 'Author', value: article.author, source: sources.author })
  if (published) fields.push({ label: 'Published', value: published, source: sources.published })
  fields.push({ label: 'Source file', value: article.sourceFileName })
  if (article.url) fields.push({ label: 'URL', value: article.url, source: sources.url })

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
    </header>
  )
}
