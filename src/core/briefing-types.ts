/**
 * The data types of a briefing (see ./briefing): what building one takes (the notebook's
 * data, a simple request, options) and the layout it yields (sections, numbered passages,
 * cross-references, numbered sources, warnings). Types only, no code.
 */
import type { BriefingId, MultiTagMode } from './briefing-document'
import type { AchId } from './ach/schema'
import type { BriefingAnalysis, BriefingFigure } from './briefing-figures'
import type { Entity, EntityId, EntityType } from './entities/schema'
import type { ArticleId, HighlightId, TagId } from './ids'
import type { Article, Highlight, Tag, TextTarget } from './model'
import type { BriefingSourcing } from './briefing-sourcing-types'
import type { Attribution, ClaimId, ClaimsFile, OutletsFile, Reliability } from './sourcing/schema'

export interface NotebookData {
  articles: readonly Article[]
  tags: readonly Tag[]
  highlights: readonly Highlight[]
  /** The notebook's outlets (notes/sourcing.md): sources then name their outlet and carry its grade. */
  outlets?: OutletsFile
  /** The notebook's claims (notes/sourcing.md): key judgments cite them. Absent: none. */
  claims?: ClaimsFile
  /**
   * The notebook's entities and which passages mention them, for entity sections and the
   * index of entities. Main finds the mentions (its mention index); the core only reads
   * them. Absent: no entity is known (entity sections are left out with a warning).
   */
  entities?: BriefingEntityData
}

export interface BriefingEntityData {
  entities: readonly Entity[]
  /** The entities each highlight's text mentions (highlights that mention none may be absent). */
  byHighlight: ReadonlyMap<HighlightId, readonly EntityId[]>
}

/** An entity as a briefing prints it: its name and its other spellings. */
export interface BriefingEntity {
  id: EntityId
  name: string
  type: EntityType
  /** The aliases' texts, as stored (the name not repeated). */
  aliases: string[]
}

/** One line of the index of entities: an entity the printed passages mention, and where. */
export interface BriefingIndexEntry {
  entity: BriefingEntity
  /** The numbers of the printed passages that mention it, ascending. */
  passages: number[]
}

/** An ad-hoc briefing (CLI `--tag`, the current export button): defaults for everything else. */
export interface SimpleBriefingRequest {
  title?: string
  /** Tags whose passages go in, in this order; every tag of the notebook when omitted. */
  tagIds?: readonly TagId[]
  /**
   * Also a last section of the passages that carry no tag ("Untagged passages"). Default:
   * true when `tagIds` is omitted (a briefing of every passage), false when tags are named.
   */
  untagged?: boolean
  articleIds?: readonly ArticleId[] | null
  from?: string | null
  to?: string | null
  author?: string
  handling?: string
  keyJudgments?: string
  /** `YYYY-MM-DD`; defaults to the date of `generatedAt`. */
  date?: string
  multiTag?: MultiTagMode
}

/** The original one-object call: a simple request plus the notebook data. */
export interface BriefingInput extends SimpleBriefingRequest, NotebookData {
  generatedAt: string
}

export interface BuildBriefingOptions {
  /** ISO timestamp of the export (PDF creation date, "generated" line). */
  generatedAt: string
}

export interface BriefingCrossReference {
  sectionNumber: number
  tagName: string
  /** The passage's number in that section; null in cross-reference mode (not printed there). */
  passageNumber: number | null
}

export interface BriefingPassage {
  /** 1..n over the whole briefing, in reading order. */
  number: number
  sectionNumber: number
  highlightId: HighlightId
  articleId: ArticleId
  /** The quote exactly as stored: never re-typed, re-punctuated or trimmed. */
  quote: string
  comment: string
  /** Number of the source in `sources`. */
  sourceNumber: number
  /** Every known tag of the highlight, in notebook order. */
  tags: Tag[]
  target: TextTarget
  createdAt: string
  updatedAt: string
  /** Other sections holding this highlight: copies (`repeat`) or "see also" (`cross-reference`). */
  alsoIn: BriefingCrossReference[]
  /** The information's credibility 1–6, when graded (notes/sourcing.md). */
  credibility?: number
  /** Where the passage says its information came from, when saved (notes/sourcing.md). */
  attribution?: Attribution
}

