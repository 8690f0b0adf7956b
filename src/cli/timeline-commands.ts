/**
 * `dossier timeline` and `dossier map` (issue 15): the notebook's passages by event date,
 * and the places its passages name, as text, JSON or an SVG figure; and the event-date
 * suggestions `dossier show` adds to highlights (decision 53).
 *
 *   dossier timeline [--tag NAME]... [--by tag|entity] [--from D] [--to D] [--json | --format svg --out FILE [--force]]
 *   dossier timeline --by-publication [--tag NAME]... [--from D] [--to D] [--json]
 *   dossier map [--tag NAME]... [--from D] [--to D] [--json] [--format svg --out FILE [--force]]
 *
 * D is a day, month or year (2025-01-21, 2025-01, 2025). An existing --out is refused
 * without --force, like export; the SVG is written durably (nothing is left on failure).
 *
 * --json output:
 *   timeline -> { by: "tag" | "entity", lanes: [{ key, label, color, count }],
 *                 passages: [{ highlightId, articleId, source: number, quote, tagIds, lanes: string[],
 *                              start, end, precision, phrase?, dateSource: "suggested" | "analyst", decided }],
 *                 undated: [{ highlightId, articleId, reason }],
 *                 sources: [{ number, articleId, title, outlet, published }] }
 *   timeline --by-publication -> { mode: "published", by: "outlet", lanes: [{ key, label, color, count }],
 *                 articles: [{ articleId, title, outlet, start, end, precision: "day", tagIds, passageCount, lanes }],
 *                 undated: [{ articleId, tagIds, reason }] }
 *   map      -> { places: [{ entityId, name, lat, lon, passages: number, mentions: number,
 *                            highlightIds: string[] }], passageCount, sources }
 *   either with --format svg --out FILE -> { path, format: "svg", passageCount, undatedCount? (timeline),
 *                 places? (map: how many drawn with passages), sourceCount }
 *   show     -> each highlight without a decided `eventDate` gains `suggestedEventDate`:
 *                 { start, end, precision, phrase, rule, source: "suggested" }
 *                 or { unresolved: true, phrase, rule, reason, source: "suggested" }
 */
import { resolve } from 'node:path'
import { InvalidArgumentError, Option, type Command } from 'commander'
import type { ArticleView } from '../core/api'
import type { NotebookSession } from '../main/notebook-session'
import { writeExportFile } from '../main/briefings/export-writer'
import { checkExportTarget } from '../main/export-target'
import { articleTimeline, type ArticleTimeline } from '../main/timeline/article-timeline'
import { loadSuggester, withSuggestions, type HighlightWithSuggestion } from '../main/timeline/event-dates'
import { buildMap, buildTimeline, type TimelineFigure } from '../main/timeline/figures'
import { describePeriod } from '../core/timeline/timeline-svg'
import type { MapPlace } from '../core/timeline/map'
import { collect } from './cli-args'
import { refuseExisting } from './export-commands'
import { oneLine, plural } from './format'
import { UsageError } from './run-cli'
import type { CommandContext } from './safety-commands'
import { escapeLabel } from './terminal-safe'

type Context = CommandContext & { cwd: string }

interface FigureOptions {
  tag?: string[]
  from?: string
  to?: string
  format?: 'svg'
  out?: string
  force?: boolean
  title?: string
  width?: number
}

/** `show`'s view with each undecided highlight's suggestion (chrono loads only when one needs it). */
export async function withEventDateSuggestions(view: ArticleView): Promise<Omit<ArticleView, 'highlights' | 'orphans'> & { highlights: HighlightWithSuggestion[]; orphans: HighlightWithSuggestion[] }> {
  if (![...view.highlights, ...view.orphans].some((h) => h.eventDate === undefined)) return view
  const suggest = await loadSuggester()
  const published = () => view.article.published
  return { ...view, highlights: withSuggestions(view.highlights, published, suggest), orphans: withSuggestions(view.orphans, published, suggest) }
}

function positiveWidth(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 600 || n > 4000) throw new InvalidArgumentError('it must be a whole number of pixels from 600 to 4000.')
  return n
}

function figureOptions(cmd: Command): Command {
  return cmd
    .option('--tag <name>', 'only passages with this tag (repeatable)', collect)
    .option('--from <date>', 'only event dates from this day, month or year (2025-01-21, 2025-01, 2025)')
    .option('--to <date>', 'only event dates up to this day, month or year')
    .addOption(new Option('--format <format>', 'write a figure instead of listing').choices(['svg']))
    .option('--out <file>', 'where to write the figure (with --format)')
    .option('--force', 'replace the file at --out if there is one')
    .option('--title <text>', "the figure's title")
    .option('--width <pixels>', 'figure width (default 1200 for the timeline, 1000 for the map)', positiveWidth)
}

