/**
 * Real files on this machine for the benchmarks' `--real` runs: Debian's manual pages
 * rendered to .txt (and a few to PDF) with groff, Debian's HTML documentation
 * (/usr/share/doc/<package>/html, debian-reference, debian-handbook in English) and the
 * PDFs packages ship. Nothing is generated: these are real documents of real lengths,
 * vocabularies and structures (tables, code, headings), only not news articles.
 *
 * A set of N holds about 8% HTML (as many as are installed) and 1% PDF, the rest manual
 * pages, mixed in a fixed order; files whose bytes are identical are kept once. The
 * EXTRA_COUNT extra files (never in the N) are for "import 20 more into that notebook":
 * the longest unused manual pages, HTML pages and PDFs, among them the Debian Reference
 * (a 261-page PDF) when installed.
 */
import { createHash } from 'node:crypto'
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { allManPageSources, groffCan, REAL_TEXT_DIR, RealTextMissingError, type RenderedPage, renderManPages } from './man-pages'
import { seedOf } from './random'

export const EXTRA_COUNT = 20
const HTML_SHARE = 0.08
const PDF_SHARE = 0.01
const DOC_HINT = 'For HTML and PDF documentation too: apt-get install -y debian-reference-en debian-handbook python3.11-doc'

export interface RealFileSet {
  files: string[]
  extra: string[]
  counts: { txt: number; html: number; pdf: number }
  /** Identifies the set (part of cache keys). */
  key: string
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    const info = lstatSync(path)
    if (info.isDirectory()) walk(path, out)
    else if (info.isFile()) out.push(path)
  }
  return out
}

/** English HTML documentation of 3 KB or more, sorted. */
export function htmlDocFiles(): string[] {
  const otherLanguage = /\/debian-handbook\/html\/(?!en-US\/)[^/]+\//
  return [...walk('/usr/share/debian-reference').filter((p) => /\.en\.html$/.test(p)), ...walk('/usr/share/doc').filter((p) => /\.html?$/.test(p) && !otherLanguage.test(p))]
    .filter((p) => statSync(p).size >= 3072)
    .sort()
}

/** Documentation PDFs (packages' .pdf and .pdf.gz, not figures), the compressed ones unpacked into the cache. */
export async function pdfDocFiles(): Promise<string[]> {
  const found = [...walk('/usr/share/debian-reference'), ...walk('/usr/share/doc')].filter((p) => /\.pdf(\.gz)?$/.test(p) && !/\/images?\//.test(p) && !/\/examples\//.test(p))
  const out: string[] = []
  for (const path of found.sort()) {
    if (!path.endsWith('.gz')) {
      out.push(path)
      continue
    }
    const target = join(REAL_TEXT_DIR, 'pdf-docs', path.replace(/^\//, '').replace(/\//g, '_').replace(/\.gz$/, ''))
    if (!existsSync(target)) {
      await mkdir(join(REAL_TEXT_DIR, 'pdf-docs'), { recursive: true })
      await writeFile(target, gunzipSync(readFileSync(path)))
    }
    out.push(target)
  }
  return out
}

/** A fixed shuffle: by a hash of each path. */
function mixed(paths: readonly string[]): string[] {
  return [...paths].map((p) => [seedOf('real-files', p), p] as const).sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)).map(([, p]) => p)
}

/**
 * Manual pages in a fixed mixed order. The Google Cloud SDK's generated reference pages
 * (gcloud_*, most of the pages on our machines, much of each the same boilerplate) are
 * at most one in five until the other pages run out, so they do not swamp the set.
 */
function pageOrder(sources: readonly string[]): string[] {
  const generated = mixed(sources.filter((p) => /\/gcloud_/.test(p)))
  const others = mixed(sources.filter((p) => !/\/gcloud_/.test(p)))
  const out: string[] = []
  while (others.length > 0 || generated.length > 0) {
    for (let i = 0; i < 4 && others.length > 0; i++) out.push(others.shift()!)
    if (generated.length > 0) out.push(generated.shift()!)
  }
  return out
}

/** The `longest` largest files and `others` more from the rest, in their order. */
function longestAndOthers(paths: readonly string[], longest: number, others: number): string[] {
  const size = (p: string): number => statSync(p).size
  const top = [...paths].sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1)).slice(0, longest)
  return [...top, ...paths.filter((p) => !top.includes(p)).slice(0, others)]
}

