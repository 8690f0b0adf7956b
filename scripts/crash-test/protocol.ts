/**
 * What the crash test's parent and child share: the line protocol, how a highlight's
 * comment names the save that made it, and the synthetic article (from the seeded PRNG
 * in scripts/shared/corpus.ts).
 *
 * Child -> parent, one line each on stdout (a pipe: writes are synchronous on Linux, so a
 * line written before SIGKILL is never lost):
 *   READY                 modules loaded, waiting for GO on stdin
 *   OPENED <chars>        notebook open, article text has <chars> characters
 *   SAVING <n>            about to call createHighlight for save n of this run
 *   ACK <n> <highlightId> createHighlight for save n resolved (the save is durable)
 *   ERROR <message>       something failed; the child exits 1
 * Parent -> child: one line `GO <json ChildConfig>` on stdin.
 */

import { prng, randomInt } from '../shared/corpus'

export type WriterKind = 'durable' | 'plain' | 'deferred'

export interface ChildConfig {
  dir: string
  fontsDir: string
  articleId: string
  /** Global run number; each highlight's comment carries it (see commentTag). */
  run: number
  seed: number
  /**
   * How the child's notebook replaces files: 'durable' is the store's default (the real
   * test); 'plain' is fs.writeFile, truncate + write in place (the control); 'deferred'
   * resolves before writing (a lying write-behind cache; a second control, for ACK checks).
   */
  writer: WriterKind
}

/** Every highlight's comment starts with this, so the parent can tell which save made it. */
export function commentTag(run: number, save: number): string {
  return `[run ${run} save ${save}]`
}

export function parseCommentTag(comment: string): { run: number; save: number } | null {
  const m = /^\[run (\d+) save (\d+)\]/.exec(comment)
  return m ? { run: Number(m[1]), save: Number(m[2]) } : null
}

/** writeFileDurably's temp files: `.<name>.<pid>.<hex>.tmp` beside the target. */
export const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]+\.tmp$/

const WORDS = (
  'the convoy reached the port of tartus before dawn while officials in damascus ' +
  'said talks on the future of the naval base would continue next week and analysts ' +
  'noted that cargo ships had been waiting offshore for days as trucks carrying air ' +
  'defence radars and armoured vehicles lined the coastal road near the khmeimim air base ' +
  'where satellite images showed transport aircraft being loaded under guard'
).split(' ')

/** A few KB of prose-like text from a seed (the crash test does not need the corpus). */
export function syntheticArticle(seed: number, words = 900): string {
  const rand = prng(seed)
  const paragraphs: string[] = []
  let count = 0
  while (count < words) {
    const sentences: string[] = []
    for (let s = randomInt(rand, 2, 5); s > 0; s--) {
      const n = randomInt(rand, 8, 22)
      const ws = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!)
      ws[0] = ws[0]!.charAt(0).toUpperCase() + ws[0]!.slice(1)
      sentences.push(`${ws.join(' ')}.`)
      count += n
    }
    paragraphs.push(sentences.join(' '))
  }
  return `Crash test article: the withdrawal from the coast\n\n${paragraphs.join('\n\n')}\n`
}
