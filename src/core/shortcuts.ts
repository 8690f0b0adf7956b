/**
 * Every key binding of the app, in one table (the keymap). It is not a description of the
 * keys but the keys themselves: the renderer's handlers match key presses only through
 * `matchBinding` and dispatch on the binding's id (a handler record must name every id of
 * its scope, see `KeyHandlers`), the native menu takes its accelerators from `accelerator`,
 * and Help > Keyboard Shortcuts lists `SHORTCUT_GROUPS`, generated from this table. So a
 * key cannot work without being listed, and the list cannot name a key nothing handles.
 *
 * Chords are written `Mod+Shift+Z`: `Mod` is Ctrl on Windows and Linux and Cmd on macOS;
 * `1-9` is any digit from 1 to 9; key names are KeyboardEvent.key values.
 */
import type { MenuCommand } from './api'

export type KeyScope = 'app' | 'menu' | 'reader' | 'toolbar' | 'library' | 'list' | 'search' | 'margin' | 'chooser' | 'briefing' | 'entities' | 'names' | 'ach' | 'passages-table'

/** A chord, or one that exists only on macOS or only elsewhere. */
export type Chord = string | { chord: string; platform: 'mac' | 'other' }

export interface KeyBinding {
  id: string
  scope: KeyScope
  keys: readonly Chord[]
  action: string
  /** The command it runs (app and menu scopes): the menu item, the key and the button share it. */
  command?: MenuCommand
  /** App scope: still handled while a text field has focus (it means nothing there). */
  inTextFields?: boolean
}