/** Keeps the first of files with identical bytes. */
function distinct(paths: readonly string[]): string[] {
  const seen = new Set<string>()
  return paths.filter((p) => {
    const hash = createHash('sha256').update(readFileSync(p)).digest('hex')
    if (seen.has(hash)) return false
    seen.add(hash)
    return true
  })
}

export interface RealSetOptions {
  what: string
  log?: (line: string) => void
}

/** `count` real files plus EXTRA_COUNT extra ones. Throws RealTextMissingError when there are not enough. */
export async function realFileSet(count: number, options: RealSetOptions): Promise<RealFileSet> {
  const { what, log = () => undefined } = options
  const sources = allManPageSources()
  if (sources.length === 0) throw new RealTextMissingError(what, 'there are no manual pages in /usr/share/man')
  if (!groffCan('utf8')) throw new RealTextMissingError(what, 'groff cannot render them (groff-base is missing)')
  const html = distinct(htmlDocFiles())
  const docPdfs = await pdfDocFiles()
  if (html.length === 0 || docPdfs.length === 0) log(`  note: ${html.length} HTML and ${docPdfs.length} PDF documents are installed. ${DOC_HINT}`)
  const htmlCount = Math.min(Math.round(count * HTML_SHARE), Math.max(0, html.length - 5))
  const pdfCount = Math.round(count * PDF_SHARE)
  const txtCount = count - htmlCount - pdfCount

  // Manual pages: rendered in a fixed mixed order until there are enough distinct ones
  // for the set, the extra files and spares to render to PDF.
  const order = pageOrder(sources)
  const wanted = txtCount + EXTRA_COUNT + pdfCount + 20
  const pages: RenderedPage[] = []
  const seen = new Set<string>()
  for (let from = 0; pages.length < wanted && from < order.length; ) {
    const slice = order.slice(from, from + wanted - pages.length + 100)
    from += slice.length
    log(`  rendering ${slice.length} manual pages to text with groff (once; cached in ${REAL_TEXT_DIR})...`)
    for (const page of await renderManPages(slice, 'txt', { progress: (done, total) => log(`    ${done}/${total}`) })) {
      const hash = createHash('sha256').update(readFileSync(page.path)).digest('hex')
      if (!seen.has(hash)) pages.push(page)
      seen.add(hash)
    }
  }
  if (pages.length < txtCount + EXTRA_COUNT) throw new RealTextMissingError(what, `only ${pages.length} distinct manual pages render, fewer than the ${txtCount + EXTRA_COUNT} needed`)

  // Extra files: of those not in the set, the 3 longest pages and 7 others, the 2 longest
  // HTML pages and 3 others, and 5 PDFs.
  const txt = pages.slice(0, txtCount).map((p) => p.path)
  const spare = pages.slice(txtCount)
  const extraTxt = longestAndOthers(spare.map((p) => p.path), 3, 7)
  const extraHtml = longestAndOthers(html.slice(htmlCount), 2, 3)

  // PDFs: the documentation's, then manual pages (spares) rendered to PDF.
  let pdfs = [...docPdfs]
  const needPdfs = pdfCount + 5 - pdfs.length
  if (needPdfs > 0) {
    if (!groffCan('pdf')) throw new RealTextMissingError(what, 'groff cannot make PDFs (gropdf, in the package groff, is missing)')
    const rendered = await renderManPages(spare.filter((p) => !extraTxt.includes(p.path)).map((p) => p.source), 'pdf', { progress: (done, total) => log(`    ${done}/${total} PDFs`) })
    pdfs.push(...rendered.slice(0, needPdfs).map((p) => p.path))
  }
  pdfs = distinct(pdfs)
  const reference = pdfs.find((p) => p.includes('debian-reference'))
  const extraPdf = [...(reference ? [reference] : []), ...pdfs.filter((p) => p !== reference).slice(-4)]
  const setPdfs = pdfs.filter((p) => !extraPdf.includes(p)).slice(0, pdfCount)

  const files = mixed([...txt, ...html.slice(0, htmlCount), ...setPdfs])
  const extra = [...extraTxt, ...extraHtml, ...extraPdf].slice(0, EXTRA_COUNT)
  const key = createHash('sha256').update(files.join('\n')).update(extra.join('\n')).digest('hex').slice(0, 12)
  return { files, extra, counts: { txt: txt.length, html: htmlCount, pdf: setPdfs.length }, key }
}
