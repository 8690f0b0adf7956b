/**
 * One paragraph of the stored text: a `<p data-start>` holding exactly one Text node,
 * `text.slice(start, end)`. The offset index and the selection code rely on this, so
 * never put other nodes inside.
 */
import { memo } from 'react'

interface Props {
  text: string
  start: number
  end: number
  furniture?: boolean
}

export const TextBlock = memo(function TextBlock({ text, start, end, furniture }: Props) {
  return (
    <p data-start={start} className={furniture ? 'furniture-line' : undefined}>
      {text.slice(start, end)}
    </p>
  )
})
