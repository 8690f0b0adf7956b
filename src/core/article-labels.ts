/**
 * Words for what import found about an article (damage flags, likely rewrites), shared by
 * the reader's header and the CLI's `list` and `show`, so both call each by the same name.
 */
import type { ArticleFlag, RewriteLink } from './model'

export const FLAG_NAMES: Record<ArticleFlag['kind'], string> = {
  'replacement-character': 'Replacement characters',
  mojibake: 'Garbled characters (mojibake)',
  'short-extraction': 'Little text extracted',
  'undecodable-bytes': 'Undecodable bytes',
  'no-text-layer': 'No text layer',
  'encoding-guessed': 'Encoding guessed',
  'control-characters': 'Control characters removed',
}

/** Short codes for a table column (`dossier list`), each at most six characters. */
export const FLAG_CODES: Record<ArticleFlag['kind'], string> = {
  'replacement-character': 'fffd',
  mojibake: 'moji',
  'short-extraction': 'short',
  'undecodable-bytes': 'bytes',
  'no-text-layer': 'notext',
  'encoding-guessed': 'enc?',
  'control-characters': 'ctrl',
}

export const REWRITE_WORDS: Record<RewriteLink['kind'], string> = {
  'near-duplicate': 'Near-duplicate of',
  republication: 'Likely republication of',
  rewrite: 'Likely rewrite of',
  paraphrase: 'Likely paraphrase of',
}