/** The output file, refused when it exists (without --force); null when listing. */
async function outputPath(opts: FigureOptions, cwd: string): Promise<string | null> {
  if ((opts.format === undefined) !== (opts.out === undefined)) throw new UsageError('give --format svg and --out FILE together (or neither, to list)')
  if (opts.out === undefined) return null
  const path = resolve(cwd, opts.out)
  if (opts.force !== true) await refuseExisting(path)
  await checkExportTarget(path)
  return path
}

export function registerTimelineCommands(program: Command, context: (cmd: Command) => Context): void {
  figureOptions(
    program
      .command('timeline')
      .description('The passages by event date, in lanes by tag or entity: listed, as JSON, or drawn as an SVG figure.')
      .addOption(new Option('--by <lanes>', 'lanes by tag (default) or by the entities the passages name').choices(['tag', 'entity']))
      .option('--by-publication', 'the articles instead, by publication date, in lanes by outlet (with --tag: articles with a passage so tagged)'),
  )
    .addHelpText(
      'after',
      `
A passage's event date is the one set with "dossier highlight edit ID --event-date", else
the one suggested from its text (see "dossier show"); passages with neither are counted
as undated and left out.

Examples:
  $ dossier timeline
  $ dossier timeline --tag Bases --tag Convoys --from 2024-12 --json
  $ dossier timeline --by entity --format svg --out timeline.svg
  $ dossier timeline --by-publication --json`,
    )
    .action(async (opts: FigureOptions & { by?: 'tag' | 'entity'; byPublication?: boolean }, cmd: Command) => {
      const { open, print, cwd } = context(cmd)
      if (opts.byPublication === true && (opts.by !== undefined || opts.format !== undefined || opts.out !== undefined))
        throw new UsageError('--by-publication lists the articles in lanes by outlet: it takes no --by, and draws no figure (--format, --out)')
      const out = await outputPath(opts, cwd)
      const session = await open('read')
      if (opts.byPublication === true) {
        const timeline = await articleTimeline(session, { tagIds: tagIds(session, opts.tag), from: opts.from, to: opts.to })
        print({ mode: 'published', by: 'outlet', ...timeline }, () => formatArticleTimeline(timeline))
        return
      }
      const figure = await buildTimeline(session, { tagIds: tagIds(session, opts.tag), from: opts.from, to: opts.to, by: opts.by, width: opts.width, title: opts.title })
      if (out) {
        await writeExportFile(out, figure.svg())
        const value = { path: out, format: 'svg', passageCount: figure.passages.length, undatedCount: figure.undated.length, sourceCount: figure.sources.length }
        print(value, () => `Drew ${plural(figure.passages.length, 'passage')} in ${plural(figure.lanes.length, 'lane')} to ${escapeLabel(out)}${figure.undated.length > 0 ? ` (${figure.undated.length} without an event date left out)` : ''}\n`)
        return
      }
      print(timelineJson(figure), () => formatTimeline(figure))
    })

  figureOptions(program.command('map').description('The places of the entities (with coordinates) that the passages name, sized by passages: listed, as JSON, or drawn as an SVG map.'))
    .addHelpText(
      'after',
      `
Places are the notebook's entities of type place with coordinates ("dossier entities";
"dossier entities import-pack --starter" adds a gazetteer). The basemap is Natural Earth
data shipped with Dossier: nothing is fetched. With --from/--to only passages whose event
date falls in the range count.

Examples:
  $ dossier map
  $ dossier map --tag Convoys --format svg --out convoys-map.svg`,
    )
    .action(async (opts: FigureOptions, cmd: Command) => {
      const { open, print, cwd } = context(cmd)
      const out = await outputPath(opts, cwd)
      const session = await open('read')
      const figure = await buildMap(session, { tagIds: tagIds(session, opts.tag), from: opts.from, to: opts.to, width: opts.width, title: opts.title })
      const named = figure.places.filter((p) => p.passages.length > 0)
      if (out) {
        await writeExportFile(out, await figure.svg())
        print({ path: out, format: 'svg', passageCount: figure.passageCount, places: named.length, sourceCount: figure.sources.length }, () => `Drew ${plural(named.length, 'place')} named by ${plural(figure.passageCount, 'passage')} (of ${figure.places.length} with coordinates) to ${escapeLabel(out)}\n`)
        return
      }
      print({ places: figure.places.map(placeJson), passageCount: figure.passageCount, sources: figure.sources }, () => formatMap(figure.places))
    })
}

