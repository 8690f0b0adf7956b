/**
 * The article text: page furniture folded away before and after, and the article's
 * paragraphs as plain text blocks (reader/TextBlock.tsx: one Text node each, so stored
 * offsets map to DOM points through reader/text-index.ts). Highlights are not in this DOM
 * at all: they are drawn with the CSS Custom Highlight API over these Text nodes.
 */
import { memo, type Ref } from 'react'
import { FurnitureFold } from '../reader/FurnitureFold'
import type { ArticleParts } from '../reader/furniture'
import { TextBlock } from '../reader/TextBlock'

export interface FoldState {
  leading: boolean
  trailing: boolean
}

interface Props {
  text: string
  parts: ArticleParts
  folds: FoldState
  onFold(where: keyof FoldState, open: boolean): void
  ref?: Ref<HTMLDivElement>
}

export const ArticleBody = memo(function ArticleBody({ text, parts, folds, onFold, ref }: Props) {
  return (
    <div className="article-body" ref={ref}>
      {parts.leading && (
        <FurnitureFold text={text} part={parts.leading} where="leading" open={folds.leading} onToggle={(open) => onFold('leading', open)} />
      )}
      {parts.body.map((b) => (
        <TextBlock key={b.start} text={text} start={b.start} end={b.end} />
      ))}
      {parts.trailing && (
        <FurnitureFold text={text} part={parts.trailing} where="trailing" open={folds.trailing} onToggle={(open) => onFold('trailing', open)} />
      )}
    </div>
  )
})
