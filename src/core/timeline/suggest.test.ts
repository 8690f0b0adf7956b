import { describe, expect, it } from 'vitest'
import { suggestEventDate, publicationDay } from './suggest'

const range = (text: string, published: string | null) => {
  const s = suggestEventDate(text, published)
  if (!s || 'unresolved' in s) return s
  return `${s.start}/${s.end} ${s.precision} ${s.rule} «${s.phrase}»`
}

describe('suggestEventDate: days and ranges', () => {
  it.each([
    ['on 11 December', '2025-01-15', '2024-12-11/2024-12-11 day day+inferred-year «on 11 December»'],
    ['on December 13, but', '2024-12-15', '2024-12-13/2024-12-13 day day+inferred-year «December 13»'],
    ['on 15 January', '2025-01-15', '2025-01-15/2025-01-15 day day+inferred-year «on 15 January»'],
    ['on 16 January', '2025-01-15', '2024-01-16/2024-01-16 day day+inferred-year «on 16 January»'],
    ['on 21 January 2025', '2024-06-01', '2025-01-21/2025-01-21 day day «on 21 January 2025»'],
    ['Jan. 25', '2025-02-02', '2025-01-25/2025-01-25 day day+inferred-year «Jan. 25»'],
    ['the 13th of December', '2025-01-02', '2024-12-13/2024-12-13 day day+inferred-year «13th of December»'],
    ['ships docked on 21 and 22 January', '2025-02-02', '2025-01-21/2025-01-22 day day-range+inferred-year «21 and 22 January»'],
    ['On January 21 and 22, two vessels', '2025-02-02', '2025-01-21/2025-01-22 day day-range+inferred-year «January 21 and 22»'],
    ['21-22 Jan', '2025-02-01', '2025-01-21/2025-01-22 day day-range+inferred-year «21-22 Jan»'],
    ['between 5 and 9 March', '2025-04-01', '2025-03-05/2025-03-09 day day-range+inferred-year «between 5 and 9 March»'],
    ['from 5 to 9 March 2024', null, '2024-03-05/2024-03-09 day day-range «from 5 to 9 March 2024»'],
    ['January 21 and 22, 2025', null, '2025-01-21/2025-01-22 day day-range «January 21 and 22, 2025»'],
  ])('%s (published %s)', (text, published, expected) => {
    expect(range(text, published)).toBe(expected)
  })

  it('a range across the new year takes the next year for its end', () => {
    expect(range('from 28 December to 3 January', '2025-01-15')).toBe('2024-12-28/2025-01-03 day day-range+inferred-year «28 December to 3 January»')
  })

  it('an impossible day in the text is not a date', () => {
    expect(suggestEventDate('on 31 February', '2025-03-10')).toBeNull()
    expect(suggestEventDate('between 30 and 31 February', '2025-03-10')).toBeNull()
  })
})

describe('suggestEventDate: months, years and approximate dates', () => {
  it.each([
    ['in December 2024', null, '2024-12-01/2024-12-31 month month «December 2024»'],
    ['in March', '2025-01-15', '2024-03-01/2024-03-31 month month+inferred-year «March»'],
    ['in January', '2025-01-15', '2025-01-01/2025-01-31 month month+inferred-year «January»'],
    ['in late January', '2025-02-10', '2025-01-21/2025-01-31 approximate part-of-month+inferred-year «late January»'],
    ['by mid-February 2024', null, '2024-02-11/2024-02-20 approximate part-of-month «mid-February 2024»'],
    ['at the end of December', '2025-01-15', '2024-12-21/2024-12-31 approximate part-of-month+inferred-year «the end of December»'],
    ['early 2025', null, '2025-01-01/2025-04-30 approximate part-of-year «early 2025»'],
    ['late 2024', null, '2024-09-01/2024-12-31 approximate part-of-year «late 2024»'],
    ['The Russian military intervened in 2015.', null, '2015-01-01/2015-12-31 year year «in 2015»'],
  ])('%s (published %s)', (text, published, expected) => {
    expect(range(text, published)).toBe(expected)
  })

  it('a sentence\'s full stop after a month is not part of the phrase; an abbreviation\'s is', () => {
    expect(range('Talks went on in late November.', '2024-12-15')).toBe('2024-11-21/2024-11-30 approximate part-of-month+inferred-year «late November»')
    expect(range('They docked on 21 and 22 January.', '2025-02-02')).toBe('2025-01-21/2025-01-22 day day-range+inferred-year «21 and 22 January»')
    expect(range('They docked on 21-22 Jan. and left.', '2025-02-02')).toBe('2025-01-21/2025-01-22 day day-range+inferred-year «21-22 Jan.»')
  })

  it('"late January" in an article of mid-January is the January before (by its first day)', () => {
    expect(range('late January', '2025-01-15')).toBe('2024-01-21/2024-01-31 approximate part-of-month+inferred-year «late January»')
  })
})

