/**
 * The metadata checks of `dossier check`: pure, over the catalog already read. A stored
 * URL must be a safe article URL (src/core/urls.ts) and a stored date a real day
 * (src/core/dates.ts): the rules import, `dossier edit` and the API apply to new values.
 * The catalog's schema does not refuse them on read (that would declare the whole catalog
 * damaged and restore it from a backup), so values stored before the rules, or written
 * by hand, are reported here instead. Nothing is repaired: which value was meant cannot
 * be known, and `dossier edit` corrects or clears it.
 */
import { storedDateProblem } from '../../core/dates'
import type { Catalog } from '../../core/model'
import { unsafeUrlProblem } from '../../core/urls'
import type { CheckProblem } from './check-notebook'
import { CATALOG_FILE } from './layout'

export function findMetadataProblems(catalog: Catalog): CheckProblem[] {
  const problems: CheckProblem[] = []
  for (const a of catalog.articles) {
    const found = (what: string, flag: string) =>
      problems.push({
        file: CATALOG_FILE,
        message: `Article ${a.id} ("${a.title}") has ${what}`,
        repairable: false,
        repair: `Nothing: which value was meant cannot be known. Correct it with \`dossier edit ${a.id} ${flag} VALUE\`, or clear it with \`dossier edit ${a.id} ${flag} ""\` (Edit details in the app).`,
      })
    const url = a.url === null ? null : unsafeUrlProblem(a.url)
    if (url) found(`an unsafe URL, which exports would write as a link. ${url}`, '--url')
    const date = a.published === null ? null : storedDateProblem(a.published)
    if (date) found(`a publication date that is not a real day. ${date}`, '--date')
  }
  return problems
}
