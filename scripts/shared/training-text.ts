/**
 * The real prose the realistic text generator learns from: the running prose of the
 * manual pages of Debian's `manpages` and `manpages-dev` packages (the same set on every
 * machine that installs them, so generated articles are the same everywhere), plus the
 * corpus of real articles (../shared/corpus) when present. Rendered and extracted once,
 * then cached under os.tmpdir() (never committed).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { corpusFiles, corpusHash, loadSentences } from './corpus'
import { groffCan, manPagesPackageSources, manProse, RealTextMissingError, REAL_TEXT_DIR, renderManPages } from './man-pages'
import { MarkovModel } from './markov'

/** Bump when the extraction changes what the same pages yield. */
const TRAINING_VERSION = 1

export interface TrainingText {
  sentences: string[]
  /** Identifies the training text (part of generated sets' cache keys). */
  key: string
  pages: number
  corpusSentences: number
}

export interface TrainingOptions {
  /** Who needs it, for the message when the pages are missing ('bench:cli'). */
  what: string
  /** The corpus of real articles, added when present. */
  corpusDir?: string
  /** Use every n-th page only (tests; default 1, all). */
  every?: number
  log?: (line: string) => void
}

/** Throws RealTextMissingError (with how to install) when the pages or groff are missing. */
export async function loadTrainingText(options: TrainingOptions): Promise<TrainingText> {
  const { what, corpusDir, every = 1, log = () => undefined } = options
  const all = manPagesPackageSources()
  if (all.length === 0) throw new RealTextMissingError(what, "the manual pages of the packages manpages and manpages-dev are not installed (dpkg-query -L lists none)")
  const sources = all.filter((_, i) => i % every === 0)
  const hash = createHash('sha256').update(`training ${TRAINING_VERSION}\n`)
  for (const source of sources) hash.update(`${source} ${statSync(source).size}\n`)
  const corpus = corpusDir && corpusFiles(corpusDir).length > 0 ? corpusDir : null
  if (corpus) hash.update(corpusHash(corpus))
  const key = hash.digest('hex').slice(0, 12)
  const cached = join(REAL_TEXT_DIR, `training-${key}.txt`)
  if (existsSync(cached)) {
    const [head, ...sentences] = (await readFile(cached, 'utf8')).split('\n').filter((l) => l.length > 0)
    const [pages, corpusSentences] = head!.split(' ').map(Number)
    return { sentences, key, pages: pages!, corpusSentences: corpusSentences! }
  }
  if (!groffCan('utf8')) throw new RealTextMissingError(what, 'groff cannot render them (groff-base is missing)')
  log(`  rendering ${sources.length} manual pages with groff to learn from (once; cached in ${REAL_TEXT_DIR})...`)
  const started = performance.now()
  const rendered = await renderManPages(sources, 'txt', { progress: (done, total) => log(`    ${done}/${total} pages rendered`) })
  const sentences = new Set<string>()
  for (const page of rendered) for (const s of manProse(readFileSync(page.path, 'utf8'))) sentences.add(s)
  let corpusSentences = 0
  if (corpus) {
    for (const s of loadSentences(corpus, { what, unique: true })) {
      if (!sentences.has(s)) corpusSentences++
      sentences.add(s)
    }
  }
  if (sentences.size < 1000) throw new RealTextMissingError(what, `the rendered pages yield only ${sentences.size} sentences of prose`)
  await mkdir(REAL_TEXT_DIR, { recursive: true })
  await writeFile(`${cached}.partial`, `${rendered.length} ${corpusSentences}\n${[...sentences].join('\n')}\n`)
  await rename(`${cached}.partial`, cached)
  log(`  ${sentences.size} sentences of prose from ${rendered.length} pages${corpus ? ` and ${corpusSentences} from the corpus` : ''} in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  return { sentences: [...sentences], key, pages: rendered.length, corpusSentences }
}

/** The training text and the chain trained on it. */
export async function trainModel(options: TrainingOptions): Promise<{ model: MarkovModel; training: TrainingText }> {
  const training = await loadTrainingText(options)
  return { model: MarkovModel.train(training.sentences), training }
}
