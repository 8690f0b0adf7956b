/**
 * Deleting an article from the library: ask first (the caller shows a ConfirmDialog
 * while `pending` is set), then move it to the notebook's trash; undo restores it with
 * its highlights, redo deletes it again. Main's error is kept for the dialog to show.
 */
import { useCallback, useState } from 'react'
import type { ArticleSummary } from '../../../core/api'
import { api } from '../api'
import type { StatusControls } from '../hooks/useStatus'
import { plural } from '../plural'
import { useUndo } from '../undo/UndoContext'

export interface ArticleDelete {
  pending: ArticleSummary | null
  busy: boolean
  error: string | null
  ask(article: ArticleSummary): void
  cancel(): void
  /** Resolves to whether the article was deleted. */
  confirm(): Promise<boolean>
}

export function deleteQuestion(article: Pick<ArticleSummary, 'title' | 'highlightCount'>): string {
  return article.highlightCount > 0 ? `Delete “${article.title}” and its ${plural(article.highlightCount, 'highlight')}?` : `Delete “${article.title}”? It has no highlights.`
}

export function useArticleDelete(status: StatusControls, onChanged: () => Promise<void>): ArticleDelete {
  const undo = useUndo()
  const [pending, setPending] = useState<ArticleSummary | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const ask = useCallback((article: ArticleSummary) => {
    setError(null)
    setPending(article)
  }, [])

  const cancel = useCallback(() => {
    setPending(null)
    setError(null)
  }, [])

  const confirm = useCallback(async () => {
    if (!pending || busy) return false
    setBusy(true)
    const result = await api.deleteArticle({ articleId: pending.id })
    setBusy(false)
    if (!result.ok) {
      setError(result.error.message)
      return false
    }
    const removal = result.value
    const what = `“${removal.title}”${removal.highlightCount > 0 ? ` and its ${plural(removal.highlightCount, 'highlight')}` : ''}`
    undo.push({
      label: `delete “${removal.title}”`,
      undo: async () => {
        const r = await api.restoreArticle({ articleId: removal.articleId })
        if (!r.ok) {
          status.announceError(r.error)
          return false
        }
        await onChanged()
        status.announce('success', `Restored ${what}`)
        return true
      },
      redo: async () => {
        const r = await api.deleteArticle({ articleId: removal.articleId })
        if (!r.ok) {
          status.announceError(r.error)
          return false
        }
        await onChanged()
        status.announce('success', `Deleted ${what}`)
        return true
      },
    })
    setPending(null)
    await onChanged()
    status.announce('success', `Deleted ${what}. Undo brings it back.`)
    return true
  }, [busy, onChanged, pending, status, undo])

  return { pending, busy, error, ask, cancel, confirm }
}
