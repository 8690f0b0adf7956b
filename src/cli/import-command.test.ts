/**
 * `dossier import` prints what it saved as it saves it, and an interrupt (Ctrl-C, SIGTERM)
 * keeps every file already imported: the notebook then holds exactly the articles the
 * report says were imported.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../core/api'
import { runCli } from './run-cli'

/** A folder of `n` small articles whose sentences do not repeat across files. */
function articles(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-import-cmd-'))
  mkdirSync(join(dir, 'in'))
  for (let i = 0; i < n; i++) {
    writeFileSync(join(dir, 'in', `${String(i).padStart(3, '0')}.txt`), `Report number ${i} from the coast\n\nConvoy ${i} left the depot ${i * 7} minutes after dawn with ${i + 3} trucks.\n`)
  }
  return dir
}

/** Runs `dossier import` in process; `signalAt` sends the signal when stdout first shows an imported file. */
async function importWithSignal(dir: string, signal: 'SIGINT' | 'SIGTERM', extra: string[] = []) {
  let out = ''
  let err = ''
  let listener: ((s: 'SIGINT' | 'SIGTERM') => void) | null = null
  let stopped = false
  const code = await runCli(['--notebook', 'nb', 'import', 'in', ...extra], {
    stdout: (s) => {
      out += s
      if (listener && s.includes('imported  ')) {
        listener(signal)
        listener = null
      }
    },
    stderr: (s) => void (err += s),
    env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') },
    cwd: dir,
    onSignal: (l) => {
      listener = l
      return () => void (stopped = true)
    },
  })
  return { code, out, err, stopped }
}

const catalogIds = (dir: string) => (JSON.parse(readFileSync(join(dir, 'nb', 'catalog.json'), 'utf8')) as { articles: { id: string }[] }).articles.map((a) => a.id).sort()

describe('dossier import, interrupted', () => {
  it('Ctrl-C stops the file in hand, keeps every article it reported imported, and exits 130', async () => {
    const dir = articles(160) // more than one commit step (100 articles or 2 s)
    const r = await importWithSignal(dir, 'SIGINT')
    expect(r.code).toBe(130)
    expect(r.stopped).toBe(true)
    expect(r.err).toMatch(/Interrupted: stopping the file being read and saving what was imported/)
    expect(r.err).toMatch(/Interrupted: \d+ imported and saved, \d+ not imported/)
    const reported = [...r.out.matchAll(/^imported {2}(a-[0-9a-f]{10})/gm)].map((m) => m[1]!).sort()
    // The first step closes after 100 articles or 2 s, whichever comes first (a loaded machine).
    expect(reported.length).toBeGreaterThanOrEqual(1)
    expect(reported.length).toBeLessThan(160)
    expect(catalogIds(dir)).toEqual(reported)
    expect(r.out).toMatch(/failed {4}.*Not imported: the import was cancelled before this file\./)
    expect(existsSync(join(dir, 'nb', '.lock'))).toBe(false)
  })

  it('SIGTERM does the same and exits 143; --json prints the report with the one failure shape', async () => {
    const dir = articles(120)
    let listener: ((s: 'SIGINT' | 'SIGTERM') => void) | null = null
    let out = ''
    const code = await runCli(['--notebook', 'nb', 'import', 'in', '--json'], {
      stdout: (s) => void (out += s),
      stderr: () => undefined,
      env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') },
      cwd: dir,
      onSignal: (l) => {
        listener = l
        // Interrupt as soon as the import starts listening: the first file is then the one in hand.
        queueMicrotask(() => listener?.('SIGTERM'))
        return () => undefined
      },
    })
    expect(code).toBe(143)
    const report = JSON.parse(out) as ImportReport & { ok: boolean; error: { code: string } }
    expect(report.ok).toBe(false)
    expect(report.error.code).toBe('canceled')
    expect(report.imported).toBeGreaterThanOrEqual(0)
    expect(report.imported + report.failed).toBe(120)
    expect(catalogIds(dir)).toEqual(report.items.filter((i) => i.status === 'imported').map((i) => i.articleId).sort())
  })

  it('without a signal, every imported line is printed once and the totals close the report', async () => {
    const dir = articles(130)
    let out = ''
    const code = await runCli(['--notebook', 'nb', 'import', 'in'], {
      stdout: (s) => void (out += s),
      stderr: () => undefined,
      env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') },
      cwd: dir,
    })
    expect(code).toBe(0)
    expect(out.match(/^imported {2}/gm)).toHaveLength(130)
    expect(out.trimEnd().split('\n').at(-1)).toBe('Imported 130, duplicates 0, failed 0.')
  })
})
