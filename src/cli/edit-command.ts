/**
 * `dossier edit ID --title/--outlet/--date/--url/--author`: the analyst's corrections to
 * an article's metadata. The stored text never changes; each edited field is recorded as
 * edited (metaEdited) and its source says 'edited by the analyst'. An empty value clears
 * a field (not the title).
 */
import type { Command } from 'commander'
import type { ArticleId } from '../core/ids'
import type { Article } from '../core/model'
import type { ArticleMetaChange } from '../main/notebook-session'
import { UsageError } from './run-cli'
import { escapeLabel } from './terminal-safe'
import type { CommandContext } from './safety-commands'

interface EditOptions {
  title?: string
  outlet?: string
  date?: string
  url?: string
  author?: string
}

export function registerEditCommand(program: Command, context: (cmd: Command) => CommandContext): void {
  program
    .command('edit')
    .description("Correct an article's metadata (title, outlet, publication date, URL, author). The article's text never changes.")
    .argument('<id>', 'the article id, as shown by "dossier list"')
    .option('--title <text>', 'the headline')
    .option('--outlet <text>', 'the publication or site ("" clears it)')
    .option('--date <date>', 'the publication date: YYYY-MM-DD, or an ISO date-time with its UTC offset ("" clears it)')
    .option('--url <url>', 'the article\'s address, http:// or https:// ("" clears it)')
    .option('--author <text>', 'the byline ("" clears it)')
    .addHelpText(
      'after',
      `
Examples:
  $ dossier edit a-1b2c3d4e5f --outlet "Reuters" --date 2025-01-15
  $ dossier edit a-1b2c3d4e5f --date 2025-01-15T16:29+00:00 --url https://example.org/story
  $ dossier edit a-1b2c3d4e5f --author ""`,
    )
    .action(async (id: string, opts: EditOptions, cmd: Command) => {
      const change: ArticleMetaChange = {}
      if (opts.title !== undefined) change.title = opts.title
      if (opts.outlet !== undefined) change.outlet = opts.outlet
      if (opts.date !== undefined) change.published = opts.date
      if (opts.url !== undefined) change.url = opts.url
      if (opts.author !== undefined) change.author = opts.author
      if (Object.keys(change).length === 0) {
        throw new UsageError('Nothing to change: give at least one of --title, --outlet, --date, --url, --author.')
      }
      const { open, print } = context(cmd)
      const session = await open('write')
      const article = await session.updateArticleMeta(id as ArticleId, change)
      print(summary(article), () => formatEdit(article))
    })
}

function summary(a: Article) {
  return { id: a.id, title: a.title, outlet: a.outlet, author: a.author, published: a.published, url: a.url, metaSources: a.metaSources, metaEdited: a.metaEdited }
}

function formatEdit(a: Article): string {
  const rows: [string, string | null][] = [
    ['title', a.title],
    ['outlet', a.outlet],
    ['author', a.author],
    ['date', a.published],
    ['url', a.url],
  ]
  const edited = new Set<string>(a.metaEdited.map((f) => (f === 'published' ? 'date' : f)))
  return `Updated ${a.id}:\n${rows.map(([k, v]) => `  ${k.padEnd(7)} ${v === null ? '—' : escapeLabel(v)}${edited.has(k) ? '  (edited)' : ''}`).join('\n')}\n`
}
