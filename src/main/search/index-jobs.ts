/**
 * The work of the index worker (./index-worker.ts), as plain functions: the host runs them
 * in this thread when no built worker script exists (./build-in-worker.ts), with the same
 * result and the same bounded memory, only on the calling thread.
 */
import { buildMatcher, type Entity, type Mention } from '../../core/entities'
import { IndexBuilder, mergeParts, type IndexPart } from '../../core/search/index-builder'
import type { ArticleInput, HighlightInput, TextRange } from '../../core/search/types'
import { readBodyFile, readFurnitureFile } from '../storage/content-files'
import { writeIndexFiles, type IndexFiles, type NotebookState } from './index-files'

export interface IndexArticle extends ArticleInput {
  /** Named when a furniture must be recomputed (an analysis file missing or damaged). */
  fileName: string
}

/** A body as the index reads it: an unreadable one is indexed by its title (`dossier check` reports it). */
const bodyOf = (dir: string, hash: string): Promise<string> => readBodyFile(dir, hash).catch(() => '')

/** The analysis' furniture ranges; recomputed from the text when its file is missing or damaged, none if even that fails. */
async function furnitureOf(dir: string, article: IndexArticle, text: string): Promise<readonly TextRange[]> {
  const stored = await readFurnitureFile(dir, article.bodyHash)
  if (stored !== null) return stored
  try {
    const { analyseText } = await import('../../core/analysis/analyse')
    return analyseText(text, { fileName: article.fileName }).furniture
  } catch {
    return []
  }
}

export async function buildPart(dir: string, firstId: number, articles: readonly IndexArticle[], highlights: readonly HighlightInput[]): Promise<IndexPart> {
  const builder = new IndexBuilder(firstId)
  for (const article of articles) {
    const text = await bodyOf(dir, article.bodyHash)
    builder.addArticle(article, text, text === '' ? [] : await furnitureOf(dir, article, text))
  }
  for (const h of highlights) builder.addHighlight(h)
  return builder.part()
}

export function writeParts(dir: string, parts: readonly IndexPart[], state: NotebookState): Promise<IndexFiles> {
  return writeIndexFiles(dir, mergeParts(parts), null, state)
}

export async function findAllMentions(dir: string, entities: readonly Entity[], articles: readonly { bodyHash: string }[]): Promise<Mention[][]> {
  const matcher = buildMatcher(entities)
  const out: Mention[][] = []
  for (const a of articles) out.push(matcher.size === 0 ? [] : matcher.findMentions(await bodyOf(dir, a.bodyHash)))
  return out
}

/** The typed arrays a part holds, to transfer rather than copy. */
export function partBuffers(part: IndexPart): ArrayBuffer[] {
  return [part.fieldLengths, part.postingTerms, part.postingDocs, part.postingFreqs].map((a) => a.buffer as ArrayBuffer)
}