function tagIds(session: NotebookSession, names: string[] | undefined) {
  return names && names.length > 0 ? session.tagIdsByName(names) : undefined
}

function timelineJson(figure: TimelineFigure) {
  const sourceOf = new Map(figure.sources.map((s) => [s.articleId as string, s.number]))
  return {
    by: figure.by,
    lanes: figure.layout.lanes.map((l) => ({ ...l.lane, count: l.count })),
    passages: figure.passages.map((p) => ({ ...p, source: sourceOf.get(p.articleId) ?? null, lanes: figure.lanesOf(p) })),
    undated: figure.undated,
    sources: figure.sources,
  }
}

function formatTimeline(figure: TimelineFigure): string {
  if (figure.passages.length === 0) return `No passage has an event date${figure.undated.length > 0 ? ` (${plural(figure.undated.length, 'passage')} without one)` : ''}.\n`
  const sourceOf = new Map(figure.sources.map((s) => [s.articleId as string, s.number]))
  const lines = [`Timeline: ${plural(figure.passages.length, 'passage')} in ${plural(figure.lanes.length, 'lane')}${figure.undated.length > 0 ? `; ${figure.undated.length} without an event date left out` : ''}.`]
  for (const lane of figure.layout.lanes) {
    lines.push('', `${escapeLabel(lane.lane.label)} (${lane.count})`)
    const mine = figure.passages.filter((p) => figure.lanesOf(p).includes(lane.lane.key)).sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end))
    for (const p of mine) {
      const when = p.start === p.end ? p.start : `${p.start} – ${p.end}`
      const how = p.dateSource === 'analyst' ? 'set' : p.decided ? 'accepted' : 'suggested'
      lines.push(`  ${when.padEnd(23)} [${sourceOf.get(p.articleId)}] “${escapeLabel(oneLine(p.quote).slice(0, 90))}${p.quote.length > 90 ? '…' : ''}” (${p.precision === 'day' ? '' : `${p.precision}, `}${how})`)
    }
  }
  lines.push('', 'Sources:')
  for (const s of figure.sources) lines.push(`  [${s.number}] ${escapeLabel(s.title)}${s.outlet ? `, ${escapeLabel(s.outlet)}` : ''}${s.published ? `, ${describePeriod({ start: s.published.slice(0, 10), end: s.published.slice(0, 10), precision: 'day' })}` : ''}  (${s.articleId})`)
  return `${lines.join('\n')}\n`
}

function formatArticleTimeline(t: ArticleTimeline): string {
  const left = t.undated.length > 0 ? `; ${plural(t.undated.length, 'article')} without a publication date left out` : ''
  if (t.articles.length === 0) return `No article has a publication date${left}.\n`
  const lines = [`Articles by publication date: ${plural(t.articles.length, 'article')} in ${plural(t.lanes.length, 'lane')} by outlet${left}.`]
  for (const lane of t.lanes) {
    lines.push('', `${escapeLabel(lane.label)} (${lane.count})`)
    const mine = t.articles.filter((a) => a.lanes.includes(lane.key)).sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title))
    for (const a of mine) lines.push(`  ${a.start}  ${escapeLabel(oneLine(a.title).slice(0, 90))}${a.title.length > 90 ? '…' : ''}  (${plural(a.passageCount, 'passage')}; ${a.articleId})`)
  }
  return `${lines.join('\n')}\n`
}

function placeJson(p: MapPlace) {
  return { entityId: p.entityId, name: p.name, lat: p.lat, lon: p.lon, passages: p.passages.length, mentions: p.mentions ?? 0, highlightIds: p.passages.map((x) => x.highlightId) }
}

function formatMap(places: readonly MapPlace[]): string {
  if (places.length === 0) return 'No places with coordinates: add some with "dossier entity add NAME --type place --lat … --lon …" or "dossier entities import-pack --starter".\n'
  const lines = places.map((p) => `${String(p.passages.length).padStart(5)}  ${escapeLabel(p.name)} (${p.lat}, ${p.lon})${p.mentions === undefined ? '' : `  ${plural(p.mentions, 'mention')} in the notebook`}`)
  return `Passages  place\n${lines.join('\n')}\n`
}
