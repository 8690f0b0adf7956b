/**
 * What the CLI prints must not be able to drive the terminal. Titles, texts, comments and
 * file names come from imported documents (and from other people's annotation files), and
 * they keep whatever characters the document held: an ESC or a C1 CSI (U+009B) printed raw
 * lets an article retitle the terminal, move the cursor and rewrite earlier lines, or write
 * the clipboard (OSC 52). Bidi overrides and zero-width characters do no harm to the
 * terminal but spoof what the reader sees (a title that reads backwards, two titles that
 * look alike), so one-line labels such as titles show them too.
 *
 * - `escapeControls`: every human-readable string the CLI writes goes through it at the
 *   writer (cli-output.ts wraps stdout and stderr), so no formatter can forget: C0 controls
 *   except line feed and tab, DEL, C1 controls, and the bidi embeddings, overrides and
 *   isolates (U+202A–U+202E, U+2066–U+2069) become `\u001b`-style escapes. Bidi marks
 *   (LRM, RLM) and zero-width joiners stay: right-to-left and Persian text needs them.
 * - `escapeLabel`: for one-line labels (titles, outlets, authors, file names, tag names)
 *   and message lines: additionally line breaks, tabs, bidi marks and zero-width
 *   characters, so two labels that look alike are told apart.
 * - `toJson`: --json output, with DEL, C1, bidi, zero-width and line/paragraph separators
 *   written as \uXXXX escapes (JSON.stringify escapes only C0). The document means the same.
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
// eslint-disable-next-line no-control-regex -- as above, plus line feed and tab
const LABEL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g
/** What JSON.stringify leaves raw but a terminal or a reader should not get raw (C0 it escapes itself). */
const JSON_UNSAFE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g

function escapeChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/** Terminal controls (C0 but line feed and tab, DEL, C1) and bidi overrides made visible as `\u001b`. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, escapeChar)
}

/**
 * A one-line label (title, outlet, file name, tag name) for human output: every control,
 * line break, tab, bidi control (U+202A–U+202E, U+2066–U+2069, marks) and zero-width
 * character shown as `\u202e`, so what is printed is what is stored.
 */
export function escapeLabel(text: string): string {
  return text.replace(LABEL_CONTROLS, escapeChar)
}

/** Pretty-printed JSON whose strings escape C1, bidi and zero-width characters as \uXXXX. */
export function toJson(value: unknown): string {
  // Outside strings JSON text is ASCII, so these characters only occur inside strings,
  // where a \uXXXX escape stands for the same character.
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, escapeChar)
}
