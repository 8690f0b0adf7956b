/**
 * `dossier claims` and `dossier claim create|add|remove|show|delete`: claims built from
 * passages, each supporting or contradicting, with the independent-source count and
 * why passages were counted once (notes/sourcing.md, decision 52). A refused change (an
 * empty claim, an unknown claim or highlight, a passage added twice) is one line on
 * stderr, exit 1, and the notebook unchanged.
 *
 * --json output:
 *   claims, claim show -> ClaimView (claims: an array of them)
 *     { claim: { id: "c-…", statement, passages: [{ highlightId, articleId, stance, addedAt }], createdAt, updatedAt },
 *       passages: [{ highlightId, articleId, stance: "supports" | "contradicts", present: boolean,
 *                    exact, articleTitle, articleLabel, outlet, reliability: "A".."F" | null,
 *                    credibility: 1..6 | null, attribution: Attribution | null, citation }],
 *       supporting: { passages, independentSources, groups: articleId[][],
 *                     countedOnce: [{ reason: "same-article" | "rewrites" | "same-source", articleIds, passages?, source?, relayed? }],
 *                     explanation },
 *       contradicting: (the same, for the contradicting passages) }
 *   claim create|add|remove -> ClaimView of the claim as it now is
 *   claim delete -> { deleted: Claim }
 */
import type { Command } from 'commander'
import type { ClaimView } from '../main/sourcing/sourcing-session'
import { collect } from './cli-args'
import { oneLine } from './format'
import type { CommandContext } from './safety-commands'
import { describeAttribution, sourcingOf } from './sourcing-commands'
import { escapeLabel } from './terminal-safe'

function formatClaim(view: ClaimView, full: boolean): string {
  const { claim, supporting, contradicting } = view
  const lines = [`${claim.id}  “${escapeLabel(claim.statement)}”`, `  Supported by ${escapeLabel(supporting.explanation)}.`]
  if (contradicting.passages > 0) lines.push(`  Contradicted by ${escapeLabel(contradicting.explanation)}.`)
  if (!full) return lines.join('\n')
  view.passages.forEach((p, i) => {
    const mark = p.stance === 'supports' ? '+' : '−'
    if (!p.present) {
      lines.push(`  [${i + 1}] ${mark} ${p.highlightId}: this highlight was deleted; not counted`)
      return
    }
    lines.push(`  [${i + 1}] ${mark} ${p.highlightId}  ${escapeLabel(p.articleLabel)}  ${escapeLabel(p.citation)}`)
    lines.push(`        “${escapeLabel(oneLine(p.exact ?? ''))}”`)
    if (p.attribution) lines.push(`        attribution: ${describeAttribution(p.attribution)}`)
  })
  const contradictions = view.passages.filter((p) => p.stance === 'contradicts' && p.present)
  if (contradictions.length > 0) lines.push(`  Contradictions: ${contradictions.map((p) => `${p.highlightId} (${escapeLabel(p.articleLabel)})`).join(', ')}`)
  return lines.join('\n')
}

export function registerClaimCommands(program: Command, context: (cmd: Command) => CommandContext): void {
  program
    .command('claims')
    .description('List the claims, each with its independent-source count and why passages were counted once.')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = context(cmd)
      const list = await (await sourcingOf(ctx, 'read')).listClaims()
      ctx.print(list, () => (list.length === 0 ? 'No claims yet: make one with "dossier claim create TEXT".\n' : `${list.map((v) => formatClaim(v, false)).join('\n')}\n`))
    })

  const claim = program.command('claim').description('Make and show claims: create, add or remove a passage, show, delete.')

  claim
    .command('create')
    .description('Make a claim: a short statement, optionally with the passages (highlights) that support or contradict it.')
    .argument('<statement>', 'the claim, in a sentence')
    .option('--support <highlight-id>', 'a passage supporting it (repeatable)', collect)
    .option('--contradict <highlight-id>', 'a passage contradicting it (repeatable)', collect)
    .addHelpText('after', '\nExamples:\n  $ dossier claim create "Russian ships loaded equipment at Tartus in late January" --support h-0a1b2c3d4e --support h-1b2c3d4e5f')
    .action(async (statement: string, opts: { support?: string[]; contradict?: string[] }, cmd: Command) => {
      const ctx = context(cmd)
      const sourcing = await sourcingOf(ctx, 'write')
      const passages = [...(opts.support ?? []).map((h) => ({ highlightId: h, stance: 'supports' as const })), ...(opts.contradict ?? []).map((h) => ({ highlightId: h, stance: 'contradicts' as const }))]
      const done = await sourcing.createClaim(statement, passages)
      const view = await sourcing.showClaim(done.value.id)
      ctx.print(view, () => `Created ${formatClaim(view, true)}\n`)
    })

  claim
    .command('add')
    .description('Add a passage (a highlight) to a claim, supporting it unless --contradicts.')
    .argument('<claim-id>', 'the claim id (c-…)')
    .argument('<highlight-id>', 'the highlight id (h-…)')
    .option('--contradicts', 'the passage contradicts the claim')
    .action(async (claimId: string, highlightId: string, opts: { contradicts?: boolean }, cmd: Command) => {
      const ctx = context(cmd)
      const sourcing = await sourcingOf(ctx, 'write')
      await sourcing.addPassage(claimId, { highlightId, stance: opts.contradicts === true ? 'contradicts' : 'supports' })
      const view = await sourcing.showClaim(claimId)
      ctx.print(view, () => `Added ${highlightId}: ${formatClaim(view, true)}\n`)
    })

  claim
    .command('remove')
    .description('Take a passage out of a claim (the highlight stays).')
    .argument('<claim-id>', 'the claim id (c-…)')
    .argument('<highlight-id>', 'the highlight id (h-…)')
    .action(async (claimId: string, highlightId: string, _opts: unknown, cmd: Command) => {
      const ctx = context(cmd)
      const sourcing = await sourcingOf(ctx, 'write')
      await sourcing.removePassage(claimId, highlightId)
      const view = await sourcing.showClaim(claimId)
      ctx.print(view, () => `Removed ${highlightId}: ${formatClaim(view, true)}\n`)
    })

  claim
    .command('show')
    .description('Show a claim: its passages with their citations and grades, the independent-source count and why, and the contradictions.')
    .argument('<claim-id>', 'the claim id (c-…)')
    .action(async (claimId: string, _opts: unknown, cmd: Command) => {
      const ctx = context(cmd)
      const view = await (await sourcingOf(ctx, 'read')).showClaim(claimId)
      ctx.print(view, () => `${formatClaim(view, true)}\n`)
    })

  claim
    .command('delete')
    .description('Delete a claim (its passages stay as highlights).')
    .argument('<claim-id>', 'the claim id (c-…)')
    .action(async (claimId: string, _opts: unknown, cmd: Command) => {
      const ctx = context(cmd)
      const done = await (await sourcingOf(ctx, 'write')).deleteClaim(claimId)
      ctx.print({ deleted: done.value }, () => `Deleted ${done.value.id} “${escapeLabel(done.value.statement)}”.\n`)
    })
}
