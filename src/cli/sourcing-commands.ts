/**
 * `dossier outlets`, `dossier outlet add|alias|grade|link|grade-article` and
 * `dossier attribution HIGHLIGHT_ID`: the notebook's outlets, their reliability grades
 * (A–F, Admiralty system), the article → outlet links, and the attribution the finder
 * suggests for a passage (notes/sourcing.md), through SourcingSession. An outlet is named
 * by its id (o-…), its name or any alias (case and accents do not matter). A refused change
 * (grade "Z", an alias another outlet has, an unknown article or outlet) is one line on
 * stderr, exit 1, and the notebook unchanged. Claims are in claim-commands.ts.
 *
 * --json output:
 *   outlets -> [{ id, name, aliases: string[], country?, notes?, reliability?: { grade, why },
 *                 articles: number (linked or matched from metadata), linked: number }]
 *   outlet add|alias|grade -> Outlet (as above, without the counts)
 *   outlet link|grade-article -> { articleId, outlet: { id, name, via: "linked" | "outlet metadata" | "url", matched? } | null,
 *                 reliability: { grade, why, from: "article" | "outlet" } | null }
 *   attribution -> { highlightId, suggestion: { kind, source, phrase?, confirmed },
 *                 findings: [{ kind, source, phrase, start, end }] (offsets in the article's text),
 *                 context: { text, start }, saved: Attribution | null }
 *   attribution --save -> Highlight (with its attribution)
 */
import { Option, type Command } from 'commander'
import type { HighlightId } from '../core/ids'
import { ATTRIBUTION_KINDS, RELIABILITY_WORDS, type Attribution, type AttributionKind, type Outlet } from '../core/sourcing'
import type { ArticleSource, OutletSummary } from '../main/sourcing/sourcing-session'
import { SourcingSession } from '../main/sourcing/sourcing-session'
import { collect } from './cli-args'
import { plural } from './format'
import type { CommandContext } from './safety-commands'
import { escapeLabel } from './terminal-safe'
import { UsageError } from './run-cli'

const q = (text: string) => `“${escapeLabel(text)}”`

export async function sourcingOf(context: CommandContext, mode: 'read' | 'write'): Promise<SourcingSession> {
  return new SourcingSession((await context.open(mode)).store)
}

export function describeOutlet(o: Outlet | OutletSummary): string {
  const grade = o.reliability ? `  ${o.reliability.grade} (${RELIABILITY_WORDS[o.reliability.grade]})${o.reliability.why ? `: ${escapeLabel(o.reliability.why)}` : ''}` : '  not graded'
  const country = o.country ? ` [${escapeLabel(o.country)}]` : ''
  const counts = 'articles' in o ? `  ${plural(o.articles, 'article')}${o.linked < o.articles ? ` (${o.linked} linked, ${o.articles - o.linked} matched)` : ''}` : ''
  const aliases = o.aliases.length > 0 ? `\n    also: ${o.aliases.map(escapeLabel).join(' | ')}` : ''
  return `${o.id}  ${escapeLabel(o.name)}${country}${grade}${counts}${aliases}`
}

function describeSource(s: ArticleSource): string {
  const outlet = s.outlet === null ? 'no outlet' : `${q(s.outlet.name)} (${s.outlet.via}${s.outlet.matched ? `: ${escapeLabel(s.outlet.matched)}` : ''})`
  const grade = s.reliability === null ? 'not graded' : `graded ${s.reliability.grade} (from the ${s.reliability.from}${s.reliability.why ? `: ${escapeLabel(s.reliability.why)}` : ''})`
  return `${s.articleId}: ${outlet}, ${grade}`
}

export function describeAttribution(a: Attribution): string {
  const source = a.source ? ` ${q(a.source)}` : ''
  const phrase = a.phrase ? ` (“${escapeLabel(a.phrase)}”)` : ''
  return `${a.kind}${source}${phrase}${a.confirmed ? '' : ', not confirmed'}`
}

