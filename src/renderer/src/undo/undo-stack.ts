/**
 * The app's undo history: every highlight, tag, comment and library change pushes a
 * command that knows how to undo and redo itself through the API. Commands run one at a
 * time. A new change clears the redo side; one recorded while an undo or redo runs is
 * applied when that step ends (so the step cannot move the wrong command).
 *
 * A command whose undo or redo fails stays where it was, since the failure may pass (a
 * full disk); the command reports the error itself. If the same step fails twice in a
 * row the command is dropped (the notebook has moved on, e.g. the tag was deleted
 * elsewhere), so one stale command cannot block every older undo.
 */
export interface UndoCommand {
  /** What the change was, for "Undo <label>" / "Redo <label>" (e.g. "highlight", "delete tag Bases"). */
  label: string
  /** Resolves to whether it worked. */
  undo(): Promise<boolean>
  redo(): Promise<boolean>
}

export const MAX_UNDO = 200

/** What the UI shows of the history; a new object after every change (for useSyncExternalStore). */
export interface UndoSnapshot {
  undoLabel: string | null
  redoLabel: string | null
  busy: boolean
}

export class UndoStack {
  #done: UndoCommand[] = []
  #undone: UndoCommand[] = []
  #busy = false
  /** Changes recorded while a step ran, applied when it ends. */
  #pending: UndoCommand[] = []
  /** The command whose last step failed, and in which direction. */
  #failed: { command: UndoCommand; direction: 'undo' | 'redo' } | null = null
  readonly #listeners = new Set<() => void>()
  #snapshot: UndoSnapshot = { undoLabel: null, redoLabel: null, busy: false }

  get snapshot(): UndoSnapshot {
    return this.#snapshot
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  #onChange(): void {
    this.#snapshot = { undoLabel: this.undoLabel, redoLabel: this.redoLabel, busy: this.#busy }
    for (const listener of this.#listeners) listener()
  }

  get canUndo(): boolean {
    return this.#done.length > 0 && !this.#busy
  }

  get canRedo(): boolean {
    return this.#undone.length > 0 && !this.#busy
  }

  get undoLabel(): string | null {
    return this.#done.at(-1)?.label ?? null
  }

  get redoLabel(): string | null {
    return this.#undone.at(-1)?.label ?? null
  }

  /** Records a change that has already been made. */
  push(command: UndoCommand): void {
    if (this.#busy) {
      this.#pending.push(command)
      return
    }
    this.#record(command)
    this.#onChange()
  }

  /** Undoes the last change; resolves to its label, or null when nothing was undone. */
  undo(): Promise<string | null> {
    return this.#step('undo')
  }

  redo(): Promise<string | null> {
    return this.#step('redo')
  }

  /** Forgets everything (another notebook was opened). */
  clear(): void {
    this.#done = []
    this.#undone = []
    this.#pending = []
    this.#failed = null
    this.#onChange()
  }

  #record(command: UndoCommand): void {
    this.#done.push(command)
    if (this.#done.length > MAX_UNDO) this.#done.shift()
    this.#undone = []
    this.#failed = null
  }

  async #step(direction: 'undo' | 'redo'): Promise<string | null> {
    const source = () => (direction === 'undo' ? this.#done : this.#undone)
    const command = source().at(-1)
    if (!command || this.#busy) return null
    this.#busy = true
    this.#onChange()
    try {
      const worked = await (direction === 'undo' ? command.undo() : command.redo())
      const from = source()
      const at = from.lastIndexOf(command)
      if (!worked) {
        const again = this.#failed?.command === command && this.#failed.direction === direction
        this.#failed = again ? null : { command, direction }
        if (again && at !== -1) from.splice(at, 1)
        return null
      }
      this.#failed = null
      if (at !== -1) from.splice(at, 1)
      ;(direction === 'undo' ? this.#undone : this.#done).push(command)
      return command.label
    } finally {
      this.#busy = false
      const pending = this.#pending
      this.#pending = []
      for (const command of pending) this.#record(command)
      this.#onChange()
    }
  }
}
