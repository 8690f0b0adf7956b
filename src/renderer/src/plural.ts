/**
 * English counts for status messages and list metadata: "1 article", "5 articles".
 */
const numberFormat = new Intl.NumberFormat('en')

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${numberFormat.format(count)} ${count === 1 ? singular : pluralForm}`
}