export function registerSourcingCommands(program: Command, context: (cmd: Command) => CommandContext): void {
  program
    .command('outlets')
    .description('List the outlets with their reliability grades and how many articles come from each.')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = context(cmd)
      const list = await (await sourcingOf(ctx, 'read')).listOutlets()
      ctx.print(list, () => (list.length === 0 ? 'No outlets yet: add one with "dossier outlet add NAME".\n' : `${list.map(describeOutlet).join('\n')}\n`))
    })

  const outlet = program.command('outlet').description('Change the outlets: add, alias, grade; link an article to one, or grade an article.')

  outlet
    .command('add')
    .description('Add an outlet (a newspaper, site, agency or channel) with the names it goes by.')
    .argument('<name>', 'its name, as cited')
    .option('--alias <name>', 'another name: site name, web domain (reuters.com), copyright-holder line (repeatable)', collect)
    .option('--country <country>', 'where it is based')
    .option('--notes <text>', 'notes on the outlet')
    .option('--grade <A-F>', 'its reliability: A completely reliable … E unreliable, F cannot be judged')
    .option('--why <text>', 'why that grade')
    .addHelpText('after', '\nExamples:\n  $ dossier outlet add "bne IntelliNews" --alias intellinews.com --country UK --grade B --why "Regional business wire"')
    .action(async (name: string, opts: { alias?: string[]; country?: string; notes?: string; grade?: string; why?: string }, cmd: Command) => {
      if (opts.why !== undefined && opts.grade === undefined) throw new UsageError('--why explains a --grade: give the grade too')
      const ctx = context(cmd)
      const done = await (await sourcingOf(ctx, 'write')).addOutlet({ name, aliases: opts.alias, country: opts.country, notes: opts.notes, grade: opts.grade, why: opts.why })
      ctx.print(done.value, () => `Added ${describeOutlet(done.value)}\n`)
    })

  outlet
    .command('alias')
    .description('Add a name an outlet goes by (site name, domain, copyright line).')
    .argument('<outlet>', 'name, alias or id')
    .argument('<alias>', 'the new name')
    .action(async (name: string, alias: string, _opts: unknown, cmd: Command) => {
      const ctx = context(cmd)
      const done = await (await sourcingOf(ctx, 'write')).addOutletAlias(name, alias)
      ctx.print(done.value, () => `Added ${q(alias)} to ${describeOutlet(done.value)}\n`)
    })

  outlet
    .command('grade')
    .description("Set an outlet's reliability grade A–F (the default for its articles).")
    .argument('<outlet>', 'name, alias or id')
    .argument('<grade>', 'A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged')
    .option('--why <text>', 'why that grade')
    .action(async (name: string, grade: string, opts: { why?: string }, cmd: Command) => {
      const ctx = context(cmd)
      const done = await (await sourcingOf(ctx, 'write')).gradeOutlet(name, grade, opts.why)
      ctx.print(done.value, () => `Graded ${describeOutlet(done.value)}\n`)
    })

  outlet
    .command('link')
    .description('Say which outlet an article comes from (overrides what its metadata matches).')
    .argument('<article-id>', 'the article id (a-…)')
    .argument('[outlet]', 'name, alias or id (leave out with --unlink)')
    .option('--unlink', 'remove the link: the outlet is matched from the article’s metadata again')
    .action(async (articleId: string, name: string | undefined, opts: { unlink?: boolean }, cmd: Command) => {
      if ((name === undefined) === (opts.unlink !== true)) throw new UsageError('give an outlet, or --unlink (one of them)')
      const ctx = context(cmd)
      const done = await (await sourcingOf(ctx, 'write')).linkArticle(articleId, name ?? null)
      ctx.print(done.value, () => `${describeSource(done.value)}\n`)
    })

  outlet
    .command('grade-article')
    .description("Grade one article's reliability A–F, overriding its outlet's grade (--clear removes it).")
    .argument('<article-id>', 'the article id (a-…)')
    .argument('[grade]', 'A–F')
    .option('--why <text>', 'why that grade')
    .option('--clear', "remove the article's own grade")
    .action(async (articleId: string, grade: string | undefined, opts: { why?: string; clear?: boolean }, cmd: Command) => {
      if ((grade === undefined) === (opts.clear !== true)) throw new UsageError('give a grade, or --clear (one of them)')
      const ctx = context(cmd)
      const done = await (await sourcingOf(ctx, 'write')).gradeArticle(articleId, grade ?? null, opts.why)
      ctx.print(done.value, () => `${describeSource(done.value)}\n`)
    })

  program
    .command('attribution')
    .description("Where a passage's information comes from: the attribution phrases around a highlight, and the one suggested; --save keeps it with the highlight.")
    .argument('<highlight-id>', 'the highlight id (h-…)')
    .option('--save', 'save the suggestion (or the --kind/--source given) as the confirmed attribution')
    .addOption(new Option('--kind <kind>', 'with --save: the kind, instead of the suggestion’s').choices(ATTRIBUTION_KINDS))
    .option('--source <name>', 'with --save: the underlying source, instead of the suggestion’s')
    .addHelpText('after', '\nExamples:\n  $ dossier attribution h-0a1b2c3d4e\n  $ dossier attribution h-0a1b2c3d4e --save\n  $ dossier attribution h-0a1b2c3d4e --save --kind secondary --source Reuters')
    .action(async (id: string, opts: { save?: boolean; kind?: AttributionKind; source?: string }, cmd: Command) => {
      if (opts.save !== true && (opts.kind !== undefined || opts.source !== undefined)) throw new UsageError('--kind and --source go with --save')
      const ctx = context(cmd)
      const sourcing = await sourcingOf(ctx, opts.save === true ? 'write' : 'read')
      const offer = await sourcing.suggestAttribution(id as HighlightId)
      if (opts.save === true) {
        const edited = opts.kind !== undefined || opts.source !== undefined
        const kind = opts.kind ?? offer.suggestion.kind
        const chosen: Attribution = edited
          ? { kind, source: opts.source ?? (opts.kind === undefined || opts.kind === offer.suggestion.kind ? offer.suggestion.source : null), confirmed: true }
          : { ...offer.suggestion, confirmed: true }
        const done = await sourcing.setAttribution(id as HighlightId, chosen)
        ctx.print(done.value, () => `Saved the attribution of ${id}: ${describeAttribution(done.value.attribution!)}\n`)
        return
      }
      ctx.print(offer, () => {
        const lines = [`Suggested: ${describeAttribution(offer.suggestion)}`]
        if (offer.saved) lines.push(`Saved:     ${describeAttribution(offer.saved)}`)
        lines.push(offer.findings.length === 0 ? 'No attribution phrase around the passage.' : `Found ${plural(offer.findings.length, 'phrase')}:`)
        for (const f of offer.findings) lines.push(`  ${f.start}-${f.end}  ${f.kind}${f.source ? ` ${q(f.source)}` : ''}: “${escapeLabel(f.phrase)}”`)
        lines.push('Save it with "dossier attribution ID --save" (or --save --kind K --source S).')
        return `${lines.join('\n')}\n`
      })
    })
}
