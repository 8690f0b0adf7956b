/**
 * The one rule for an article's URL, wherever one enters or is checked: import (what a
 * file states), `dossier edit` and the API's argument schemas, `dossier check`, and the
 * migration that clears unsafe stored URLs. It is NOT in ArticleSchema: refusing a value
 * on read would make a whole stored catalog "damaged" and send it to backup recovery.
 *
 * A safe article URL is an absolute http: or https: address with a host, and nothing a
 * link could be turned against the reader with:
 * - other schemes are refused: `javascript:`, `vbscript:` and `data:` run or render code
 *   when an exported link is clicked; `file:` opens a local file of whoever reads the
 *   export (an article from the web has a web address; a local copy is the original file
 *   Dossier keeps); `mailto:`, `ftp:` and the rest do not name an article;
 * - user information (`https://bank.example@evil.example/`) is refused: it is how a link
 *   shows one site and opens another, and no article address needs it;
 * - white space, control characters, invisible format characters (bidi overrides, zero
 *   width) and `< > " \` \\` are refused: they do not occur in a real address (browsers
 *   percent-encode them) and they break out of the Markdown, HTML and CSV the URL is
 *   written into.
 */

const MAX_URL_LENGTH = 2000
/** scheme, `//`, authority (host and optional port), then an optional path, query, fragment. */
const SHAPE = /^https?:\/\/([^/?#]+)([/?#].*)?$/is
const FORBIDDEN = /[\s\p{Cc}\p{Cf}<>"`\\]/u
const HOST = /^(?:\[[0-9a-f:.]+\]|[^:@[\]]+)(?::\d{1,5})?$/i

/** Why `url` is not a safe article URL, as one sentence, or null when it is. */
export function unsafeUrlProblem(url: string): string | null {
  const shown = JSON.stringify(url.length > 80 ? `${url.slice(0, 79)}…` : url)
  if (url.length > MAX_URL_LENGTH) return `The URL is ${url.length} characters long; at most ${MAX_URL_LENGTH} are allowed.`
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  if (scheme !== 'http' && scheme !== 'https') {
    return `The URL ${shown} is not a web address: only http:// and https:// addresses are kept${scheme ? ` (a ${scheme}: link could run code or open a local file when clicked in an export)` : ''}.`
  }
  if (FORBIDDEN.test(url)) return `The URL ${shown} holds spaces, control, invisible or quoting characters, which a real web address does not.`
  const m = SHAPE.exec(url)
  if (!m) return `The URL ${shown} names no host after ${scheme}://.`
  if (m[1]!.includes('@')) return `The URL ${shown} holds a user name before its host (user@host), which is how a link shows one site and opens another.`
  if (!HOST.test(m[1]!)) return `The URL ${shown} has no valid host.`
  return null
}

/** Whether `url` is a safe article URL (see unsafeUrlProblem). */
export function isSafeArticleUrl(url: string): boolean {
  return unsafeUrlProblem(url) === null
}
