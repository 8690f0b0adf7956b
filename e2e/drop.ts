/** Drops files on the app window as a user's drag from the desktop would: dragenter, dragover, drop. */
import type { Page } from '@playwright/test'

export interface FileToDrop {
  name: string
  text?: string
  /** Raw bytes, for binary files (takes precedence over `text`). */
  bytes?: number[]
}

export async function dropFiles(page: Page, files: FileToDrop[]): Promise<void> {
  await page.evaluate((list) => {
    const transfer = new DataTransfer()
    for (const f of list) transfer.items.add(new File([f.bytes ? new Uint8Array(f.bytes) : (f.text ?? '')], f.name))
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }))
    }
  }, files)
}
