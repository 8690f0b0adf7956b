/**
 * Briefing layout: which passages go under which section, in what order, with which
 * global numbers, cross-references and numbered sources. Pure data, built from a stored
 * BriefingDocument (./briefing-document) or a simple request (title + tags) and the
 * notebook's articles, tags and highlights. The PDF renderer, the Markdown and CSV exports
 * and the tests all read this one structure.
 *
 * Guarantees:
 * - quotes and comments are exactly as stored (`highlight.target.exact`, `comment`);
 * - passages are numbered 1..n in reading order; sources 1..m by first citation in
 *   reading order, each with the passage numbers that cite it;
 * - a request for every passage (no tags named, or `untagged: true`) also gets a last
 *   section, "Untagged passages" (`tag: null`), of the highlights that carry no tag of the
 *   notebook (a comment alone, or only deleted tags), so no export leaves them out; a
 *   selection by tag (`tagIds`, and every stored document) holds only what it selects;
 * - an empty result is refused with DossierError('empty-selection') saying why;
 * - a selected passage whose article is not in the notebook is refused with
 *   DossierError('not-found') naming the passage and the article (the notebook is
 *   inconsistent: `dossier check` finds such passages). Stale references in a stored
 *   document (a deleted tag, highlight or chosen article) are skipped and reported in
 *   `warnings`, since the document only records choices that no longer apply.
 *
 * This module builds the layout and is the public entry point; the layout's types are in
 * ./briefing-types, the selection's order and empty-selection messages in
 * ./briefing-select, and the text helpers the renderers share in ./briefing-format.
 */
import {
  DEFAULT_BRIEFING_TITLE,
  normaliseBriefingDocument,
  type BriefingDocument,
  type BriefingId,
  type SectionKey,
} from './briefing-document'
import { briefingEntity, buildEntityIndex } from './briefing-entities'
import { buildBriefingSourcing } from './briefing-sourcing'
import { isUntaggedSection, plural, sectionName } from './briefing-format'
import { emptySelection, orderCandidates, publicationDay, type Candidate, type SelectionFunnel } from './briefing-select'
import type {
  BriefingEntity,
  BriefingInput,
  BriefingLayout,
  BriefingPassage,
  BriefingSection,
  BriefingSource,
  BriefingWarning,
  BuildBriefingOptions,
  NotebookData,
  SectionRef,
  SimpleBriefingRequest,
} from './briefing-types'
import type { EntityId } from './entities/schema'
import type { ArticleId, HighlightId, TagId } from './ids'
import type { Article, Tag } from './model'
import { DossierError } from './result'
import { OutletMatcher } from './sourcing/outlets'

export { DEFAULT_BRIEFING_TITLE }
export * from './briefing-format'
export { briefingEntity, buildEntityIndex, formatIndexLocations } from './briefing-entities'
export { comparePassages, publicationDay } from './briefing-select'
export type * from './briefing-types'
export type * from './briefing-sourcing-types'

export function buildBriefing(input: BriefingInput): BriefingLayout
export function buildBriefing(source: BriefingDocument | SimpleBriefingRequest, data: NotebookData, options: BuildBriefingOptions): BriefingLayout
export function buildBriefing(
  first: BriefingInput | BriefingDocument | SimpleBriefingRequest,
  data?: NotebookData,
  options?: BuildBriefingOptions,
): BriefingLayout {
  if (data === undefined || options === undefined) {
    const input = first as BriefingInput
    return buildFromRequest(input, input, { generatedAt: input.generatedAt })
  }
  if (isBriefingDocument(first)) {
    const doc = normaliseBriefingDocument(first)
    return buildFromDocument(doc, data, options, true, doc.selection.untagged === true)
  }
  return buildFromRequest(first, data, options)
}

function isBriefingDocument(value: BriefingDocument | SimpleBriefingRequest): value is BriefingDocument {
  return 'selection' in value && 'sections' in value && 'id' in value
}

