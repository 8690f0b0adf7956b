/** Words for grades and attribution kinds as the sourcing controls show them (notes/sourcing.md). */
import { CREDIBILITY_GRADES, CREDIBILITY_WORDS, RELIABILITY_GRADES, RELIABILITY_WORDS, type AttributionKind } from '../../../core/sourcing'

export const KIND_LABELS: Record<AttributionKind, string> = {
  primary: 'Primary: the outlet saw or obtained it',
  secondary: 'Secondary: it relays another source',
  unattributed: 'Unattributed: the text does not say',
}

export const RELIABILITY_OPTIONS = RELIABILITY_GRADES.map((g) => ({ value: g, label: `${g}: ${RELIABILITY_WORDS[g]}` }))
export const CREDIBILITY_OPTIONS = CREDIBILITY_GRADES.map((g) => ({ value: g, label: `${g}: ${CREDIBILITY_WORDS[g]}` }))
