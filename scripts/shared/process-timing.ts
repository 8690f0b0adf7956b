/**
 * Times a Node program as a whole process, as a user at a terminal meets it: wall time
 * from spawn to exit (Node's start-up included) and the process's peak RSS. The peak is
 * read by a tiny CommonJS preload (`node --require`) that writes
 * `process.resourceUsage().maxRSS` to a file when the process exits, so it covers the
 * whole run, worker threads included, and needs no tool outside Node.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface ProcessRun {
  wallS: number
  /** Peak resident set size in MB (MiB), or NaN when the process did not report it (killed). */
  maxRssMB: number
  code: number | null
  stdoutBytes: number
  /** Kept when asked (keepStdout), else ''. */
  stdout: string
  stderr: string
}

const RSS_ENV = 'DOSSIER_BENCH_MAXRSS_FILE'
let preloadDir: string | null = null

function preload(): string {
  if (preloadDir === null) {
    preloadDir = mkdtempSync(join(tmpdir(), 'dossier-bench-rss-'))
    writeFileSync(
      join(preloadDir, 'maxrss.cjs'),
      `'use strict'\nprocess.on('exit', () => {\n  const file = process.env.${RSS_ENV}\n  if (file) require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS))\n})\n`,
    )
    process.on('exit', () => rmSync(preloadDir!, { recursive: true, force: true }))
  }
  return join(preloadDir, 'maxrss.cjs')
}

let runs = 0

/** Runs `node <args>` and times it. */
export function timeProcess(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; keepStdout?: boolean; timeoutS?: number } = {}): Promise<ProcessRun> {
  const rssFile = join(tmpdir(), `dossier-bench-rss-${process.pid}-${runs++}.txt`)
  const env = { ...process.env, ...options.env, [RSS_ENV]: rssFile }
  return new Promise((done, fail) => {
    const started = performance.now()
    const proc = spawn(process.execPath, ['--require', preload(), ...args], { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: (options.timeoutS ?? 3600) * 1000 })
    let stdoutBytes = 0
    let stdout = ''
    let stderr = ''
    proc.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length
      if (options.keepStdout) stdout += chunk.toString('utf8')
    })
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk
    })
    proc.on('error', fail)
    proc.on('close', (code) => {
      const wallS = (performance.now() - started) / 1000
      let maxRssMB = Number.NaN
      try {
        maxRssMB = Number(readFileSync(rssFile, 'utf8')) / 1024
        rmSync(rssFile, { force: true })
      } catch {
        // killed before its exit handler ran
      }
      done({ wallS, maxRssMB, code, stdoutBytes, stdout, stderr })
    })
  })
}

export interface Spread {
  min: number
  median: number
  max: number
  n: number
}

export function spread(values: readonly number[]): Spread {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN, n: 0 }
  const mid = sorted.length >> 1
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]!, n: sorted.length }
}
