import { describe, expect, it } from 'vitest'
import { MAX_UNDO, UndoStack, type UndoCommand } from './undo-stack'

/** A command over a shared log, so a test can see what ran in which order. */
function command(log: string[], label: string, works = true): UndoCommand {
  return {
    label,
    undo: async () => (log.push(`undo ${label}`), works),
    redo: async () => (log.push(`redo ${label}`), works),
  }
}

describe('undo stack', () => {
  it('undoes newest first and redoes in the original order', async () => {
    const log: string[] = []
    const stack = new UndoStack()
    stack.push(command(log, 'a'))
    stack.push(command(log, 'b'))
    expect(await stack.undo()).toBe('b')
    expect(await stack.undo()).toBe('a')
    expect(await stack.undo()).toBeNull()
    expect(await stack.redo()).toBe('a')
    expect(await stack.redo()).toBe('b')
    expect(log).toEqual(['undo b', 'undo a', 'redo a', 'redo b'])
  })

  it('a new change clears what could be redone', async () => {
    const log: string[] = []
    const stack = new UndoStack()
    stack.push(command(log, 'a'))
    await stack.undo()
    expect(stack.snapshot.redoLabel).toBe('a')
    stack.push(command(log, 'b'))
    expect(stack.snapshot).toEqual({ undoLabel: 'b', redoLabel: null, busy: false })
  })

  it('keeps a command whose undo failed once where it was, and drops it when it fails again', async () => {
    const log: string[] = []
    const stack = new UndoStack()
    stack.push(command(log, 'older'))
    stack.push(command(log, 'broken', false))
    expect(await stack.undo()).toBeNull()
    expect(stack.snapshot.undoLabel).toBe('broken')
    expect(stack.snapshot.redoLabel).toBeNull()
    expect(await stack.undo()).toBeNull()
    // The stale command no longer blocks the older history.
    expect(stack.snapshot.undoLabel).toBe('older')
    expect(await stack.undo()).toBe('older')
    expect(log).toEqual(['undo broken', 'undo broken', 'undo older'])
  })

  it('a change recorded while an undo runs is applied after it, and the undone command is not lost', async () => {
    const log: string[] = []
    let release!: () => void
    const slow: UndoCommand = { label: 'edit title', undo: () => new Promise((r) => (release = () => r(true))), redo: async () => true }
    const stack = new UndoStack()
    stack.push(command(log, 'first'))
    stack.push(slow)
    const undoing = stack.undo()
    stack.push(command(log, 'typed while undoing'))
    release()
    expect(await undoing).toBe('edit title')
    // The undone command left the undo side; the new change is the newest entry and,
    // being a new change, cleared the redo side.
    expect(stack.snapshot).toEqual({ undoLabel: 'typed while undoing', redoLabel: null, busy: false })
    expect(await stack.undo()).toBe('typed while undoing')
    expect(await stack.undo()).toBe('first')
    expect(await stack.undo()).toBeNull()
  })

  it('runs one step at a time: a second undo during the first does nothing', async () => {
    let release!: () => void
    const slow: UndoCommand = { label: 'slow', undo: () => new Promise((r) => (release = () => r(true))), redo: async () => true }
    const stack = new UndoStack()
    stack.push({ label: 'first', undo: async () => true, redo: async () => true })
    stack.push(slow)
    const first = stack.undo()
    expect(stack.snapshot.busy).toBe(true)
    expect(await stack.undo()).toBeNull()
    release()
    expect(await first).toBe('slow')
    expect(stack.snapshot.undoLabel).toBe('first')
  })

  it('tells subscribers about every change and forgets all on clear', () => {
    const stack = new UndoStack()
    let calls = 0
    const stop = stack.subscribe(() => calls++)
    stack.push(command([], 'a'))
    stack.clear()
    stop()
    stack.push(command([], 'b'))
    expect(calls).toBe(2)
    expect(stack.snapshot.undoLabel).toBe('b')
  })

  it(`remembers at most ${MAX_UNDO} changes`, async () => {
    const stack = new UndoStack()
    for (let i = 0; i < MAX_UNDO + 5; i++) stack.push(command([], `c${i}`))
    let undone = 0
    while ((await stack.undo()) !== null) undone++
    expect(undone).toBe(MAX_UNDO)
  })
})
