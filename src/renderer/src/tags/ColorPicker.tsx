/**
 * Choosing a tag colour: the Okabe-Ito palette as radio buttons (arrow keys move between
 * them), a custom colour input, and a warning when text over a highlight of the chosen
 * colour would be hard to read in the light or dark theme.
 */
import { useId, type CSSProperties } from 'react'
import { contrastWarning } from './contrast'
import { PALETTE, sameColor } from './palette'

interface Props {
  value: string
  onChange(color: string): void
  /** Name of the radio group, e.g. "Colour" or "Colour for Bases". */
  label: string
}

export function ColorPicker({ value, onChange, label }: Props) {
  const name = useId()
  const warning = contrastWarning(value)
  const custom = !PALETTE.some((p) => sameColor(p.color, value))
  return (
    <div className="color-picker">
      <div className="color-options" role="radiogroup" aria-label={label}>
        {PALETTE.map((p) => (
          <label key={p.color} className="color-option" title={`${p.name} ${p.color}`} style={{ '--tag-color': p.color } as CSSProperties}>
            <input
              type="radio"
              name={name}
              value={p.color}
              checked={sameColor(p.color, value)}
              aria-label={p.name}
              onChange={() => onChange(p.color)}
            />
            <span className="color-option-swatch" aria-hidden="true" />
          </label>
        ))}
        <label className={`color-custom${custom ? ' is-chosen' : ''}`}>
          <input type="color" aria-label="Custom colour" value={value.toLowerCase()} onChange={(e) => onChange(e.target.value)} />
          <span>Custom</span>
        </label>
      </div>
      {warning && (
        <p className="color-warning" role="status">
          {warning}
        </p>
      )}
    </div>
  )
}