function buildFromRequest(request: SimpleBriefingRequest, data: NotebookData, options: BuildBriefingOptions): BriefingLayout {
  const known = new Set(data.tags.map((t) => t.id))
  for (const id of request.tagIds ?? []) {
    if (!known.has(id)) throw new DossierError('unknown-tag', `No tag with id ${id} in this notebook.`)
  }
  const tagIds = [...new Set(request.tagIds ?? data.tags.map((t) => t.id))]
  const doc: BriefingDocument = {
    id: 'b-request' as BriefingId,
    title: request.title?.trim() || DEFAULT_BRIEFING_TITLE,
    author: request.author?.trim() ?? '',
    date: request.date ?? options.generatedAt.slice(0, 10),
    handling: request.handling?.trim() ?? '',
    keyJudgments: request.keyJudgments ?? '',
    selection: { tagIds, articleIds: request.articleIds ? [...request.articleIds] : null, from: request.from ?? null, to: request.to ?? null },
    multiTag: request.multiTag ?? 'repeat',
    sections: tagIds.map((tagId) => ({ tagId, note: '', order: [], excluded: [] })),
    createdAt: options.generatedAt,
    updatedAt: options.generatedAt,
  }
  return buildFromDocument(doc, data, options, false, request.untagged ?? request.tagIds === undefined)
}

/** One section being built: a tag's, an entity's, or (both null) the untagged passages'. */
interface ChosenSection {
  tag: Tag | null
  entity: BriefingEntity | null
  note: string
  order: readonly HighlightId[]
  excluded: ReadonlySet<HighlightId>
}

