import { describe, expect, it } from 'vitest'
import { keyJudgmentItems } from './briefing-format'

describe('keyJudgmentItems', () => {
  it('makes one judgment per paragraph, keeping line breaks inside one', () => {
    expect(keyJudgmentItems('Russia keeps a foothold.\n\nPort traffic is recovering,\nslowly.\n')).toEqual(['Russia keeps a foothold.', 'Port traffic is recovering,\nslowly.'])
  })

  it('makes one judgment per line when there are no blank lines or markers', () => {
    expect(keyJudgmentItems('Russia keeps a foothold.\r\nPort traffic is recovering.')).toEqual(['Russia keeps a foothold.', 'Port traffic is recovering.'])
  })

  it('drops the markers the analyst typed, since the list is numbered, and keeps continuation lines with their item', () => {
    expect(keyJudgmentItems('1. Russia keeps a foothold\n   at the port.\n2) Traffic recovers.\n- Tariffs favour locals.\n• Watch the talks.')).toEqual([
      'Russia keeps a foothold\nat the port.',
      'Traffic recovers.',
      'Tariffs favour locals.',
      'Watch the talks.',
    ])
  })

  it('keeps a number that is part of the sentence', () => {
    expect(keyJudgmentItems('2025 will be decisive.\n3 ships left.')).toEqual(['2025 will be decisive.', '3 ships left.'])
  })

  it('is empty for blank text', () => {
    expect(keyJudgmentItems('')).toEqual([])
    expect(keyJudgmentItems(' \n\n ')).toEqual([])
  })
})
