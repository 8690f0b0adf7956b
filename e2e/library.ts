/**
 * The library as the specs see it: the table named "Library" in the Library view. Each
 * article is a row named by its title (the header row has no such name).
 */
import type { Locator, Page } from '@playwright/test'

/** Shows the Library view (it is the view the app starts in). */
export async function showLibrary(page: Page): Promise<Locator> {
  const table = page.getByRole('table', { name: 'Library' })
  if (!(await table.isVisible())) await page.getByRole('tab', { name: 'Library' }).click()
  return table
}

/** The article rows of the library table (the header row excluded). */
export function articleRows(table: Locator): Locator {
  return table.getByRole('rowgroup').last().getByRole('row')
}

/** Opens an article from the library table by (part of) its title; the app switches to the Reader. */
export async function openFromLibrary(page: Page, title: string | RegExp): Promise<void> {
  const table = await showLibrary(page)
  await table.getByRole('row', { name: title }).first().click()
}
