/**
 * E-mail messages (RFC 822 / 5322, MIME): a `.eml` file, or a `.txt` file that is one (a
 * message saved from a mail program, a mailing-list archive, `git format-patch` output).
 * The headers are the message's metadata, not its text: Subject is the title, From the
 * author, Date the publication date (as stated, with its offset), List-Id the outlet
 * (the list it came through), Archived-At the URL. The body is the text part (else the
 * HTML part, sanitised like a saved page); attachments are not imported (and a flag says
 * which). MIME decoding (quoted-printable, base64, charsets, encoded words) is postal-mime's.
 */
import PostalMime from 'postal-mime'
import { normaliseStatedDate } from '../../core/date-lines'
import { DossierError } from '../../core/result'
import { isSafeArticleUrl } from '../../core/urls'
import { extractClipboardHtml } from './html'
import type { ExtractedDocument, ExtractedMeta } from './types'

/** A header line: a name of printable characters but colon, then a colon. */
const HEADER = /^[!-9;-~]+:/
/** Headers that only messages carry; one of them and one of From/Date/Subject make a message. */
const MAIL_ONLY = new Set(['from', 'to', 'cc', 'message-id', 'received', 'return-path', 'mime-version', 'in-reply-to', 'references', 'delivered-to', 'x-mailer', 'list-id'])
const DESCRIBING = new Set(['from', 'date', 'subject'])
/** An mbox separator line (`From sender date`), as `git format-patch` and mail archives begin. */
const MBOX_FROM = /^From \S+ .*\d{4}\s*$/

/**
 * Whether a text is an e-mail message: its first lines (after an mbox `From ` line) are a
 * header block ended by an empty line, with From, Date and Subject; or, after an mbox line,
 * two of them; or three headers or more, one of them From, Date or Subject and one only
 * mail has (To, Message-ID, Received…). A text that opens with "Subject: …" is not enough.
 */
export function looksLikeEmail(text: string): boolean {
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/)
  const mbox = MBOX_FROM.test(lines[0] ?? '')
  let i = mbox ? 1 : 0
  const names = new Set<string>()
  for (; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') break
    if (/^[ \t]/.test(line) && names.size > 0) continue // a folded header's continuation
    if (!HEADER.test(line)) return false
    names.add(line.slice(0, line.indexOf(':')).toLowerCase())
  }
  if (i >= lines.length) return false
  const describing = [...names].filter((n) => DESCRIBING.has(n)).length
  const mailOnly = [...names].some((n) => MAIL_ONLY.has(n))
  // From, Date and Subject together; or an mbox line and two of them (git format-patch); or three headers, one only mail has.
  return describing === 3 || (mbox && describing >= 2) || (names.size >= 3 && describing >= 1 && mailOnly)
}

export async function extractEmail(text: string, name: string): Promise<ExtractedDocument> {
  const raw = MBOX_FROM.test(text.slice(0, text.indexOf('\n'))) ? text.slice(text.indexOf('\n') + 1) : text
  let email: Awaited<ReturnType<typeof PostalMime.parse>>
  try {
    email = await PostalMime.parse(raw)
  } catch (error) {
    throw new DossierError('broken-file', `${name} looks like an e-mail message but cannot be read as one (${(error as Error).message}).`)
  }
  const header = (key: string) => email.headers.find((h) => h.key === key)?.value.trim() ?? ''
  const meta: ExtractedMeta = {}
  if (email.subject?.trim()) meta.title = { value: email.subject.trim(), source: 'the e-mail\'s Subject header' }
  const from = email.from
  const author = from?.name?.trim() || from?.address?.trim()
  if (author) meta.author = { value: author, source: 'the e-mail\'s From header' }
  const date = rfc2822Date(header('date'))
  if (date) meta.published = { value: date, source: 'the e-mail\'s Date header' }
  const list = /^\s*"?([^"<]+?)"?\s*<[^>]+>\s*$/.exec(header('list-id'))?.[1]?.trim() || header('list-id').replace(/^<|>$/g, '')
  if (list) meta.outlet = { value: list, source: 'the e-mail\'s List-Id header (the list it came through)' }
  const archived = header('archived-at').replace(/^<|>$/g, '')
  if (archived && isSafeArticleUrl(archived)) meta.url = { value: archived, source: 'the e-mail\'s Archived-At header' }

  let body = email.text?.trim() ? email.text : ''
  let sanitizedHtml: string | undefined
  if (!body && email.html?.trim()) {
    const html = extractClipboardHtml(email.html)
    body = html.text
    sanitizedHtml = html.sanitizedHtml
  }
  const attachments = email.attachments.filter((a) => a.disposition !== 'inline' || !a.mimeType.startsWith('text/'))
  if (!body.trim()) {
    const what = attachments.length > 0 ? ` (only ${attachments.length} attachment${attachments.length === 1 ? '' : 's'}, which are not imported)` : ''
    throw new DossierError('empty-file', `${name} is an e-mail message with no text to import${what}.`)
  }
  const note = attachments.length > 0 ? `\n\n[${attachments.length} attachment${attachments.length === 1 ? '' : 's'} not imported: ${attachments.map((a) => a.filename ?? a.mimeType).join(', ')}]` : ''
  return { format: 'email', text: `${body.replace(/\s+$/, '')}${note}\n`, meta, flags: [], ...(sanitizedHtml ? { sanitizedHtml } : {}) }
}

const MONTHS = new Map(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]))

/** An RFC 2822 date (`Tue, 21 Jan 2025 09:15:00 +0200`) as stated, in ISO form with its offset; null if it is not one. */
export function rfc2822Date(value: string): string | null {
  const m = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|UT|GMT|Z)?/.exec(value.trim())
  const month = m ? MONTHS.get(m[2]!.toLowerCase()) : undefined
  if (!m || month === undefined) return null
  const zone = m[7] && /^[+-]\d{4}$/.test(m[7]) ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : 'Z'
  const iso = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone === 'Z' ? '+00:00' : zone}`
  return normaliseStatedDate(iso)
}
