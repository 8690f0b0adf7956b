/** Screenshots kept as test artifacts (test-artifacts/e2e/), for people to look at. */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { ARTIFACTS_DIR } from './harness'

/** Saves what the analyst sees, in light and dark theme. */
export async function snapshotThemes(page: Page, name: string, mode: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}-${colorScheme}-${mode}.png`) })
  }
  await page.emulateMedia({ colorScheme: null })
}
