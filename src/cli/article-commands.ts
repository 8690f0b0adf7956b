/**
 * `dossier delete ARTICLE_ID` and `dossier undelete ARTICLE_ID`: an article leaves the
 * library for the notebook's trash (`trash/<id>.json`, with its highlights) and comes back
 * from it exactly, as the app's delete and its undo do. Stored texts and original files
 * are never removed (they are shared by content), and nothing empties the trash.
 *
 * --json output:
 *   delete   -> { articleId, title, highlightCount, inTrash: true }
 *   undelete -> ArticleSummary (as one item of `list`)
 */
import type { Command } from 'commander'
import type { ArticleId } from '../core/ids'
import { plural } from './format'
import { escapeLabel } from './terminal-safe'
import type { CommandContext } from './safety-commands'

export function registerArticleCommands(program: Command, context: (cmd: Command) => CommandContext): void {
  program
    .command('delete')
    .description("Move an article and its highlights to the notebook's trash. It can be restored with \"dossier undelete\".")
    .argument('<id>', 'the article id, as shown by "dossier list" (a-…)')
    .addHelpText(
      'after',
      `
The article leaves the library, searches and exports; its highlights go with it. Nothing
is erased: "dossier undelete ID" puts it back with its highlights, in its place.

Examples:
  $ dossier delete a-1f2e3d4c5b
  $ dossier undelete a-1f2e3d4c5b`,
    )
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const removal = await session.deleteArticle(id as ArticleId)
      const highlights = removal.highlightCount === 0 ? '' : ` and its ${plural(removal.highlightCount, 'highlight')}`
      print({ ...removal, inTrash: true }, () => `Moved "${escapeLabel(removal.title)}" (${removal.articleId})${highlights} to the notebook's trash.\nRestore it with: dossier undelete ${removal.articleId}\n`)
    })

  program
    .command('undelete')
    .description("Restore an article, with its highlights, from the notebook's trash.")
    .argument('<id>', 'the id the article had (a-…), as "dossier delete" printed it')
    .addHelpText(
      'after',
      `
Tags deleted since are left off its highlights. Refused when the same text was imported
again meanwhile (delete that article first).

Examples:
  $ dossier undelete a-1f2e3d4c5b`,
    )
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const restored = await session.restoreArticle(id as ArticleId)
      print(restored, () => `Restored "${escapeLabel(restored.title)}" (${restored.id}) with ${plural(restored.highlightCount, 'highlight')} from the trash.\n`)
    })
}
