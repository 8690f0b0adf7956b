// Shared jsdom scaffolding for renderer component tests: tells React that
// updates run inside act(), and mounts a fresh root per test.
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach } from 'vitest'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

export interface DomRoot {
  readonly container: HTMLDivElement
  readonly root: Root
  /** Unmounts the root (inside act) and removes the container from the document. */
  dispose(): void
}

/** A `<div>` appended to the document body with a React root on it. */
export function mountDomRoot(): DomRoot {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  return {
    container,
    root,
    dispose() {
      act(() => root.unmount())
      container.remove()
    },
  }
}

/**
 * Mounts a fresh root before each test and disposes of it after (not a React
 * hook, hence not named use...). Call at the top level of a test file, before
 * any beforeEach that renders into it (after-hooks run in reverse order); read
 * `container`/`root` inside tests or hooks (they change per test).
 */
export function setupDomRoot(): { readonly container: HTMLDivElement; readonly root: Root } {
  let current: DomRoot | undefined
  beforeEach(() => {
    current = mountDomRoot()
  })
  afterEach(() => {
    current?.dispose()
    current = undefined
  })
  const mounted = (): DomRoot => {
    if (!current) throw new Error('setupDomRoot: the root exists only while a test runs.')
    return current
  }
  return {
    get container() {
      return mounted().container
    },
    get root() {
      return mounted().root
    },
  }
}
