import { describe, expect, it } from 'vitest'
import { escapeControls, escapeLabel, toJson } from './terminal-safe'

// What an article can hide in its text: a window-title OSC, an OSC 52 clipboard write, a
// C1 CSI that clears the screen, a carriage return that rewrites the line, a bell, DEL.
const HOSTILE = 'Title\u001b]0;pwned\u0007 \u001b]52;c;Y3VybCBldmlsLnNofHNo\u0007 \u009b2J\rfake\u007f'

describe('escapeControls (all human output)', () => {
  it('shows every C0 control but line feed and tab, DEL and every C1 control as \\u escapes', () => {
    expect(escapeControls(HOSTILE)).toBe('Title\\u001b]0;pwned\\u0007 \\u001b]52;c;Y3VybCBldmlsLnNofHNo\\u0007 \\u009b2J\\u000dfake\\u007f')
    expect(escapeControls('line one\n\tline two')).toBe('line one\n\tline two')
  })

  it('shows bidi embeddings, overrides and isolates, which reorder what the reader sees', () => {
    expect(escapeControls('a \u202eevil\u202c and \u2067x\u2069')).toBe('a \\u202eevil\\u202c and \\u2067x\\u2069')
  })

  it('leaves ordinary text alone, bidi marks of real right-to-left text included', () => {
    const text = 'Sohtaoğlu said “yes” — 🚚 قال المسؤول\u200f and می‌خواهم'
    expect(escapeControls(text)).toBe(text)
  })
})

describe('escapeLabel (titles, names, messages)', () => {
  it('also shows line breaks, tabs, bidi overrides and isolates, and zero-width characters', () => {
    expect(escapeLabel('Invoice\u202egnp.exe')).toBe('Invoice\\u202egnp.exe')
    expect(escapeLabel('a\u2066b\u2069c\u200bd\u200de\ufefff\u00ad')).toBe('a\\u2066b\\u2069c\\u200bd\\u200de\\ufefff\\u00ad')
    expect(escapeLabel('two\nlines\there')).toBe('two\\u000alines\\u0009here')
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    expect(escapeLabel(HOSTILE)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/)
  })
})

describe('toJson (--json output)', () => {
  it('escapes C1, DEL, bidi and zero-width characters as \\uXXXX, and parses back to the same value', () => {
    const value = { title: `${HOSTILE} \u202e\u2028\u200b`, n: 1, list: ['\u0085'] }
    const json = toJson(value)
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u2028\u202e]/)
    expect(json).toContain('\\u009b2J')
    expect(json).toContain('\\u202e')
    expect(JSON.parse(json)).toEqual(value)
  })
})