describe('suggestEventDate: relative phrases against the publication day', () => {
  it.each([
    ['On Tuesday, they passed Gibraltar', '2025-01-15', '2025-01-14/2025-01-14 day weekday «On Tuesday»'],
    ['on Wednesday', '2025-01-15', '2025-01-15/2025-01-15 day weekday «on Wednesday»'],
    ['on Thursday', '2025-01-15', '2025-01-09/2025-01-09 day weekday «on Thursday»'],
    ['next Tuesday', '2025-01-15', '2025-01-21/2025-01-21 day weekday «next Tuesday»'],
    ['yesterday', '2025-01-15', '2025-01-14/2025-01-14 day relative-day «yesterday»'],
    ['three days ago', '2025-01-15', '2025-01-12/2025-01-12 day days-ago «three days ago»'],
    ['last week', '2025-01-15', '2025-01-06/2025-01-12 approximate relative-week «last week»'],
    ['earlier this week', '2025-01-15', '2025-01-13/2025-01-15 approximate relative-week «this week»'],
    ['last month', '2025-01-15', '2024-12-01/2024-12-31 month relative-month «last month»'],
    ['last year', '2025-01-15', '2024-01-01/2024-12-31 year relative-year «last year»'],
  ])('%s (published %s)', (text, published, expected) => {
    expect(range(text, published)).toBe(expected)
  })

  it('the publication day is the day the article states, whatever its UTC offset', () => {
    // 00:30 at +02:00 is still the 14th in UTC; the article's own day is the 15th.
    expect(range('yesterday', '2025-01-15T00:30+02:00')).toBe('2025-01-14/2025-01-14 day relative-day «yesterday»')
    // 23:30 at -05:00 is already the 15th in UTC; the article's day is the 14th.
    expect(range('yesterday', '2025-01-14T23:30-05:00')).toBe('2025-01-13/2025-01-13 day relative-day «yesterday»')
    expect(range('on 14 January', '2025-01-14T23:30-05:00')).toBe('2025-01-14/2025-01-14 day day+inferred-year «on 14 January»')
    expect(publicationDay('2025-02-02T11:44:27+02:00')).toBe('2025-02-02')
  })

  it('without a publication date, relative phrases and year-less dates are unresolved, with the reason', () => {
    expect(suggestEventDate('On Tuesday, they both passed through', null)).toEqual({
      unresolved: true,
      phrase: 'On Tuesday',
      rule: 'weekday',
      reason: '“On Tuesday” is relative and the article has no publication date to count from',
      source: 'suggested',
    })
    expect(suggestEventDate('footage recorded yesterday', null)).toMatchObject({ unresolved: true, phrase: 'yesterday', rule: 'relative' })
    expect(suggestEventDate('on 11 December', null)).toMatchObject({ unresolved: true, phrase: 'on 11 December', rule: 'day', reason: '“on 11 December” states no year and the article has no publication date to count from' })
    expect(suggestEventDate('21 and 22 January', null)).toMatchObject({ unresolved: true, rule: 'day-range' })
  })

  it('a phrase that can be resolved wins over one that cannot', () => {
    expect(range('On Tuesday, as in December 2022', null)).toBe('2022-12-01/2022-12-31 month month «December 2022»')
  })
})

describe('suggestEventDate: choosing among phrases, and what is not a date', () => {
  it('a stated day beats a relative one, a "since" edge and a reporting "last week"', () => {
    const text = 'According to the Moscow Times last week, the ship has been drifting near Tartus since 5 January, after having departed Baltiysk on 11 December.'
    expect(range(text, '2025-01-15T16:29')).toBe('2024-12-11/2024-12-11 day day+inferred-year «on 11 December»')
  })

  it('"since 5 January" alone spans from that day to the publication day; without a publication date it stays unresolved', () => {
    expect(range('The ship has been drifting near Tartus since 5 January.', '2025-01-15T16:29')).toBe('2025-01-05/2025-01-15 day day+inferred-year+since «since 5 January»')
    expect(range('Talks have gone on since  December 2024, officials say.', '2025-01-15')).toBe('2024-12-01/2025-01-15 approximate month+since «since  December 2024»')
    expect(range('Since 5 January the port has been closed.', '2025-01-15')).toBe('2025-01-05/2025-01-15 day day+inferred-year+since «Since 5 January»')
    expect(suggestEventDate('drifting near Tartus since 5 January', null)).toMatchObject({ unresolved: true })
  })

  it('a day beats a month, whatever comes first', () => {
    expect(range('In December 2024 the regime fell; on 13 December Russia began to leave', '2025-01-15')).toBe('2024-12-13/2024-12-13 day day+inferred-year «on 13 December»')
  })

  it('with two stated days, the first is suggested', () => {
    expect(range('on 13 December and again on 20 December', '2025-01-15')).toBe('2024-12-13/2024-12-13 day day+inferred-year «on 13 December»')
  })

  it.each([
    ['Russia may remain there now'],
    ['troops march on the capital'],
    ['stopped at around 5 p.m. local time'],
    ['05/01/2025'],
    ['a column of 30 trucks and 1000 tonnes'],
    ['no date at all'],
  ])('%s: no suggestion', (text) => {
    expect(suggestEventDate(text, '2025-01-15')).toBeNull()
  })
})
