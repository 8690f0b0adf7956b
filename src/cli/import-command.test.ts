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
        // Interrupt as soon as anything listens (the import, before it opens the notebook).
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

/**
 * A stand-in for the process's signal handling (index.ts): listeners registered through
 * io.onSignal get the signal; a signal while none is registered is what the process would
 * die of (the default action), leaving the notebook's lock behind.
 */
function signals() {
  const listeners = new Set<(s: 'SIGINT' | 'SIGTERM') => void>()
  const state = { unhandled: [] as string[] }
  return {
    state,
    onSignal: (l: (s: 'SIGINT' | 'SIGTERM') => void) => {
      listeners.add(l)
      return () => void listeners.delete(l)
    },
    deliver(signal: 'SIGINT' | 'SIGTERM', when: string) {
      if (listeners.size === 0) state.unhandled.push(`${signal} ${when}`)
      for (const l of [...listeners]) l(signal)
    },
  }
}

describe('dossier import, interrupted outside the import itself', () => {
  it('Ctrl-C while the notebook is being opened stops the import before its first file, releases the lock and exits 130', async () => {
    const dir = articles(30)
    // A temp file a killed save left: opening the notebook removes it and says so on stderr.
    mkdirSync(join(dir, 'nb'))
    writeFileSync(join(dir, 'nb', 'catalog.json'), '{"articles":[]}')
    writeFileSync(join(dir, 'nb', '.catalog.json.999999.abcd.tmp'), '{')
    const sig = signals()
    let out = ''
    let err = ''
    const code = await runCli(['--notebook', 'nb', 'import', 'in'], {
      stdout: (s) => void (out += s),
      stderr: (s) => {
        err += s
        if (s.includes('temporary file')) sig.deliver('SIGINT', 'while the notebook was being opened')
      },
      env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') },
      cwd: dir,
      onSignal: sig.onSignal,
    })
    expect(sig.state.unhandled).toEqual([])
    expect(code).toBe(130)
    expect(err).toMatch(/Interrupted: 0 imported and saved, 30 not imported/)
    expect(out.trimEnd().split('\n').at(-1)).toBe('Imported 0, duplicates 0, failed 30.')
    expect(catalogIds(dir)).toEqual([])
    expect(existsSync(join(dir, 'nb', '.lock'))).toBe(false)
  })

  it('Ctrl-C after the report, while the notebook is being closed (its first backup), releases the lock and exits 130', async () => {
    const dir = articles(30)
    const sig = signals()
    let out = ''
    let err = ''
    const code = await runCli(['--notebook', 'nb', 'import', 'in'], {
      stdout: (s) => {
        out += s
        // The report is printed; the command then backs the new notebook up and releases it.
        if (s.includes('Imported 30, duplicates 0, failed 0.')) setTimeout(() => sig.deliver('SIGINT', 'after the report'), 0)
      },
      stderr: (s) => void (err += s),
      env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') },
      cwd: dir,
      onSignal: sig.onSignal,
    })
    expect(sig.state.unhandled).toEqual([])
    expect(code).toBe(130)
    expect(err).toMatch(/Interrupted: everything reported is saved; releasing the notebook/)
    expect(out.match(/^imported {2}/gm)).toHaveLength(30)
    expect(catalogIds(dir)).toHaveLength(30)
    expect(existsSync(join(dir, 'nb', '.lock'))).toBe(false)
  })
})
