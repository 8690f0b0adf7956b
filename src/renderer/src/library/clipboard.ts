/**
 * What a paste event offers for import: the plain text, and the HTML flavour when the
 * clipboard had one (main sanitises it like a saved page). Empty HTML is left out.
 */
export interface ClipboardForImport {
  text: string
  html?: string
}

export function readClipboardForImport(event: Pick<ClipboardEvent, 'clipboardData'>): ClipboardForImport {
  const data = event.clipboardData
  if (!data) return { text: '' }
  const text = data.getData('text/plain')
  const html = data.getData('text/html')
  return html.trim() ? { text, html } : { text }
}

/** Whether a paste holds anything worth importing (whitespace alone is not). */
export function hasImportableText(content: ClipboardForImport): boolean {
  return content.text.trim() !== '' || (content.html?.trim() ?? '') !== ''
}
