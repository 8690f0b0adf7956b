/**
 * Briefing edits wait ~400 ms after typing stops before they are saved. Whatever undoes or
 * redoes a change must first save those pending edits, so the undo applies to the latest
 * document (and undoes the typing first). Open composers register their flush here; the
 * app calls `flushPendingBriefingEdits()` before it runs an undo or redo.
 */
const flushers = new Set<() => void>()

/** Registers a composer's flush; returns the unregister function. */
export function registerPendingEdits(flush: () => void): () => void {
  flushers.add(flush)
  return () => {
    flushers.delete(flush)
  }
}

/** Saves every pending briefing edit now (each becomes its undo step at once). */
export function flushPendingBriefingEdits(): void {
  for (const flush of [...flushers]) flush()
}
