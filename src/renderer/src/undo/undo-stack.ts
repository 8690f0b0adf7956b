/**
 * The app's undo history: every highlight, tag, comment and library change pushes a
 * command that knows how to undo and redo itself through the API. Commands run one at a
 * time; a command whose undo or redo fails stays where it was (nothing is lost, and the
 * error is reported by the command itself). A new change clears the redo side.
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
    this.#done.push(command)
    if (this.#done.length > MAX_UNDO) this.#done.shift()
    this.#undone = []
    this.#onChange()
  }

  /** Undoes the last change; resolves to its label, or null when nothing was undone. */
  undo(): Promise<string | null> {
    return this.#step(this.#done, this.#undone, (c) => c.undo())
  }

  redo(): Promise<string | null> {
    return this.#step(this.#undone, this.#done, (c) => c.redo())
  }

  /** Forgets everything (another notebook was opened). */
  clear(): void {
    this.#done = []
    this.#undone = []
    this.#onChange()
  }

  async #step(from: UndoCommand[], to: UndoCommand[], run: (c: UndoCommand) => Promise<boolean>): Promise<string | null> {
    const command = from.at(-1)
    if (!command || this.#busy) return null
    this.#busy = true
    this.#onChange()
    try {
      if (!(await run(command))) return null
      from.pop()
      to.push(command)
      return command.label
    } finally {
      this.#busy = false
      this.#onChange()
    }
  }
}
