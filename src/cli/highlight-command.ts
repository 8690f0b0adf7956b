/**
 * `dossier highlight ID --quote TEXT [--occurrence N] --tag NAME… --comment TEXT`: highlight
 * a passage found by quoting it (as copied from `dossier show`), and tag or comment it.
 */
import { InvalidArgumentError, type Command } from 'commander'
import type { ArticleId } from '../core/ids'
import { tagNames } from './format'
import { escapeLabel } from './terminal-safe'
import { UsageError } from './run-cli'
import type { CommandContext } from './safety-commands'

interface HighlightOptions {
  quote: string
  occurrence?: number
  tag?: string[]
  comment?: string
}

export function registerHighlightCommand(program: Command, context: (cmd: Command) => CommandContext): void {
  program
    .command('highlight')
    .description('Highlight a passage of an article, found by quoting it, and tag or comment it.')
    .argument('<id>', 'the article id (a-…)')
    .requiredOption('--quote <text>', 'the passage to highlight, as "dossier show" prints it')
    .option('--occurrence <n>', 'which occurrence to highlight when the quote occurs more than once (1 = first)', parsePositiveInt)
    .option('--tag <name>', 'a tag to apply (repeatable; names are case-insensitive)', collect)
    .option('--comment <text>', 'a comment on the passage')
    .addHelpText(
      'after',
      `
At least one --tag or a --comment is required. See the tags with "dossier tags".
The quote is found exactly if it can be; otherwise case, straight or curly quote marks and
apostrophes, hyphens and dashes, accents, Unicode forms (ligatures, full-width letters) and
line breaks typed as spaces do not matter. The highlight covers the article's own text.

Examples:
  $ dossier highlight a-1f2e3d4c5b --quote "left the port of Tartus" --tag Convoys
  $ dossier highlight a-1f2e3d4c5b --quote "the base" --occurrence 2 --tag Bases --comment "Second mention"`,
    )
    .action(async (id: string, opts: HighlightOptions, cmd: Command) => {
      const comment = opts.comment ?? ''
      const tagNamesGiven = opts.tag ?? []
      if (tagNamesGiven.length === 0 && comment.trim().length === 0) {
        throw new UsageError('give at least one --tag or a --comment for the highlight')
      }
      const { open, print } = context(cmd)
      const session = await open('write')
      const highlight = await session.highlightQuote({
        articleId: id as ArticleId,
        quote: opts.quote,
        occurrence: opts.occurrence,
        tagNames: tagNamesGiven,
        comment,
      })
      const title = session.listArticles().find((a) => a.id === highlight.articleId)?.title ?? highlight.articleId
      const names = tagNames(highlight.tagIds, session.listTags()).map(escapeLabel)
      print(highlight, () => `Highlighted ${highlight.id} in "${escapeLabel(title)}"${names.length > 0 ? ` [${names.join(', ')}]` : ''}\n`)
    })
}

function parsePositiveInt(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('it must be a positive whole number (1 = the first occurrence).')
  }
  return Number(value)
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value]
}
