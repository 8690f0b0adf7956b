/**
 * Markdown → readable plain text (no Markdown library is installed, so this is a small
 * line-based reader of the common syntax). What is syntax goes; what is content stays:
 *
 * - headings (`# Title`, `Title` over `===`/`---`) become their text, one paragraph each;
 * - `**strong**`, `*em*`, `__strong__`, `_em_`, `~~struck~~` and `` `code` `` lose their markers
 *   (underscores inside words, as in snake_case, are kept);
 * - `[text](url)` and `[text][ref]` become `text`; images and reference definitions go;
 *   `<https://…>` autolinks become the address; backslash escapes are resolved;
 * - block quotes lose `>`; bullet markers go, ordered-list numbers stay; each list item is
 *   its own paragraph; fenced and indented code keeps its lines; table rows become cells
 *   separated by tabs; thematic breaks and HTML comments go;
 * - soft-wrapped lines of a paragraph are joined with a space (Markdown renders them so),
 *   hard breaks (two trailing spaces or a backslash) stay line breaks.
 *
 * YAML front matter is not text: its title, author, date, url, outlet (or source,
 * publisher, site) and lang fields are returned as metadata. Without a front-matter title,
 * a level-1 heading that opens the document is the title.
 */
import type { ExtractedMeta, MetaKey } from './types'

export interface MarkdownText {
  text: string
  meta: ExtractedMeta
}

/** Front-matter keys Dossier reads. A Map: the keys come from the file (`constructor: x` must be no key). */
const FRONT_MATTER_KEYS: ReadonlyMap<string, MetaKey> = new Map([
  ['title', 'title'],
  ['author', 'author'],
  ['authors', 'author'],
  ['date', 'published'],
  ['published', 'published'],
  ['url', 'url'],
  ['canonical_url', 'url'],
  ['source', 'outlet'],
  ['outlet', 'outlet'],
  ['publisher', 'outlet'],
  ['site', 'outlet'],
  ['lang', 'language'],
  ['language', 'language'],
])

export function markdownToText(markdown: string): MarkdownText {
  let source = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const meta: ExtractedMeta = {}
  const front = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source)
  if (front) {
    readFrontMatter(front[1]!, meta)
    source = source.slice(front[0].length)
  }
  source = source.replace(/<!--[\s\S]*?-->/g, '')

  const lines = source.split('\n')
  const references = new Set<string>()
  const paragraphs: string[] = []
  let current: string[] = []
  let hardBreak = false
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join(''))
    current = []
    hardBreak = false
  }
  const addLine = (text: string, breakAfter: boolean): void => {
    if (current.length > 0) current.push(hardBreak ? '\n' : ' ')
    current.push(text)
    hardBreak = breakAfter
  }

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!
    const line = raw.replace(/^ {0,3}(?:>[ \t]?)+/, '') // block quotes
    const next = lines[i + 1]

    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (fence) {
      flush()
      const close = new RegExp(`^ {0,3}${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}[ \\t]*$`)
      const code: string[] = []
      for (i++; i < lines.length && !close.test(lines[i]!.replace(/^ {0,3}(?:>[ \t]?)+/, '')); i++) code.push(lines[i]!.replace(/^ {0,3}(?:>[ \t]?)+/, ''))
      if (code.length > 0) paragraphs.push(code.join('\n'))
      continue
    }
    if (line.trim() === '') {
      flush()
      continue
    }
    if (/^ {0,3}\[[^\]]+\]:\s*\S+/.test(line)) {
      references.add(/^ {0,3}\[([^\]]+)\]/.exec(line)![1]!.toLowerCase())
      continue
    }
    if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) {
      flush()
      continue
    }
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line)
    if (atx) {
      flush()
      const heading = inline(atx[2] ?? '')
      if (heading) paragraphs.push(heading)
      if (heading && atx[1] === '#' && paragraphs.length === 1 && !meta.title) meta.title = { value: heading, source: 'Markdown first # heading' }
      continue
    }
    if (next !== undefined && current.length === 0 && /^ {0,3}(=+|-+)[ \t]*$/.test(next)) {
      const heading = inline(line.trim())
      if (heading) paragraphs.push(heading)
      if (heading && next.includes('=') && paragraphs.length === 1 && !meta.title) meta.title = { value: heading, source: 'Markdown first # heading' }
      i++
      continue
    }
    if (/^ {0,3}\|?.*\|.*$/.test(line) && next !== undefined && /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/.test(next)) {
      flush()
      const rows: string[] = [tableRow(line)]
      for (i += 2; i < lines.length && lines[i]!.includes('|') && lines[i]!.trim() !== ''; i++) rows.push(tableRow(lines[i]!))
      i--
      paragraphs.push(rows.join('\n'))
      continue
    }
    const item = /^[ \t]*(?:[-*+]|(\d{1,9}[.)]))[ \t]+(.*)$/.exec(line)
    if (item) {
      flush()
      addLine(inline(`${item[1] ? `${item[1]} ` : ''}${item[2]!}`), false)
      continue
    }
    if (/^(?: {4}|\t)/.test(raw) && current.length === 0) {
      const code: string[] = []
      for (; i < lines.length && (/^(?: {4}|\t)/.test(lines[i]!) || lines[i]!.trim() === ''); i++) code.push(lines[i]!.replace(/^(?: {4}|\t)/, ''))
      i--
      while (code.length > 0 && code[code.length - 1]!.trim() === '') code.pop()
      paragraphs.push(code.join('\n'))
      continue
    }
    const breakAfter = / {2,}$/.test(line) || /\\$/.test(line)
    addLine(inline(line.trim().replace(/\\$/, '')), breakAfter)
  }
  flush()

  const text = paragraphs
    .map((p) => removeReferenceLinks(p, references))
    .filter((p) => p.trim().length > 0)
    .join('\n\n')
  return { text, meta }
}