/** In cross-reference mode: a passage of this section's tag that is printed in another section. */
export interface BriefingReference {
  highlightId: HighlightId
  passageNumber: number
  sectionNumber: number
  tagName: string
  quote: string
}

export interface BriefingSection {
  /** 1..k: the "§n" of the section. */
  number: number
  /**
   * The section's tag; null for an entity's section (`entity`) and for the section of
   * untagged passages (its heading: `sectionName`).
   */
  tag: Tag | null
  /** An entity's section: the passages that mention it. Absent for the other sections. */
  entity?: BriefingEntity
  /** The analyst's note for this section ('' for none). */
  note: string
  passages: BriefingPassage[]
  references: BriefingReference[]
}

export interface BriefingSource {
  number: number
  articleId: ArticleId
  title: string
  outlet: string | null
  author: string | null
  published: string | null
  url: string | null
  /** sha256 of the article's stored text (its stable identity when there is no URL). */
  bodyHash: string
  /** BCP-47 language of the article's text, when analysis could tell (the PDF tags its passages with it). */
  language: string | null
  /** Numbers of the passages that cite this source, ascending. */
  citedBy: number[]
  /** Its reliability A–F (the article's own grade, else its outlet's), when graded (notes/sourcing.md). */
  reliability?: Reliability
}

/** The tag or entity whose section a warning is about. */
export type SectionRef = { tagId: TagId } | { entityId: EntityId }

export type BriefingWarning =
  | { kind: 'tag-missing'; tagId: TagId; message: string }
  | { kind: 'entity-missing'; entityId: EntityId; message: string }
  | { kind: 'article-missing'; articleId: ArticleId; message: string }
  | ({ kind: 'passage-missing'; highlightId: HighlightId; message: string } & SectionRef)
  | ({ kind: 'section-empty'; message: string } & SectionRef)
  | { kind: 'undated-left-out'; articleIds: ArticleId[]; passageCount: number; message: string }
  | { kind: 'claim-missing'; claimId: ClaimId; judgment: number; message: string }
  /** A figure or ACH matrix of the document that could not be drawn (its section, passages or file are gone): left out. */
  | { kind: 'figure-missing'; figureId: string; message: string }
  | { kind: 'ach-missing'; achId: string; message: string }

/** What the briefing holds (its title block's "Scope" line): only sections that are in it. */
export interface BriefingScope {
  /** The tags of the briefing's sections, in section order (a chosen tag whose section was left out is not here). */
  tags: Tag[]
  /** The entities of the briefing's sections, in section order (absent in layouts made before entity sections). */
  entities?: BriefingEntity[]
  /** Whether the passages without a tag are in too (their own last section, printed). */
  untagged: boolean
  articleCount: number | null
  from: string | null
  to: string | null
}

export interface BriefingLayout {
  /** The stored document this was built from; null for a simple request. */
  briefingId: BriefingId | null
  title: string
  /** '' when none. */
  author: string
  /** `YYYY-MM-DD`. */
  date: string
  /** '' when none. */
  handling: string
  keyJudgments: string
  generatedAt: string
  multiTag: MultiTagMode
  scope: BriefingScope
  sections: BriefingSection[]
  sources: BriefingSource[]
  /** Numbered passage blocks (a repeated passage counts once per copy). */
  passageCount: number
  /** Distinct highlights in the briefing. */
  highlightCount: number
  /**
   * The index of entities (the document's `entityIndex`): every entity the printed
   * passages mention, by name. Absent when the briefing has none.
   */
  entityIndex?: BriefingIndexEntry[]
  /** Figures (timeline, map) main drew for the document's figure specs; absent when none (./briefing-figures). */
  figures?: BriefingFigure[]
  /** ACH matrices the document names, read and scored; absent when none. */
  analyses?: BriefingAnalysis[]
  /** Only in the composer's preview: the notebook's ACH matrices, to pick from. */
  achChoices?: BriefingAchChoice[]
  warnings: BriefingWarning[]
  /**
   * Claims cited by key judgments, sourcing warnings, rewrite clusters and damage notes of
   * the sources, and the notebook's claims for the composer (./briefing-sourcing). Absent
   * in layouts made before claims could be cited.
   */
  sourcing?: BriefingSourcing
}

/** An ACH matrix the composer can add to a briefing. */
export interface BriefingAchChoice {
  id: AchId
  question: string
  hypothesisCount: number
  evidenceCount: number
}
