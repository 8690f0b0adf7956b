/**
 * Every keyboard shortcut of the app, in one list: the Help > Keyboard Shortcuts dialog
 * shows it, and the menu and the renderer's key handlers use the same keys. `Mod` is
 * Ctrl on Windows and Linux and Cmd on macOS.
 */
export interface Shortcut {
  keys: string
  action: string
}

export interface ShortcutGroup {
  title: string
  shortcuts: Shortcut[]
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Notebook',
    shortcuts: [
      { keys: 'Mod+O', action: 'Import files' },
      { keys: 'Mod+Shift+V', action: 'Paste the clipboard as a new article' },
      { keys: 'Mod+E', action: 'Export a briefing' },
      { keys: 'Mod+Shift+O', action: 'Open a notebook' },
      { keys: 'Mod+Shift+N', action: 'New notebook' },
    ],
  },
  {
    title: 'Views',
    shortcuts: [
      { keys: 'Mod+1', action: 'Library' },
      { keys: 'Mod+2', action: 'Reader' },
      { keys: 'Mod+3', action: 'Passages' },
      { keys: 'Mod+4', action: 'Tags' },
      { keys: 'Mod+5', action: 'Briefings' },
      { keys: 'Mod+K', action: 'Search the notebook' },
      { keys: 'F1', action: 'This list of shortcuts' },
    ],
  },
  {
    title: 'Highlighting',
    shortcuts: [
      { keys: 'Shift+Arrows', action: 'Select text in the reader (after clicking or tabbing into it)' },
      { keys: '1–9', action: 'Toggle the first nine tags while the highlight toolbar is open' },
      { keys: 'Enter', action: 'Save the highlight' },
      { keys: 'Delete', action: 'Remove the highlight being edited (focus in the toolbar)' },
      { keys: 'Esc', action: 'Close the toolbar, chooser or dialog' },
      { keys: 'Mod+Z', action: 'Undo the last highlight, tag, comment or library change' },
      { keys: 'Mod+Shift+Z', action: 'Redo' },
    ],
  },
  {
    title: 'Lists',
    shortcuts: [
      { keys: 'Up / Down, Home / End', action: 'Move through the library, passages and search results' },
      { keys: 'Enter', action: 'Open the focused article, passage or result' },
      { keys: 'Alt+Up / Alt+Down', action: 'Move a briefing passage or section' },
    ],
  },
]

/** Shows `Mod` as this platform's modifier. */
export function formatKeys(keys: string, isMac: boolean): string {
  return keys.replace(/Mod\+/g, isMac ? '⌘' : 'Ctrl+')
}
