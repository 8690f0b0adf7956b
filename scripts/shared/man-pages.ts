/**
 * Real text on a Debian machine: its manual pages, rendered with groff (a real tool making
 * real text and PDF files) into a cache under os.tmpdir(), never into the repo.
 *
 *   renderManPages(sources, 'txt' | 'pdf')   paths of the rendered files (cached)
 *   manProse(rendered)                       the running prose of a rendered page, as sentences
 *
 * Rendering is `groff -t -k -man -Tutf8 -P-cbou -rHY=0`: tables (tbl), the page's encoding
 * (preconv), plain UTF-8 without overstriking, and no hyphenation, so words are whole. The
 * same with -Tpdf (gropdf, in Debian's `groff` package) makes PDFs.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { isWellFormedSentence, splitSentences } from './markov'

/** Where rendered pages and the training text are cached. */
export const REAL_TEXT_DIR = join(tmpdir(), 'dossier-real-text')
const MAN_ROOT = '/usr/share/man'
const SECTIONS = ['man1', 'man2', 'man3', 'man4', 'man5', 'man6', 'man7', 'man8']

export const INSTALL_HINT =
  'Install them with: apt-get install -y manpages manpages-dev groff (as root; groff-base renders text, groff adds PDF), ' +
  'and check that /etc/dpkg/dpkg.cfg.d/ does not exclude /usr/share/man (minimal images do; reinstall the packages after removing that rule).'

export class RealTextMissingError extends Error {
  constructor(what: string, missing: string) {
    super(`${what} needs real text from this machine's Debian manual pages, and ${missing}.\n${INSTALL_HINT}`)
    this.name = 'RealTextMissingError'
  }
}

/** Whether groff can render a device (utf8 needs groff-base; pdf needs groff's gropdf). */
export function groffCan(device: 'utf8' | 'pdf'): boolean {
  const probe = spawnSync('groff', ['-man', `-T${device}`], { input: '.TH X 1\n.SH NAME\nx\n', timeout: 20_000 })
  return probe.status === 0 && probe.stdout.length > 0
}

/** Every manual page source on the machine (not symbolic links), sorted. */
export function allManPageSources(): string[] {
  const found: string[] = []
  for (const section of SECTIONS) {
    const dir = join(MAN_ROOT, section)
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (lstatSync(path).isFile()) found.push(path)
    }
  }
  return found
}

/**
 * The pages of Debian's `manpages` and `manpages-dev` packages (the Linux man-pages
 * project: system calls, library functions, file formats, overviews), sorted: the same
 * set on every machine that installs those packages, so generated text is comparable
 * across machines. Empty when the packages (or dpkg) are missing.
 */
export function manPagesPackageSources(): string[] {
  const listed = spawnSync('dpkg-query', ['-L', 'manpages', 'manpages-dev'], { encoding: 'utf8' })
  if (listed.status !== 0 && !listed.stdout) return []
  return listed.stdout
    .split('\n')
    .filter((p) => /^\/usr\/share\/man\/man\d\/[^/]+$/.test(p) && existsSync(p) && lstatSync(p).isFile())
    .sort()
}

function renderedPath(source: string, format: 'txt' | 'pdf'): string {
  const section = basename(dirname(source))
  return join(REAL_TEXT_DIR, `man-${format}`, section, `${basename(source).replace(/\.gz$/, '')}.${format}`)
}

/** The page's troff source, or null for a page that only includes another (`.so`). */
function readSource(source: string): Buffer | null {
  let bytes = readFileSync(source)
  if (source.endsWith('.gz')) bytes = gunzipSync(bytes)
  const head = bytes.subarray(0, 400).toString('latin1')
  const firstCommand = head.split('\n').find((line) => !/^\.\\"|^'\\"|^\s*$/.test(line))
  return firstCommand?.startsWith('.so ') ? null : bytes
}

function groff(input: Buffer, format: 'txt' | 'pdf'): Promise<Buffer | null> {
  const device = format === 'txt' ? ['-Tutf8', '-P-cbou'] : ['-Tpdf']
  return new Promise((done) => {
    const proc = spawn('groff', ['-t', '-k', '-man', ...device, '-rHY=0'], { stdio: ['pipe', 'pipe', 'ignore'], timeout: 60_000 })
    const chunks: Buffer[] = []
    proc.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    proc.on('error', () => done(null))
    proc.on('close', (code) => done(code === 0 ? Buffer.concat(chunks) : null))
    proc.stdin.on('error', () => undefined)
    proc.stdin.end(input)
  })
}

