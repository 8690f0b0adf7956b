/**
 * The shapes real saved articles come in, for generated text (pure TS): the lines between
 * the headline and the body (bylines and datelines in the varied forms outlets use, or
 * none), the furniture lines some end with, and the people, places and outlets they name.
 */
import { GIVEN_NAMES, namePool } from './names'

export const OUTLETS = [
  'Harbour Watch', 'Levant Daily', 'The Coastal Wire', 'Eastern Ledger', 'Al-Sahil Weekly', 'Gulf Review', 'Northern Courier',
  'The Meridian', 'Baltic Times Online', 'Anatolia Observer', 'Red Sea Monitor', 'The Caspian Post', 'Strait Report',
  'Continental Gazette', 'Sahel Dispatch', 'Pacific Register', 'Aegean Tribune', 'Frontier Bulletin', 'Danube Chronicle',
  'The Orient Letter', 'Cape Mercury', 'Atlas Agency', 'Horn Review', 'Tigris News Service',
]
const ROLES = [
  'a spokesperson for the ministry', 'a senior official who asked not to be named', 'an analyst at the Institute for Regional Studies',
  "the port authority's director", 'a former diplomat', 'a researcher at the university', 'the company’s chief executive',
  'a local council member', 'a military officer', 'a shipping agent in the port', 'the head of the monitoring group',
  'a lawyer for the families', 'an economist', 'a resident', 'the governor’s adviser', 'a European diplomat',
]
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

export interface Cast {
  people: string[]
  places: string[]
}

/** Draws from a shared pool of invented surnames and places, skewed so a few recur widely. */
export class NameSource {
  readonly #surnames: string[]
  readonly #places: string[]
  constructor(seed: number) {
    this.#surnames = namePool(30_000, seed)
    this.#places = namePool(3_000, seed ^ 0x9e3779b9).map((p) => (p.length > 6 ? p : `${p}iye`))
  }

  cast(rand: () => number): Cast {
    // The square of a uniform draw favours the start of the pool: a few hundred names recur.
    const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * rand() * xs.length)]!
    const people = Array.from({ length: 3 + Math.floor(rand() * 6) }, () => `${GIVEN_NAMES[Math.floor(rand() * GIVEN_NAMES.length)]!} ${skewed(this.#surnames)}`)
    const places = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => skewed(this.#places))
    return { people, places }
  }
}

export interface Dating {
  /** YYYY-MM-DD */
  day: string
  year: number
  month: number
  date: number
  hour: number
  minute: number
}

export function randomDating(rand: () => number): Dating {
  const from = Date.UTC(2019, 0, 1)
  const to = Date.UTC(2025, 11, 31)
  const t = new Date(from + Math.floor(rand() * ((to - from) / 86_400_000)) * 86_400_000)
  return { day: t.toISOString().slice(0, 10), year: t.getUTCFullYear(), month: t.getUTCMonth(), date: t.getUTCDate(), hour: Math.floor(rand() * 24), minute: Math.floor(rand() * 60) }
}

const pad = (n: number): string => String(n).padStart(2, '0')

export interface Header {
  /** Lines between the headline and the body. */
  lines: string[]
  /** Put before the first paragraph, e.g. "ANKARA, March 3 (Harbour Watch) - ". */
  lead: string
  author: string | null
  outlet: string | null
  /** Whether the header states the date. */
  dated: boolean
}

/** One of the forms real articles use between headline and body, drawn with rough real frequencies. */
export function randomHeader(rand: () => number, cast: Cast, outlet: string, when: Dating): Header {
  const [a, b] = cast.people
  const month = MONTHS[when.month]!
  const us = `${month} ${when.date}, ${when.year}`
  const eu = `${when.date} ${month} ${when.year}`
  const forms: [number, () => Header][] = [
    [15, () => ({ lines: [], lead: '', author: null, outlet: null, dated: false })],
    [14, () => ({ lines: [`By ${a}`], lead: '', author: a!, outlet: null, dated: false })],
    [5, () => ({ lines: [`By ${a} and ${b}`], lead: '', author: `${a} and ${b}`, outlet: null, dated: false })],
    [10, () => ({ lines: [us], lead: '', author: null, outlet: null, dated: true })],
    [10, () => ({ lines: [`${a}, ${outlet}`, `Published ${eu}`], lead: '', author: a!, outlet, dated: true })],
    [5, () => ({ lines: [`Updated: ${when.day} ${pad(when.hour)}:${pad(when.minute)} UTC`], lead: '', author: null, outlet: null, dated: true })],
    [8, () => ({ lines: [`${outlet} — ${us}`], lead: '', author: null, outlet, dated: true })],
    [10, () => ({ lines: [], lead: `${cast.places[0]!.toUpperCase()}, ${month} ${when.date} (${outlet}) - `, author: null, outlet, dated: true })],
    [5, () => ({ lines: [`Posted on ${WEEKDAYS[(when.date + when.month) % 7]}, ${eu} by ${a}`], lead: '', author: a!, outlet: null, dated: true })],
    [5, () => ({ lines: [a!, `${outlet} correspondent`, us], lead: '', author: a!, outlet, dated: true })],
    [4, () => ({ lines: [`${when.day}T${pad(when.hour)}:${pad(when.minute)}:00+03:00`], lead: '', author: null, outlet: null, dated: true })],
    [4, () => ({ lines: [`${a} | ${outlet} | ${pad(when.date)}.${pad(when.month + 1)}.${when.year}`], lead: '', author: a!, outlet, dated: true })],
    [5, () => ({ lines: [`${a}`, `${pad(when.hour)}:${pad(when.minute)}, ${eu}`], lead: '', author: a!, outlet: null, dated: true })],
  ]
  const total = forms.reduce((n, [w]) => n + w, 0)
  let r = rand() * total
  for (const [weight, make] of forms) {
    r -= weight
    if (r < 0) return make()
  }
  return forms[0]![1]()
}

/** Lines some saved articles end with (outlet boilerplate, sharing links, credits), or none. */
export function randomFooter(rand: () => number, cast: Cast, outlet: string, when: Dating, headline: () => string): string[] {
  const r = rand()
  if (r < 0.05) return [`© ${when.year} ${outlet}. All rights reserved.`]
  if (r < 0.09) return ['Share this article', 'Facebook', 'X', 'Email']
  if (r < 0.13) return [`Read more: ${headline()}`]
  if (r < 0.16) return [`Additional reporting by ${cast.people[1]}; editing by ${cast.people[2]}.`]
  if (r < 0.18) return [`This article was first published by ${outlet}.`]
  return []
}

export function randomRole(rand: () => number): string {
  return ROLES[Math.floor(rand() * ROLES.length)]!
}

/** A phrase that can open a sentence (it is followed by the sentence, lower-cased). */
export function randomOpening(rand: () => number, cast: Cast, when: Dating): string {
  const r = rand()
  if (r < 0.3) return `According to ${cast.people[Math.floor(rand() * cast.people.length)]!},`
  if (r < 0.55) return `In ${cast.places[Math.floor(rand() * cast.places.length)]!},`
  if (r < 0.75) return `On ${WEEKDAYS[Math.floor(rand() * 7)]!},`
  if (r < 0.9) return `By ${MONTHS[Math.floor(rand() * 12)]!} ${when.year},`
  return `Since ${when.year - 1 - Math.floor(rand() * 20)},`
}