function buildFromDocument(doc: BriefingDocument, data: NotebookData, options: BuildBriefingOptions, stored: boolean, untagged: boolean): BriefingLayout {
  const warnings: BriefingWarning[] = []
  const tagsById = new Map(data.tags.map((t) => [t.id, t]))
  const tagRank = new Map(data.tags.map((t, i) => [t.id, i]))
  const articlesById = new Map(data.articles.map((a) => [a.id, a]))
  const highlightsById = new Map(data.highlights.map((h) => [h.id, h]))

  const entitiesById = new Map((data.entities?.entities ?? []).map((e) => [e.id, e]))
  const mentioned = data.entities?.byHighlight ?? new Map<HighlightId, readonly EntityId[]>()

  // Sections whose tag or entity still exists, in the document's order.
  const chosen: ChosenSection[] = []
  for (const settings of doc.sections) {
    const own = { note: settings.note, order: settings.order, excluded: new Set(settings.excluded) }
    if (settings.entityId !== undefined) {
      const entity = entitiesById.get(settings.entityId)
      if (entity) chosen.push({ tag: null, entity: briefingEntity(entity), ...own })
      else warnings.push({ kind: 'entity-missing', entityId: settings.entityId, message: `Entity ${settings.entityId} is no longer in the notebook; its section was left out.` })
      continue
    }
    const tag = tagsById.get(settings.tagId)
    if (tag) chosen.push({ tag, entity: null, ...own })
    else warnings.push({ kind: 'tag-missing', tagId: settings.tagId, message: `Tag ${settings.tagId} is no longer in the notebook; its section was left out.` })
  }
  const chosenTags = chosen.flatMap((c) => (c.tag ? [c.tag] : []))
  const chosenEntities = chosen.flatMap((c) => (c.entity ? [c.entity] : []))
  // Last, the passages no section of a tag can hold: no tag at all, or only deleted ones.
  if (untagged) chosen.push({ tag: null, entity: null, note: '', order: [], excluded: new Set() })
  const hasNoTag = (tagIds: readonly TagId[]) => !tagIds.some((id) => tagsById.has(id))
  /** Whether a highlight belongs in a section, before the article, date and exclusion steps. */
  const belongs = (section: ChosenSection, h: (typeof data.highlights)[number]): boolean => {
    if (section.tag) return h.tagIds.includes(section.tag.id)
    if (section.entity) return mentioned.get(h.id)?.includes(section.entity.id) ?? false
    return hasNoTag(h.tagIds)
  }

  const articleFilter = doc.selection.articleIds === null ? null : new Set(doc.selection.articleIds)
  if (articleFilter) {
    for (const id of articleFilter) {
      if (!articlesById.has(id)) {
        warnings.push({ kind: 'article-missing', articleId: id, message: `Article ${id}, chosen for this briefing, is no longer in the notebook.` })
      }
    }
  }
  const { from, to } = doc.selection
  const dateFiltered = from !== null || to !== null
  const undatedLeftOut = new Map<ArticleId, number>()

  // Funnel counts, so an empty result can say which step emptied it.
  const funnel: SelectionFunnel = { tagged: 0, inArticles: 0, inDates: 0, included: 0 }
  const candidatesBySection = chosen.map((section) => {
    const candidates: Candidate[] = []
    const ref: SectionRef | null = section.tag ? { tagId: section.tag.id } : section.entity ? { entityId: section.entity.id } : null
    for (const h of data.highlights) {
      if (!belongs(section, h)) continue
      funnel.tagged++
      if (articleFilter && !articleFilter.has(h.articleId)) continue
      funnel.inArticles++
      const article = articlesById.get(h.articleId)
      if (article && dateFiltered) {
        const day = publicationDay(article)
        if (day === null) {
          undatedLeftOut.set(article.id, (undatedLeftOut.get(article.id) ?? 0) + 1)
          continue
        }
        if ((from !== null && day < from) || (to !== null && day > to)) continue
      }
      funnel.inDates++
      if (section.excluded.has(h.id)) continue
      funnel.included++
      if (!article) {
        throw new DossierError(
          'not-found',
          `The passage “${excerpt(h.target.exact)}” (${h.id}) belongs to article ${h.articleId}, which is no longer in the notebook. ` +
            'Exclude the passage from the briefing, or run “dossier check” to find and repair such passages.',
        )
      }
      candidates.push({ highlight: h, article })
    }
    return orderCandidates(candidates, section.order, ref, highlightsById, stored, warnings)
  })

  if (undatedLeftOut.size > 0) {
    const passageCount = [...undatedLeftOut.values()].reduce((a, b) => a + b, 0)
    warnings.push({
      kind: 'undated-left-out',
      articleIds: [...undatedLeftOut.keys()],
      passageCount,
      message: `${plural(passageCount, 'passage')} from ${plural(undatedLeftOut.size, 'undated article')} ${passageCount === 1 ? 'was' : 'were'} left out by the date range.`,
    })
  }

  // Which sections each highlight lands in (section index order), after exclusions.
  const homes = new Map<HighlightId, number[]>()
  candidatesBySection.forEach((candidates, sectionIndex) => {
    for (const c of candidates) {
      const list = homes.get(c.highlight.id) ?? []
      list.push(sectionIndex)
      homes.set(c.highlight.id, list)
    }
  })

  // Sections that print something: passages, references, or a note.
  const printed = candidatesBySection.map((candidates, i) => {
    const own = candidates.filter((c) => doc.multiTag === 'repeat' || homes.get(c.highlight.id)![0] === i)
    const refs = doc.multiTag === 'cross-reference' ? candidates.filter((c) => homes.get(c.highlight.id)![0] !== i) : []
    return { own, refs }
  })
  const sectionNumbers = new Map<number, number>()
  chosen.forEach((section, i) => {
    const p = printed[i]!
    if (p.own.length > 0 || p.refs.length > 0 || section.note.trim()) sectionNumbers.set(i, sectionNumbers.size + 1)
    else if (stored && section.tag) warnings.push({ kind: 'section-empty', tagId: section.tag.id, message: `Section ${section.tag.name} has no passages and was left out.` })
    else if (stored && section.entity) warnings.push({ kind: 'section-empty', entityId: section.entity.id, message: `Section ${section.entity.name} has no passages and was left out.` })
  })

  // Number passages in reading order; sources by first citation.
  const sources: BriefingSource[] = []
  const sourceNumbers = new Map<ArticleId, number>()
  const outlets = data.outlets ? new OutletMatcher(data.outlets) : null
  const sourceFor = (article: Article): BriefingSource => {
    const known = sourceNumbers.get(article.id)
    if (known !== undefined) return sources[known - 1]!
    const reliability = outlets?.reliabilityOf(article)?.grade
    const source: BriefingSource = {
      number: sources.length + 1,
      articleId: article.id,
      title: article.title,
      outlet: outlets?.outletOf(article)?.outlet.name ?? article.outlet,
      author: article.author,
      published: article.published,
      url: article.url,
      bodyHash: article.bodyHash,
      language: article.language,
      citedBy: [],
      ...(reliability !== undefined ? { reliability } : {}),
    }
    sources.push(source)
    sourceNumbers.set(article.id, source.number)
    return source
  }
  const numberOf = new Map<string, number>() // `${sectionIndex}:${highlightId}` -> passage number
  const sections: BriefingSection[] = []
  let passageCount = 0
  chosen.forEach((section, i) => {
    const sectionNumber = sectionNumbers.get(i)
    if (sectionNumber === undefined) return
    const passages = printed[i]!.own.map(({ highlight: h, article }): BriefingPassage => {
      const source = sourceFor(article)
      const number = ++passageCount
      source.citedBy.push(number)
      numberOf.set(`${i}:${h.id}`, number)
      return {
        number,
        sectionNumber,
        highlightId: h.id,
        articleId: h.articleId,
        quote: h.target.exact,
        comment: h.comment,
        sourceNumber: source.number,
        tags: h.tagIds
          .map((id) => tagsById.get(id))
          .filter((t): t is Tag => t !== undefined)
          .sort((a, b) => tagRank.get(a.id)! - tagRank.get(b.id)!),
        target: h.target,
        createdAt: h.createdAt,
        updatedAt: h.updatedAt,
        alsoIn: [],
        ...(h.credibility !== undefined ? { credibility: h.credibility } : {}),
        ...(h.attribution !== undefined ? { attribution: h.attribution } : {}),
      }
    })
    sections.push({ number: sectionNumber, tag: section.tag, ...(section.entity ? { entity: section.entity } : {}), note: section.note, passages, references: [] })
  })

  if (passageCount === 0) throw emptySelection(doc, chosenTags, chosenEntities, untagged, funnel, articleFilter, warnings)

  // Cross-references, now that every number is known.
  const sectionByIndex = new Map<number, BriefingSection>()
  for (const [index, number] of sectionNumbers) sectionByIndex.set(index, sections[number - 1]!)
  for (const [index, section] of sectionByIndex) {
    for (const passage of section.passages) {
      const where = homes.get(passage.highlightId)!.filter((j) => j !== index && sectionByIndex.has(j))
      passage.alsoIn = where.map((j) => ({
        sectionNumber: sectionByIndex.get(j)!.number,
        tagName: sectionName(sectionByIndex.get(j)!),
        passageNumber: doc.multiTag === 'repeat' ? (numberOf.get(`${j}:${passage.highlightId}`) ?? null) : null,
      }))
    }
    for (const ref of printed[index]!.refs) {
      const home = homes.get(ref.highlight.id)![0]!
      const homeSection = sectionByIndex.get(home)!
      section.references.push({
        highlightId: ref.highlight.id,
        passageNumber: numberOf.get(`${home}:${ref.highlight.id}`)!,
        sectionNumber: homeSection.number,
        tagName: sectionName(homeSection),
        quote: ref.highlight.target.exact,
      })
    }
  }

  const sourcing = buildBriefingSourcing(doc, data, { sections, sources }, warnings)
  return {
    briefingId: stored ? doc.id : null,
    title: doc.title.trim() || DEFAULT_BRIEFING_TITLE,
    author: doc.author,
    date: doc.date,
    handling: doc.handling,
    keyJudgments: doc.keyJudgments,
    generatedAt: options.generatedAt,
    multiTag: doc.multiTag,
    // What is in the briefing: a section left out (no passages, no note) is not in its scope.
    scope: {
      tags: sections.flatMap((s) => (s.tag ? [s.tag] : [])),
      entities: sections.flatMap((s) => (s.entity ? [s.entity] : [])),
      untagged: sections.some(isUntaggedSection),
      articleCount: articleFilter ? articleFilter.size : null,
      from,
      to,
    },
    sections,
    sources,
    passageCount,
    highlightCount: homes.size,
    ...(doc.entityIndex ? { entityIndex: buildEntityIndex(sections, data.entities) } : {}),
    warnings,
    sourcing,
  }
}

/** The ids of one section's passages in built order: what `movePassage` takes as `shownOrder`. */
export function sectionPassageIds(layout: BriefingLayout, key: SectionKey): HighlightId[] {
  return builtSection(layout, key)?.passages.map((p) => p.highlightId) ?? []
}

/** The built section of a tag or an entity, if the layout holds one. */
export function builtSection(layout: Pick<BriefingLayout, 'sections'>, key: SectionKey): BriefingSection | undefined {
  return layout.sections.find((s) => (s.tag?.id ?? s.entity?.id) === key)
}

function excerpt(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`
}