export const KEYMAP = [
  // Anywhere in the window (hooks/useAppKeys.ts), and the same chords as menu accelerators.
  { id: 'import', scope: 'app', keys: ['Mod+O'], action: 'Import files', command: 'import', inTextFields: true },
  { id: 'paste-article', scope: 'app', keys: ['Mod+Shift+V'], action: 'Paste the clipboard as a new article (outside text fields)', command: 'paste-article' },
  { id: 'export-briefing', scope: 'app', keys: ['Mod+E'], action: 'Export a briefing: opens the composer on the last briefing', command: 'export-briefing', inTextFields: true },
  { id: 'search', scope: 'app', keys: ['Mod+K'], action: 'Search the notebook', command: 'search', inTextFields: true },
  { id: 'show-library', scope: 'app', keys: ['Mod+1'], action: 'Show the library', command: 'show-library', inTextFields: true },
  { id: 'show-reader', scope: 'app', keys: ['Mod+2'], action: 'Show the reader', command: 'show-reader', inTextFields: true },
  { id: 'show-passages', scope: 'app', keys: ['Mod+3'], action: 'Show the passages', command: 'show-passages', inTextFields: true },
  { id: 'show-tags', scope: 'app', keys: ['Mod+4'], action: 'Show the tags', command: 'show-tags', inTextFields: true },
  { id: 'show-briefings', scope: 'app', keys: ['Mod+5'], action: 'Show the briefings', command: 'show-briefings', inTextFields: true },
  { id: 'show-entities', scope: 'app', keys: ['Mod+6'], action: 'Show the entities (names, places and aliases)', command: 'show-entities', inTextFields: true },
  { id: 'show-sources', scope: 'app', keys: ['Mod+7'], action: 'Show the sources (outlets, grades and claims)', command: 'show-sources', inTextFields: true },
  { id: 'show-timeline', scope: 'app', keys: ['Mod+8'], action: 'Show the timeline (passages by event date, and their map)', command: 'show-timeline', inTextFields: true },
  { id: 'show-analysis', scope: 'app', keys: ['Mod+9'], action: 'Show the analysis (ACH matrices, tag co-occurrence)', command: 'show-analysis', inTextFields: true },
  { id: 'undo', scope: 'app', keys: ['Mod+Z'], action: 'Undo the last change (in a text field, undo typing)', command: 'undo' },
  { id: 'redo', scope: 'app', keys: [{ chord: 'Ctrl+Y', platform: 'other' }, 'Mod+Shift+Z'], action: 'Redo', command: 'redo' },
  { id: 'shortcuts', scope: 'app', keys: ['F1'], action: 'This list of shortcuts', command: 'shortcuts', inTextFields: true },
  // Only the native menu of the desktop app has these (they open a system folder dialog).
  { id: 'open-notebook', scope: 'menu', keys: ['Mod+Shift+O'], action: 'Open a notebook (File menu)' },
  { id: 'new-notebook', scope: 'menu', keys: ['Mod+Shift+N'], action: 'New notebook (File menu)' },

  // The article text, once clicked or reached with Tab (components/ArticleReader.tsx).
  {
    id: 'reader.select',
    scope: 'reader',
    keys: ['Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowDown', 'Shift+Home', 'Shift+End', 'Ctrl+Shift+ArrowLeft', 'Ctrl+Shift+ArrowRight'],
    action: 'Select text to highlight (Ctrl: by word)',
  },
  { id: 'reader.next', scope: 'reader', keys: ['J'], action: 'Go to the next highlight' },
  { id: 'reader.previous', scope: 'reader', keys: ['K'], action: 'Go to the previous highlight' },
  { id: 'reader.edit', scope: 'reader', keys: ['Enter'], action: 'Edit the highlight J or K went to' },
  { id: 'reader.next-mention', scope: 'reader', keys: ['N'], action: 'Go to the next mention of the marked name' },
  { id: 'reader.previous-mention', scope: 'reader', keys: ['Shift+N'], action: 'Go to the previous mention of the marked name' },
  { id: 'reader.clear-marks', scope: 'reader', keys: ['Escape'], action: 'Hide the name card, then clear the marked mentions' },

  // The reader's names panel (components/EntityPanel.tsx), focus on one of its buttons.
  { id: 'names.next', scope: 'names', keys: ['N'], action: 'Go to the next mention of the marked name' },
  { id: 'names.previous', scope: 'names', keys: ['Shift+N'], action: 'Go to the previous mention of the marked name' },
  { id: 'names.clear', scope: 'names', keys: ['Escape'], action: 'Hide the name card, then clear the marked mentions' },

  // The highlight toolbar, with focus in it or in the article text (components/HighlightToolbar.tsx).
  { id: 'toolbar.tag', scope: 'toolbar', keys: ['1-9'], action: 'Toggle one of the first nine tags' },
  { id: 'toolbar.tag-in-comment', scope: 'toolbar', keys: ['Alt+1-9'], action: 'Toggle a tag while typing a comment' },
  { id: 'toolbar.save', scope: 'toolbar', keys: ['Enter', 'Mod+Enter'], action: 'Save the highlight (Shift+Enter starts a new line in the comment)' },
  { id: 'toolbar.remove', scope: 'toolbar', keys: ['Delete'], action: 'Remove the highlight being edited (not while typing a comment)' },
  { id: 'toolbar.cancel', scope: 'toolbar', keys: ['Escape'], action: 'Close the toolbar without saving' },

  // The margin's highlight bars and the menu a click on overlapping highlights opens.
  { id: 'margin.move', scope: 'margin', keys: ['ArrowUp', 'ArrowDown', 'Home', 'End'], action: 'Move between the highlight bars in the margin' },
  { id: 'chooser.move', scope: 'chooser', keys: ['ArrowUp', 'ArrowDown', 'Home', 'End'], action: 'Move through the overlapping highlights' },
  { id: 'chooser.close', scope: 'chooser', keys: ['Escape'], action: 'Close the menu of overlapping highlights' },

  // The library table (components/LibraryTable.tsx).
  { id: 'library.move', scope: 'library', keys: ['ArrowUp', 'ArrowDown', 'Home', 'End'], action: 'Move between articles' },
  { id: 'library.open', scope: 'library', keys: ['Enter'], action: 'Open the focused article in the reader' },
  { id: 'library.delete', scope: 'library', keys: ['Delete'], action: 'Delete the focused article (asks first)' },

  // The entities table (components/entities/EntityTable.tsx).
  { id: 'entities.move', scope: 'entities', keys: ['ArrowUp', 'ArrowDown', 'Home', 'End'], action: 'Move between entities' },
  { id: 'entities.edit', scope: 'entities', keys: ['Enter'], action: 'Edit the focused entity' },
  { id: 'entities.delete', scope: 'entities', keys: ['Delete'], action: 'Delete the focused entity (asks first)' },

  // An ACH matrix (components/analysis/AchGrid.tsx), keys as in PARC ACH.
  { id: 'ach.move', scope: 'ach', keys: ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'], action: 'Move between the cells of the matrix' },
  { id: 'ach.rate', scope: 'ach', keys: ['1', '2', '3', '4', '5'], action: 'Rate the cell: 1 CC, 2 C, 3 N, 4 I, 5 II' },
  { id: 'ach.clear', scope: 'ach', keys: ['0', 'Delete'], action: 'Rate the cell not applicable (NA)' },
  { id: 'ach.edit', scope: 'ach', keys: ['Enter'], action: 'Edit the hypothesis or the row’s weights; on a row’s passage, open it in the reader' },

  // The passages table (components/passages/PassagesTable.tsx).
  { id: 'passages.move', scope: 'passages-table', keys: ['J', 'K', 'ArrowDown', 'ArrowUp', 'Home', 'End'], action: 'Move between passages' },
  { id: 'passages.extend', scope: 'passages-table', keys: ['Shift+J', 'Shift+K', 'Shift+ArrowDown', 'Shift+ArrowUp'], action: 'Extend the selection down or up' },
  { id: 'passages.select', scope: 'passages-table', keys: [' '], action: 'Select or unselect the focused passage' },
  { id: 'passages.open', scope: 'passages-table', keys: ['Enter'], action: 'Open the focused passage in the reader' },

  // The reader's library list (components/LibraryList.tsx).
  { id: 'list.move', scope: 'list', keys: ['ArrowUp', 'ArrowDown', 'Home', 'End'], action: 'Move through the articles' },
  { id: 'list.open', scope: 'list', keys: ['Enter', ' '], action: 'Open the focused article' },

  // The search dialog (components/SearchDialog.tsx).
  { id: 'search.move', scope: 'search', keys: ['ArrowUp', 'ArrowDown'], action: 'Move through the results' },
  { id: 'search.open', scope: 'search', keys: ['Enter'], action: 'Open the chosen result in the reader' },
  { id: 'search.close', scope: 'search', keys: ['Escape'], action: 'Close the search' },

  // The briefing composer (components/briefing/PassageItem.tsx, BriefingSections.tsx).
  { id: 'briefing.move', scope: 'briefing', keys: ['Alt+ArrowUp', 'Alt+ArrowDown'], action: 'Move the focused passage or section up or down' },
] as const satisfies readonly KeyBinding[]

export type Binding = (typeof KEYMAP)[number]
export type BindingId<S extends KeyScope = KeyScope> = Extract<Binding, { scope: S }>['id']

const GROUP_TITLES: Record<KeyScope, string> = {
  app: 'Anywhere',
  menu: 'Desktop menu',
  reader: 'Reader (focus in the article text)',
  toolbar: 'Highlight toolbar',
  margin: 'Highlight bars',
  chooser: 'Overlapping highlights',
  library: 'Library table',
  entities: 'Entities table',
  list: 'Reader’s library list',
  search: 'Search',
  briefing: 'Briefing composer',
  names: 'Names in the reader’s side panel',
  ach: 'ACH matrix',
  'passages-table': 'Passages table',
}

export interface Shortcut {
  keys: string
  action: string
}

export interface ShortcutGroup {
  title: string
  shortcuts: Shortcut[]
}

/** Help > Keyboard Shortcuts for this platform: the keymap, grouped by where it applies. */
export function shortcutGroups(isMac: boolean): ShortcutGroup[] {
  const groups = new Map<KeyScope, ShortcutGroup>()
  for (const binding of KEYMAP as readonly KeyBinding[]) {
    let group = groups.get(binding.scope)
    if (!group) groups.set(binding.scope, (group = { title: GROUP_TITLES[binding.scope], shortcuts: [] }))
    group.shortcuts.push({ keys: formatChords(chordsFor(binding, isMac), isMac), action: binding.action })
  }
  return [...groups.values()]
}

/** The chords of a binding on this platform. */
export function chordsFor(binding: KeyBinding, isMac: boolean): string[] {
  return binding.keys.flatMap((k) => (typeof k === 'string' ? [k] : (k.platform === 'mac') === isMac ? [k.chord] : []))
}

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  ' ': 'Space',
  '1-9': '1–9',
}

