/**
 * Page furniture before or after the article behind a disclosure button: "Show 4 hidden
 * lines (tagline, related headlines)". Closed, it lists what was hidden (the first few
 * items by kind and label); open, it shows
 * the lines as ordinary text blocks, which can be selected and highlighted like the rest.
 */
import { useId } from 'react'
import { plural } from '../plural'
import { foldSummary, HEADER_KINDS, kindName, type FoldPart } from './furniture'
import { TextBlock } from './TextBlock'

interface Props {
  text: string
  part: FoldPart
  where: 'leading' | 'trailing'
  open: boolean
  onToggle(open: boolean): void
}

/** How many hidden items the closed fold lists by kind and label. */
const LISTED = 6

export function lineCount(text: string, part: FoldPart): number {
  let n = 0
  for (const b of part.blocks) for (const line of text.slice(b.start, b.end).split('\n')) if (line.trim()) n++
  return n
}

export function FurnitureFold({ text, part, where, open, onToggle }: Props) {
  const contentId = useId()
  const n = lineCount(text, part)
  const what = foldSummary(part.items)
  // Header lines (headline copies, the date line) are what the article's header shows: the button names them; the list is for furniture.
  const listed = part.items.filter((f) => !HEADER_KINDS.has(f.kind))
  return (
    <div className={`furniture-fold furniture-${where}`}>
      <button type="button" className="furniture-toggle" aria-expanded={open} aria-controls={contentId} onClick={() => onToggle(!open)}>
        {open ? `Hide ${plural(n, 'line')} (${what})` : `Show ${plural(n, 'hidden line')} (${what})`}
      </button>
      <div id={contentId} className="furniture-content">
        {open ? (
          part.blocks.map((b) => <TextBlock key={b.start} text={text} start={b.start} end={b.end} furniture />)
        ) : (
          listed.length > 0 && (
          <ul className="furniture-list" aria-label={where === 'leading' ? 'Hidden before the article' : 'Hidden after the article'}>
            {listed.slice(0, LISTED).map((f) => (
              <li key={`${f.start}`}>
                <span className="furniture-kind">{kindName(f.kind)}</span> {f.label}
              </li>
            ))}
            {listed.length > LISTED && <li className="furniture-more">and {plural(listed.length - LISTED, 'more item')}</li>}
          </ul>
          )
        )}
      </div>
    </div>
  )
}
