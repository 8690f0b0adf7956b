/**
 * How deeply the elements of HTML or XML source nest, found by a linear scan of its tags
 * before any parser sees it. The parsers cannot be trusted with deep nesting: linkedom's
 * (htmlparser2) keeps its open elements in an array it shifts at the front, so 100,000
 * nested <div>s take over 30 s to parse, and the DOM walkers after it (DOMPurify's
 * serialiser, mammoth, our own text walk) recurse once per level. Browsers stop nesting
 * at 512 levels (Chromium's parser), so an article never needs many more.
 *
 * The count is an estimate made to err on the deep side only for markup no browser would
 * nest either: in HTML, void elements and elements whose end tag may be left out (<p>,
 * <li>, <td>, …: a new one closes the old) are not counted; the contents of <script>,
 * <style>, comments and CDATA sections are skipped. Each `<` is looked at once and the
 * search for the next `>` is reused, so hostile input cannot make the scan quadratic.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'frame', 'isindex'])
const OPTIONAL_END = new Set(['html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'rb', 'rt', 'rtc', 'rp', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption'])
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'])

/** The deepest nesting found, or `stopAt` as soon as it is reached. */
export function nestingDepth(source: string, kind: 'html' | 'xml', stopAt: number): number {
  const html = kind === 'html'
  let depth = 0
  let deepest = 0
  let nextGt = -1
  let at = source.indexOf('<')
  while (at !== -1 && at < source.length - 1) {
    if (source.startsWith('<!--', at)) {
      at = skipPast(source, '-->', at + 4)
      continue
    }
    if (source.startsWith('<![CDATA[', at)) {
      at = skipPast(source, ']]>', at + 9)
      continue
    }
    const closing = source[at + 1] === '/'
    const nameStart = closing ? at + 2 : at + 1
    let nameEnd = nameStart
    while (nameEnd < source.length && isNameChar(source.charCodeAt(nameEnd))) nameEnd++
    if (nameEnd === nameStart || !isLetter(source.charCodeAt(nameStart))) {
      at = source.indexOf('<', at + 1)
      continue
    }
    if (nextGt < nameEnd) nextGt = source.indexOf('>', nameEnd)
    if (nextGt === -1) break // no tag ends after this: the rest is text
    const name = html ? source.slice(nameStart, nameEnd).toLowerCase() : source.slice(nameStart, nameEnd)
    const selfClosing = source[nextGt - 1] === '/'
    const counted = html ? !VOID.has(name) && !OPTIONAL_END.has(name) : !selfClosing
    if (closing) {
      if (counted && depth > 0) depth--
    } else if (counted) {
      depth++
      if (depth > deepest) deepest = depth
      if (deepest >= stopAt) return stopAt
    }
    at = nextGt + 1
    if (html && !closing && RAW_TEXT.has(name)) {
      // Skip the element's text to its end tag (script text may hold "<div" in strings).
      const endTag = new RegExp(`</${name}`, 'gi')
      endTag.lastIndex = at
      const end = endTag.exec(source)?.index ?? -1
      if (end === -1) break
      if (counted && depth > 0) depth--
      at = source.indexOf('>', end)
      if (at === -1) break
    }
    at = source.indexOf('<', at)
  }
  return deepest
}

function skipPast(source: string, marker: string, from: number): number {
  const end = source.indexOf(marker, from)
  return end === -1 ? -1 : source.indexOf('<', end + marker.length)
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

function isNameChar(code: number): boolean {
  // Letters, digits, '-', '_', '.', ':' (XML prefixes such as w:p).
  return isLetter(code) || (code >= 48 && code <= 57) || code === 45 || code === 95 || code === 46 || code === 58
}
