/**
 * `dossier search QUERY [--tag NAME]... [--outlet NAME]... [--from DAY] [--to DAY] [--limit N] [--furniture] [--exact] [--entity NAME]`:
 * full-text search over article titles and texts, highlighted quotes and comments, with
 * the app's query language (words, "phrases", prefix*, OR, NOT/-word, parentheses; case
 * and accents never matter; src/core/search/query.ts). Page furniture (related headlines,
 * taglines… that the reader folds away) is searched only with --furniture.
 *
 * Opens the notebook read-only, so it runs beside the app. The index is the notebook's
 * `search-index/` cache: when the notebook has not changed since it was written, only the
 * shards of the query's words are read; otherwise it is loaded whole (or built), brought up
 * to date and written again for the next run (src/main/search/notebook-search.ts).
 *
 * Human output: a count line, then one line per hit: kind, id, the article title in quotes,
 * and the snippet with the matched words in [brackets] (a title match marks the title).
 * Before them, one line per name the query expanded (issue 13): `“Hmeimim” is Khmeimim Air
 * Base: also matched Khmeimim (14), حميميم (2).`, each spelling with the articles of the
 * notebook that mention it. --exact searches the spellings typed only; --entity NAME keeps
 * the articles mentioning that entity (the mention index, src/main/entities).
 * --json prints the SearchResponse, with `expansions: [{ raw, entityId, entity,
 * spellings: [{ text, articles }] }]` ([] when nothing was expanded).
 */
import { InvalidArgumentError, type Command } from 'commander'
import type { ArticleId } from '../core/ids'
import { DossierError } from '../core/result'
import type { SearchHit, SearchResponse } from '../core/search/types'
import { oneLine } from './format'
import { escapeLabel } from './terminal-safe'
import type { CommandContext } from './safety-commands'
import { collect } from './cli-args'

interface SearchCommandOptions {
  tag?: string[]
  outlet?: string[]
  from?: string
  to?: string
  limit?: number
  furniture?: boolean
  exact?: boolean
  entity?: string
}

export function registerSearchCommand(program: Command, context: (cmd: Command) => CommandContext): void {
  program
    .command('search')
    .description('Search the articles (title and text) and the highlights (quote and comment).')
    .argument('<query...>', 'words, "a phrase" (quote it for the shell too), a prefix such as withdr*, OR, NOT word or -word, (groups)')
    .option('--tag <name>', 'only highlights carrying this tag, and articles with such highlights (repeatable: any of them)', collect)
    .option('--outlet <name>', 'only this outlet (repeatable; case and accents do not matter)', collect)
    .option('--from <date>', 'only articles published on or after this day (YYYY-MM-DD)', parseDay)
    .option('--to <date>', 'only articles published on or before this day (YYYY-MM-DD)', parseDay)
    .option('--limit <n>', 'the most hits to show (default 20, at most 1000)', parseLimit)
    .option('--furniture', 'also search page furniture: related headlines, taglines, cookie notices… that the reader folds away')
    .option('--exact', 'search only the spellings typed: a name of the notebook\'s entities is not expanded to its aliases')
    .option('--entity <name>', 'only articles mentioning this entity (name, alias or id; "dossier entities" lists them), and their highlights')
    .addHelpText(
      'after',
      `
Query language:
  Tartus lease              both words, anywhere in the article or highlight
  "naval base"              the words together, in this order
  withdr*                   words starting with withdr (2 letters at least before *)
  Tartus OR Latakia         either word (OR in capitals; lower-case "or" is a common word)
  Tartus -Russia            Tartus, but not where Russia is (also NOT Russia, -"naval base")
  (Tartus OR Latakia) port  parentheses group
NOT and - apply to the word, phrase or group right after them; words side by side must
all match; OR joins alternatives last: "Tartus port OR Latakia" is (Tartus port) OR
Latakia. A query needs a word to search for: -Russia alone is refused. The shell hands
-Russia over as an option: quote the query ('Tartus -Russia') or put it after --.

A word or phrase that names one of the notebook's entities ("dossier entities") matches
every spelling of it: Hmeimim also finds Khmeimim and حميميم; the output says so. --exact
searches only what was typed.

Case and accents never matter: Sohtaoglu finds Sohtaoğlu. Common words (the, of, …) are
ignored outside phrases. Articles without a date do not match --from or --to. Page
furniture is searched only with --furniture.

Examples:
  $ dossier search Tartus lease
  $ dossier search '"naval base"' --from 2024-12-01 --to 2025-01-31
  $ dossier search 'withdr*' --tag Convoys --limit 5
  $ dossier search '(Tartus OR Latakia) -Russia'
  $ dossier search Khmeimim --outlet Reuters --json
  $ dossier search Hmeimim --exact
  $ dossier search withdrawal --entity Tartus`,
    )
    .action(async (words: string[], opts: SearchCommandOptions, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('read')
      const tagIds = opts.tag && opts.tag.length > 0 ? session.tagIdsByName(opts.tag) : undefined
      const response = await session.search({
        query: words.join(' '),
        tagIds,
        outlets: opts.outlet,
        from: opts.from,
        to: opts.to,
        limit: opts.limit,
        includeFurniture: opts.furniture === true,
        exact: opts.exact === true,
        entity: opts.entity,
      })
      if (response.error) throw new DossierError('bad-request', response.error.message)
      const titles = new Map(session.listArticles().map((a) => [a.id, a.title]))
      print(response, () => formatSearch(response, titles))
    })
}

