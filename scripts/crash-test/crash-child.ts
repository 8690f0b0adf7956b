/**
 * The crash test's victim. Loads the real storage code, prints READY, waits for
 * `GO <config>` on stdin, opens the notebook and saves highlights on one article until the
 * parent SIGKILLs it. `SAVING n` is printed before each createHighlight call and `ACK n id`
 * only after its promise resolved, i.e. after the save is durable. See protocol.ts.
 */
import { writeFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import type { ArticleId, TagId } from '../../src/core/ids'
import { NotebookSession } from '../../src/main/notebook-session'
import { writeFileDurably, type FileWriter } from '../../src/main/storage/durable-write'
import { prng, randomInt } from '../shared/corpus'
import { commentTag, type ChildConfig, type WriterKind } from './protocol'

const TAGS = [['t-bases'], ['t-convoys'], ['t-bases', 't-convoys']] as unknown as TagId[][]
const FILLER = 'Cross-check with the port authority statement and the satellite imagery from the same week; '

/** The control: truncate and write in place, no temp file, no fsync. Not crash-safe. */
const plainWriter: FileWriter = (target, data) => writeFile(target, data)

/** Reports the save done before writing anything; writes it durably 20 ms later. */
const deferredWriter: FileWriter = (target, data) => {
  setTimeout(() => void writeFileDurably(target, data), 20)
  return Promise.resolve()
}

const writers: Record<WriterKind, FileWriter | undefined> = { durable: undefined, plain: plainWriter, deferred: deferredWriter }

function say(line: string): void {
  process.stdout.write(`${line}\n`)
}

async function readGo(): Promise<ChildConfig | null> {
  const lines = createInterface({ input: process.stdin })
  for await (const line of lines) {
    if (line.startsWith('GO ')) {
      lines.close()
      return JSON.parse(line.slice(3)) as ChildConfig
    }
  }
  return null // parent went away
}

async function main(): Promise<void> {
  say('READY')
  const config = await readGo()
  if (!config) return
  // If the parent dies without killing us, stop instead of saving forever.
  process.stdin.on('end', () => process.exit(0)).resume()
  const rand = prng(config.seed)
  const articleId = config.articleId as ArticleId
  const session = await NotebookSession.open(config.dir, { fontsDir: config.fontsDir }, { create: false, writer: writers[config.writer] })
  const { text } = await session.getArticle(articleId)
  say(`OPENED ${text.length}`)
  for (let save = 1; ; save++) {
    const length = randomInt(rand, 20, 300)
    const start = randomInt(rand, 0, Math.max(0, text.length - length - 1))
    const comment = `${commentTag(config.run, save)} ${FILLER.repeat(randomInt(rand, 0, 4))}`
    say(`SAVING ${save}`)
    const highlight = await session.createHighlight({ articleId, start, end: start + length, tagIds: TAGS[randomInt(rand, 0, TAGS.length - 1)]!, comment })
    say(`ACK ${save} ${highlight.id}`)
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(`ERROR ${error instanceof Error ? error.message : String(error)}`.replace(/\n/g, ' '))
    process.exit(1)
  },
)