function tableRow(line: string): string {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => inline(cell.trim()))
    .join('\t')
}

/** Inline syntax → text. Code spans are protected first so their content stays literal. */
export function inline(text: string): string {
  const kept: string[] = []
  const keep = (literal: string): string => {
    kept.push(literal)
    return `\u0000${kept.length - 1}\u0000`
  }
  let out = text
    .replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, code: string) => keep(code.trim()))
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>"'])/g, (_m, ch: string) => keep(ch))
  out = out
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g, '$1') // [text](url "title")
    .replace(/<((?:https?|mailto|ftp):[^>\s]+)>/gi, '$1') // autolinks
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, (m, marker: string, body: string, offset: number, all: string) =>
      marker === '__' && (isWordChar(all[offset - 1]) || isWordChar(all[offset + m.length])) ? m : body,
    )
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/(\*|_)(?=\S)([\s\S]*?\S)\1/g, (m, marker: string, body: string, offset: number, all: string) =>
      marker === '_' && (isWordChar(all[offset - 1]) || isWordChar(all[offset + m.length])) ? m : body,
    )
    .replace(/(\S) {2,}(?=\S)/g, '$1 ') // where an image was removed
  // eslint-disable-next-line no-control-regex
  return out.replace(/\u0000(\d+)\u0000/g, (_m, index: string) => kept[Number(index)] ?? '')
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch)
}

/** `[text][ref]` and `[text][]` become `text` when `ref` is defined in the file. */
function removeReferenceLinks(text: string, references: ReadonlySet<string>): string {
  return text.replace(/\[([^\]]+)\]\[([^\]]*)\]/g, (m, label: string, ref: string) => (references.has((ref || label).toLowerCase()) ? label : m))
}

function readFrontMatter(yaml: string, meta: ExtractedMeta): void {
  for (const line of yaml.split('\n')) {
    const field = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line)
    if (!field) continue
    const key = FRONT_MATTER_KEYS.get(field[1]!.toLowerCase())
    let value = field[2]!.trim()
    if (!key || meta[key] || value === '' || value === '|' || value === '>') continue
    if (/^\[.*\]$/.test(value)) {
      value = value
        .slice(1, -1)
        .split(',')
        .map((v) => unquote(v.trim()))
        .filter(Boolean)
        .join(', ')
    } else value = unquote(value)
    if (value) meta[key] = { value, source: `Markdown front matter ${field[1]}` }
  }
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value)
  return quoted ? quoted[2]! : value
}
