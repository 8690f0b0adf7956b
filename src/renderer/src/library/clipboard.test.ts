import { describe, expect, it } from 'vitest'
import { readClipboardForImport } from './clipboard'

function pasteOf(flavours: Record<string, string> | null): Pick<ClipboardEvent, 'clipboardData'> {
  if (!flavours) return { clipboardData: null }
  return { clipboardData: { getData: (type: string) => flavours[type] ?? '' } as DataTransfer }
}

describe('readClipboardForImport', () => {
  it('reads the plain text and the HTML flavour', () => {
    expect(readClipboardForImport(pasteOf({ 'text/plain': 'Convoy turned back', 'text/html': '<p>Convoy turned back</p>' }))).toEqual({
      text: 'Convoy turned back',
      html: '<p>Convoy turned back</p>',
    })
  })

  it('leaves out an empty HTML flavour', () => {
    expect(readClipboardForImport(pasteOf({ 'text/plain': 'Plain only', 'text/html': '  ' }))).toEqual({ text: 'Plain only' })
  })

  it('keeps HTML even when the plain flavour is empty', () => {
    expect(readClipboardForImport(pasteOf({ 'text/html': '<p>x</p>' }))).toEqual({ text: '', html: '<p>x</p>' })
  })

  it('gives null when there is nothing to import', () => {
    expect(readClipboardForImport(pasteOf(null))).toBeNull()
    expect(readClipboardForImport(pasteOf({ 'text/plain': ' \n ' }))).toBeNull()
    expect(readClipboardForImport(pasteOf({ Files: 'x' }))).toBeNull()
  })
})