/** Shows `Mod` as this platform's modifier: `Mod+K` is Ctrl+K, or ⌘K on macOS. */
export function formatKeys(keys: string, isMac: boolean): string {
  const { mods, key } = splitChord(keys)
  const shown = KEY_NAMES[key] ?? key
  if (isMac) return mods.map((m) => (m === 'Mod' ? '⌘' : m === 'Shift' ? '⇧' : m === 'Alt' ? '⌥' : '⌃')).join('') + shown
  return [...mods.map((m) => (m === 'Mod' ? 'Ctrl' : m)), shown].join('+')
}

/** Chords with the same modifiers share them: `Shift+← → Home`, then `Ctrl+Enter`. */
export function formatChords(chords: readonly string[], isMac: boolean): string {
  const byMods = new Map<string, string[]>()
  for (const chord of chords) {
    const { mods, key } = splitChord(chord)
    const prefix = mods.join('+')
    const keys = byMods.get(prefix) ?? []
    keys.push(key)
    byMods.set(prefix, keys)
  }
  return [...byMods.entries()]
    .map(([prefix, keys]) => {
      const first = formatKeys(prefix ? `${prefix}+${keys[0]!}` : keys[0]!, isMac)
      return [first, ...keys.slice(1).map((k) => KEY_NAMES[k] ?? k)].join(' ')
    })
    .join(', ')
}