/**
 * A usage error of `dossier search`, with a hint when the shell word commander took for an
 * unknown option is a word the query leaves out (`-Russia`): it must be quoted with the
 * query, or follow `--`.
 */
export function searchUsageMessage(message: string, code: string): string {
  const flag = /unknown option '(-[^-'][^']*)'/.exec(message)?.[1]
  if (code !== 'commander.unknownOption' || flag === undefined) return message
  return `${message}: to leave out ${flag.slice(1)}, quote the whole query ('Tartus ${flag}') or put it after -- (dossier search -- Tartus ${flag}).`
}

/** The count line, the query's warnings, and one line per hit. */
export function formatSearch(response: SearchResponse, titles: ReadonlyMap<ArticleId, string>): string {
  const lines = response.query.warnings.map((w) => `Note: ${escapeLabel(w.message)}`)
  for (const e of response.expansions ?? []) {
    const found = e.spellings.filter((s) => s.articles > 0)
    const also = found.length > 0 ? `also matched ${found.map((s) => `${s.text} (${s.articles})`).join(', ')}` : `also searched ${e.spellings.map((s) => s.text).join(', ')}`
    lines.push(escapeLabel(`“${e.raw}” is ${e.entity}: ${also}. Use --exact for only “${e.raw}”.`))
  }
  const total = `${response.totalExact ? '' : 'about '}${response.total} ${response.total === 1 ? 'match' : 'matches'}`
  if (response.hits.length === 0) lines.push('No matches.')
  else if (response.hits.length < response.total) lines.push(`${total}, best ${response.hits.length} shown:`)
  else lines.push(`${total}:`)
  for (const hit of response.hits) {
    // A title match shows the title with its matches marked; other hits add their snippet.
    const inTitle = hit.field === 'title' && hit.snippet !== null
    const title = escapeLabel(inTitle ? markSnippet(hit) : oneLine(titles.get(hit.articleId) ?? hit.articleId))
    // A snippet from page furniture (--furniture) says so: it is not the article's text.
    const where = hit.field === 'furniture' ? 'furniture: ' : ''
    lines.push(`${hit.kind.padEnd(9)} ${hit.id}  "${title}"${inTitle ? '' : `  ${where}${escapeLabel(markSnippet(hit))}`}`.trimEnd())
  }
  return `${lines.join('\n')}\n`
}

/** The hit's snippet, with each matched word or phrase in [brackets]. */
export function markSnippet(hit: SearchHit): string {
  const snippet = hit.snippet
  if (!snippet) return ''
  let out = ''
  let at = 0
  for (const [start, end] of snippet.ranges) {
    out += `${snippet.text.slice(at, start)}[${snippet.text.slice(start, end)}]`
    at = end
  }
  // The snippet keeps one space per white-space character (blank lines give two): one line, tidied.
  return (out + snippet.text.slice(at)).replace(/ {2,}/g, ' ')
}

function parseDay(value: string): string {
  const day = value.trim()
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null
  if (!date || date.toISOString().slice(0, 10) !== day) throw new InvalidArgumentError('it must be a day written YYYY-MM-DD, such as 2025-01-15.')
  return day
}

function parseLimit(value: string): number {
  const n = Number(value.trim())
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 1000) throw new InvalidArgumentError('it must be a whole number from 1 to 1000.')
  return n
}
