/**
 * The outlet an article's text states about itself (notes/sourcing.md): a copyright line
 * ("© 2024 SwissX REDD UK ltd. All Rights Reserved.", "Copyright 2025 Reuters") or a
 * standfirst signed with a slash ("… a new relationship. / bne IntelliNews"). Offered to
 * the analyst at import and in the article's details; never linked without a known outlet.
 */
export interface StatedOutlet {
  /** The name as the text writes it ("bne IntelliNews"). */
  name: string
  /** The words it was read from. */
  phrase: string
  how: 'copyright' | 'signature'
}

const COPYRIGHT = /^(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(.{2,120}?)\s*(?:[.,;]?\s*all rights reserved\.?|\.)?\s*$/i
/** A short, capitalised name after " / " closing a line (no sentence of its own). */
const SIGNATURE = /\s\/\s+([A-Za-z][\w&.'’ -]{1,60}?)\s*$/

/** Names the text states for its outlet, first found first, each once. */
export function findStatedOutlets(text: string): StatedOutlet[] {
  const found: StatedOutlet[] = []
  const seen = new Set<string>()
  const add = (raw: string, phrase: string, how: StatedOutlet['how']) => {
    const name = raw.replace(/\s+/g, ' ').replace(/[\s.,;:]+$/, '').trim()
    const key = name.toLowerCase()
    if (name === '' || seen.has(key) || /\d{3}/.test(name) || name.split(/\s+/).length > 8) return
    seen.add(key)
    found.push({ name, phrase: phrase.trim(), how })
  }
  for (const line of text.split('\n')) {
    const trimmed = line.trim()
    if (trimmed.length === 0 || trimmed.length > 600) continue
    const copyright = trimmed.length <= 160 ? COPYRIGHT.exec(trimmed) : null
    if (copyright) add(copyright[1]!, trimmed, 'copyright')
    const signature = SIGNATURE.exec(trimmed)
    if (signature && /^[A-Za-z]/.test(signature[1]!) && /[A-Z]/.test(signature[1]!)) add(signature[1]!, signature[0], 'signature')
  }
  return found
}
