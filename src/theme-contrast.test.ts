/**
 * The tag colour contrast check (renderer/src/tags/contrast.ts) computes with copies of
 * the theme values in renderer/src/styles/base.css; this keeps the two from drifting.
 * (A Node test beside layer-rules.test.ts: renderer tests may not read files.)
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { THEMES } from './renderer/src/tags/contrast'

describe('highlight contrast check', () => {
  it('assumes the theme values base.css really has', () => {
    const css = readFileSync(join(import.meta.dirname, 'renderer', 'src', 'styles', 'base.css'), 'utf8')
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)')
    const value = (block: string | undefined, name: string) => new RegExp(`--${name}:\\s*([^;]+);`).exec(block ?? '')?.[1]?.trim().toLowerCase()
    for (const [block, theme] of [
      [light, THEMES.light],
      [dark, THEMES.dark],
    ] as const) {
      expect(value(block, 'mark-alpha'), theme.name).toBe(`${Math.round(theme.alpha * 100)}%`)
      expect(value(block, 'bg-raised'), theme.name).toBe(theme.page)
      expect(value(block, 'text'), theme.name).toBe(theme.text)
    }
  })
})
