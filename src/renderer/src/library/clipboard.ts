/**
 * What a paste event offers for import: the plain text, and the HTML flavour when the
 * clipboard had one (main sanitises it like a saved page). Empty HTML is left out, and a
 * paste with nothing but whitespace (or only an image or files) gives null: nothing to
 * import, so the caller lets the paste go its ordinary way.
 */
import type { ClipboardContent } from '../../../core/api'

export type ClipboardForImport = Required<Pick<ClipboardContent, 'text'>> & Pick<ClipboardContent, 'html'>

export function readClipboardForImport(event: Pick<ClipboardEvent, 'clipboardData'>): ClipboardForImport | null {
  const data = event.clipboardData
  if (!data) return null
  const text = data.getData('text/plain')
  const html = data.getData('text/html')
  if (!text.trim() && !html.trim()) return null
  return html.trim() ? { text, html } : { text }
}
