import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findStatedOutlets } from './stated-outlet'

const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus')

describe('the outlet a text states about itself', () => {
  it('reads copyright lines and slash signatures, and nothing from ordinary prose', () => {
    const text = [
      'Ships left the port on Monday, officials said / and more.',
      'The talks go on. / Middle East Eye',
      '© 2024 Example News Ltd. All Rights Reserved.',
      'Copyright 2019-2025 Daily Sabah',
      'Prices rose 5 / 6 percent.',
    ].join('\n')
    expect(findStatedOutlets(text).map((f) => [f.name, f.how])).toEqual([
      ['Middle East Eye', 'signature'],
      ['Example News Ltd', 'copyright'],
      ['Daily Sabah', 'copyright'],
    ])
  })

  it.skipIf(!existsSync(CORPUS))('finds bne IntelliNews in 003 and the copyright holder in 002 of the corpus (skipped: ../shared/corpus absent)', () => {
    const read = (name: string) => findStatedOutlets(readFileSync(join(CORPUS, name), 'utf8')).map((f) => f.name)
    expect(read('003_993df21826298aa0.txt')).toEqual(['bne IntelliNews'])
    expect(read('002_046419e80c949d65.txt')).toEqual(['SwissX REDD UK ltd'])
    expect(read('001_daa64de3b2e005fd.txt')).toEqual([])
  })
})