export interface RenderOptions {
  /** groff processes at once (default 2: the machine is shared). */
  jobs?: number
  /** Called now and then with (rendered or skipped so far, to do). */
  progress?: (done: number, total: number) => void
}

/**
 * Renders each source (cached: a page is rendered once per machine) and returns the
 * rendered files in the order of `sources`, leaving out pages that only include another
 * page, fail to render, or render to almost nothing (a `.skip` file remembers those).
 */
export interface RenderedPage {
  source: string
  /** The rendered file in the cache. */
  path: string
}

export async function renderManPages(sources: readonly string[], format: 'txt' | 'pdf', options: RenderOptions = {}): Promise<RenderedPage[]> {
  const { jobs = 2, progress } = options
  const results: (string | null)[] = new Array<string | null>(sources.length).fill(null)
  const todo: number[] = []
  sources.forEach((source, i) => {
    const out = renderedPath(source, format)
    if (existsSync(out)) results[i] = out
    else if (!existsSync(`${out}.skip`)) todo.push(i)
  })
  let next = 0
  let done = 0
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const i = todo[next++]!
      const out = renderedPath(sources[i]!, format)
      await mkdir(dirname(out), { recursive: true })
      let source: Buffer | null
      try {
        source = readSource(sources[i]!)
      } catch {
        source = null
      }
      const rendered = source ? await groff(source, format) : null
      const usable = rendered !== null && (format === 'pdf' ? rendered.length > 1000 : rendered.toString('utf8').split(/\s+/).length > 20)
      if (usable) {
        await writeFile(`${out}.partial`, rendered)
        await rename(`${out}.partial`, out)
        results[i] = out
      } else {
        await writeFile(`${out}.skip`, '')
      }
      if (++done % 200 === 0) progress?.(done, todo.length)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker))
  if (todo.length > 0) progress?.(done, todo.length)
  return results.flatMap((path, i) => (path === null ? [] : [{ source: sources[i]!, path }]))
}

/** Share of a sentence's words that look like prose (letters, numbers, ordinary punctuation). */
function proseShare(words: readonly string[]): number {
  const prose = words.filter((w) => /^[“"‘(]?[\p{L}\p{N}][\p{L}\p{N}'’-]*[”"’)]?[,.;:!?]?[”"’)]?$/u.test(w))
  return prose.length / words.length
}

/**
 * The running prose of a rendered page: paragraphs (indented blocks between blank lines,
 * joined), without the running header and footer, section titles, synopses and option
 * lists, as sentences of 6 to 60 words that start and end like sentences and are nearly
 * all words (no command lines, paths or code).
 */
export function manProse(rendered: string): string[] {
  const lines = rendered.replace(/\r\n?/g, '\n').split('\n')
  // The first and last non-blank lines are the running header and footer.
  const first = lines.findIndex((l) => l.trim() !== '')
  let last = lines.length - 1
  while (last > 0 && lines[last]!.trim() === '') last--
  const body = lines.slice(first + 1, last)
  const sentences: string[] = []
  let block: string[] = []
  const flush = (): void => {
    const paragraph = block.join(' ').replace(/\s+/g, ' ').trim()
    block = []
    if (paragraph.split(' ').length < 12) return
    for (const sentence of splitSentences(paragraph)) {
      const words = sentence.split(' ')
      if (words.length < 6 || words.length > 60 || !isWellFormedSentence(sentence)) continue
      if (proseShare(words) >= 0.9) sentences.push(sentence)
    }
  }
  for (const line of body) {
    if (line.trim() === '' || /^\S/.test(line)) flush()
    else if (block.length > 0 && /\p{L}‐$/u.test(block[block.length - 1]!)) {
      // A word broken at the line's end by the page's own hyphenation: join it again.
      block[block.length - 1] = block[block.length - 1]!.slice(0, -1) + line.trimStart()
    } else block.push(line)
  }
  flush()
  return sentences
}

/** The rendered text of a page file (cached file path), read as UTF-8. */
export async function readRendered(path: string): Promise<string> {
  return readFile(path, 'utf8')
}