function splitChord(chord: string): { mods: string[]; key: string } {
  if (chord === ' ' || chord === '+') return { mods: [], key: chord }
  const parts = chord.split('+')
  return { mods: parts.slice(0, -1), key: parts[parts.length - 1]! }
}

/** The native menu's accelerator for a binding (`CmdOrCtrl+K`): its first chord on this platform. */
export function accelerator(id: Extract<Binding, { scope: 'app' | 'menu' }>['id'], isMac: boolean): string {
  const binding = (KEYMAP as readonly KeyBinding[]).find((b) => b.id === id)!
  return chordsFor(binding, isMac)[0]!.replace(/^Mod\+/, 'CmdOrCtrl+')
}

export interface KeyPress {
  key: string
  /** KeyboardEvent.code, for digits that a modifier turned into another character. */
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

export interface KeyMatch<S extends KeyScope> {
  id: BindingId<S>
  /** For a `1-9` chord: the digit pressed, 1 to 9. */
  digit?: number
}

/** The binding of `scope` a key press stands for, or null. */
export function matchBinding<S extends KeyScope>(e: KeyPress, scope: S, isMac: boolean): KeyMatch<S> | null {
  for (const binding of KEYMAP as readonly KeyBinding[]) {
    if (binding.scope !== scope) continue
    for (const chord of chordsFor(binding, isMac)) {
      const digit = chordMatches(chord, e, isMac)
      if (digit !== false) return digit === true ? { id: binding.id as BindingId<S> } : { id: binding.id as BindingId<S>, digit }
    }
  }
  return null
}

/** true when `e` is `chord`, the digit for a `1-9` chord, false otherwise. */
function chordMatches(chord: string, e: KeyPress, isMac: boolean): boolean | number {
  const { mods, key } = splitChord(chord)
  const want = { ctrl: false, meta: false, shift: false, alt: false }
  for (const m of mods) {
    if (m === 'Mod') want[isMac ? 'meta' : 'ctrl'] = true
    else if (m === 'Ctrl') want.ctrl = true
    else if (m === 'Shift') want.shift = true
    else if (m === 'Alt') want.alt = true
  }
  if (e.ctrlKey !== want.ctrl || e.metaKey !== want.meta || e.altKey !== want.alt) return false
  if (key === '1-9') {
    // Alt+digit arrives as another character on some layouts (⌥1 is ¡ on a Mac): then read the key's code.
    const digit = /^[1-9]$/.test(e.key) ? e.key : /^Digit([1-9])$/.exec(e.code ?? '')?.[1]
    if (e.shiftKey !== want.shift || !digit) return false
    return Number(digit)
  }
  if (e.shiftKey !== want.shift) return false
  return e.key.length === 1 ? e.key.toLowerCase() === key.toLowerCase() : e.key === key
}

/** The key press a chord stands for (`Mod+Shift+Z` -> Ctrl, Shift, "Z"; `1-9` -> "1"). */
export function keyPressFor(chord: string, isMac: boolean): KeyPress {
  const { mods, key } = splitChord(chord)
  const shift = mods.includes('Shift')
  return {
    key: key === '1-9' ? '1' : key.length === 1 && shift ? key.toUpperCase() : key,
    ctrlKey: mods.includes('Ctrl') || (mods.includes('Mod') && !isMac),
    metaKey: mods.includes('Mod') && isMac,
    shiftKey: shift,
    altKey: mods.includes('Alt'),
  }
}

/** One handler per binding of a scope; returning false leaves the key to the browser. */
export type KeyHandlers<S extends KeyScope> = { [K in BindingId<S>]: (match: KeyMatch<S>) => boolean | void }

/**
 * Runs the handler of the binding `e` stands for, if any, and says whether the key was
 * taken (the caller then prevents its default).
 */
export function dispatchKey<S extends KeyScope>(e: KeyPress, scope: S, isMac: boolean, handlers: KeyHandlers<S>): boolean {
  const match = matchBinding(e, scope, isMac)
  if (!match) return false
  return handlers[match.id](match) !== false
}
