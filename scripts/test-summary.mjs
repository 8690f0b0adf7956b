// Pure helpers for scripts/run-tests.mjs: turn each suite's outcome (exit code plus the
// runner's JSON report, if any) into passed/failed/skipped counts, and format the summary.
// No I/O here, so scripts/test-summary.test.mjs can check the counting with fixtures.

/** @typedef {{ passed: number, failed: number, skipped: number, notes: string[] }} Counts */

/** @returns {Counts} */
export function emptyCounts() {
  return { passed: 0, failed: 0, skipped: 0, notes: [] }
}

/** @param {number | null} exitCode */
function ok(exitCode) {
  return exitCode === 0
}

/**
 * A suite that is one check (build, typecheck, lint, security): it passed iff it exited 0.
 * @param {number | null} exitCode null when killed by a signal or it could not start
 * @returns {Counts}
 */
export function countSingleCheck(exitCode) {
  return ok(exitCode)
    ? { passed: 1, failed: 0, skipped: 0, notes: [] }
    : { passed: 0, failed: 1, skipped: 0, notes: [`exited with ${exitCode === null ? 'a signal / spawn error' : `code ${exitCode}`}`] }
}

/** When a runner failed but its report shows no failure, the failure is somewhere the report does not count. */
function failureFloor(counts, exitCode, what) {
  if (!ok(exitCode) && counts.failed === 0) {
    counts.failed = 1
    counts.notes.push(`${what} exited with ${exitCode === null ? 'a signal' : `code ${exitCode}`} but its report shows no failed test: counted as 1 failed`)
  }
  return counts
}

function num(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

/**
 * Counts from Vitest's JSON reporter (`--reporter=json --outputFile=...`).
 * passed = numPassedTests, failed = numFailedTests, skipped = numPendingTests + numTodoTests.
 * A test file that failed without any failed test (an import or collection error, a
 * failing beforeAll) adds 1 failed, and a failing exit code with nothing counted as
 * failed (unhandled errors, a missing report) counts 1 failed.
 * @param {unknown} report parsed JSON, or undefined/null when no report was written
 * @param {number | null} exitCode
 * @returns {Counts}
 */
export function countVitest(report, exitCode) {
  const counts = emptyCounts()
  if (!report || typeof report !== 'object') {
    if (ok(exitCode)) {
      counts.failed = 1
      counts.notes.push('vitest exited 0 but wrote no JSON report: counted as 1 failed')
      return counts
    }
    counts.notes.push('no JSON report (collection or startup error)')
    return failureFloor(counts, exitCode, 'vitest')
  }
  const r = /** @type {Record<string, unknown>} */ (report)
  counts.passed = num(r.numPassedTests)
  counts.failed = num(r.numFailedTests)
  counts.skipped = num(r.numPendingTests) + num(r.numTodoTests)
  const files = Array.isArray(r.testResults) ? r.testResults : []
  for (const file of files) {
    if (!file || file.status !== 'failed') continue
    const assertions = Array.isArray(file.assertionResults) ? file.assertionResults : []
    if (!assertions.some((a) => a && a.status === 'failed')) {
      counts.failed += 1
      const firstLine = String(file.message ?? '').split('\n')[0]
      counts.notes.push(`${file.name ?? 'a test file'} failed outside any test${firstLine ? `: ${firstLine}` : ''}`)
    }
  }
  return failureFloor(counts, exitCode, 'vitest')
}

/**
 * Counts from Playwright's JSON reporter (`--reporter=json`, PLAYWRIGHT_JSON_OUTPUT_NAME).
 * stats.expected -> passed, stats.flaky -> passed (passed on retry), stats.unexpected ->
 * failed, stats.skipped -> skipped. Top-level `errors` (config, global setup, "no tests
 * found") with nothing failed count 1 failed, as does a failing exit code.
 * @param {unknown} report
 * @param {number | null} exitCode
 * @returns {Counts}
 */
export function countPlaywright(report, exitCode) {
  const counts = emptyCounts()
  if (!report || typeof report !== 'object') {
    if (ok(exitCode)) {
      counts.failed = 1
      counts.notes.push('playwright exited 0 but wrote no JSON report: counted as 1 failed')
      return counts
    }
    counts.notes.push('no JSON report (config or startup error)')
    return failureFloor(counts, exitCode, 'playwright')
  }
  const r = /** @type {Record<string, any>} */ (report)
  const stats = r.stats && typeof r.stats === 'object' ? r.stats : {}
  counts.passed = num(stats.expected) + num(stats.flaky)
  counts.failed = num(stats.unexpected)
  counts.skipped = num(stats.skipped)
  if (num(stats.flaky) > 0) counts.notes.push(`${num(stats.flaky)} flaky (passed on retry)`)
  const errors = Array.isArray(r.errors) ? r.errors : []
  if (errors.length > 0) {
    const first = String(errors[0]?.message ?? errors[0]?.value ?? '').split('\n')[0]
    counts.notes.push(`${errors.length} error(s) outside tests${first ? `: ${first}` : ''}`)
    if (counts.failed === 0) counts.failed = 1
  }
  return failureFloor(counts, exitCode, 'playwright')
}

/**
 * Counts from a suite that writes its own list of checks (scripts/prod-install):
 * `{ checks: [{ name, status: "passed" | "failed" | "skipped", detail }] }`. Every failed
 * check is named in the notes (the suite prints its detail), every skipped one with its
 * reason (a skip is never silent). No
 * report, an empty list, or a failing exit code with nothing failed counts 1 failed.
 * @param {unknown} report
 * @param {number | null} exitCode
 * @param {string} what the suite's name, for the notes
 * @returns {Counts}
 */
export function countChecks(report, exitCode, what) {
  const counts = emptyCounts()
  const list = report && typeof report === 'object' && Array.isArray(/** @type {any} */ (report).checks) ? /** @type {any[]} */ (/** @type {any} */ (report).checks) : null
  if (!list || list.length === 0) {
    counts.failed = 1
    counts.notes.push(`${what} wrote ${list ? 'an empty list of checks' : 'no report'} (exit ${exitCode ?? 'by a signal'}): counted as 1 failed`)
    return counts
  }
  for (const item of list) {
    const status = item?.status
    if (status === 'passed') counts.passed += 1
    else if (status === 'skipped') {
      counts.skipped += 1
      counts.notes.push(`skipped: ${item.name}: ${item.detail || 'no reason given'}`)
    } else {
      counts.failed += 1
      counts.notes.push(`failed: ${item?.name ?? 'a check'}`)
    }
  }
  return failureFloor(counts, exitCode, what)
}

/**
 * Why tests were skipped, so a skip is never silent: Playwright's `skip` annotations
 * (grouped, with how many tests each covers) and the names of skipped Vitest tests (our
 * skipped tests carry their reason in their name).
 * @param {unknown} vitest Vitest JSON report
 * @param {unknown} playwright Playwright JSON report
 * @returns {string[]}
 */
export function skipReasons(vitest, playwright) {
  /** @type {Map<string, number>} */
  const reasons = new Map()
  const add = (reason) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
  const v = /** @type {Record<string, any>} */ (vitest ?? {})
  for (const file of Array.isArray(v.testResults) ? v.testResults : []) {
    for (const t of Array.isArray(file.assertionResults) ? file.assertionResults : []) {
      if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo') add(`unit: ${t.fullName ?? t.title}`)
    }
  }
  const walk = (suite) => {
    for (const spec of Array.isArray(suite?.specs) ? suite.specs : []) {
      for (const test of Array.isArray(spec.tests) ? spec.tests : []) {
        if (test.status !== 'skipped') continue
        const notes = [...(test.annotations ?? []), ...(test.results ?? []).flatMap((r) => r.annotations ?? [])]
        const note = notes.find((a) => a.type === 'skip' && a.description)
        add(`e2e [${test.projectName}]: ${note?.description ?? 'no reason given'}`)
      }
    }
    for (const child of Array.isArray(suite?.suites) ? suite.suites : []) walk(child)
  }
  const p = /** @type {Record<string, any>} */ (playwright ?? {})
  for (const suite of Array.isArray(p.suites) ? p.suites : []) walk(suite)
  return [...reasons].map(([reason, n]) => (n > 1 ? `${reason} (${n} tests)` : reason))
}

/**
 * @param {Array<{ counts?: Counts | null }>} results suites that were skipped have no counts
 * @returns {{ passed: number, failed: number, skipped: number }}
 */
export function sumCounts(results) {
  const total = { passed: 0, failed: 0, skipped: 0 }
  for (const { counts } of results) {
    if (!counts) continue
    total.passed += counts.passed
    total.failed += counts.failed
    total.skipped += counts.skipped
  }
  return total
}

/** The line CI reads: exactly `N passed, N failed, N skipped`. */
export function formatTotals(total) {
  return `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`
}

/** @param {number} ms */
export function formatDuration(ms) {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const minutes = Math.floor(ms / 60_000)
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`
}

/**
 * A plain-text table, one row per suite.
 * @param {Array<{ name: string, status: string, counts?: Counts | null, durationMs?: number | null, note?: string }>} rows
 */
export function formatTable(rows) {
  const header = ['suite', 'status', 'passed', 'failed', 'skipped', 'time', 'note']
  const body = rows.map((row) => [
    row.name,
    row.status,
    row.counts ? String(row.counts.passed) : '-',
    row.counts ? String(row.counts.failed) : '-',
    row.counts ? String(row.counts.skipped) : '-',
    row.durationMs == null ? '-' : formatDuration(row.durationMs),
    row.note ?? '',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)))
  const line = (cells) =>
    cells
      .map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

/**
 * Parses `--only unit,e2e` (or `--only=unit,e2e`, repeatable) against the known suite names.
 * @param {string[]} argv arguments after the script name
 * @param {string[]} known
 * @returns {{ only: string[] | null, help: boolean, error?: string }}
 */
export function parseArgs(argv, known) {
  const picked = []
  let help = false
  let sawOnly = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '-h' || arg === '--help') help = true
    else if (arg === '--only' || arg.startsWith('--only=')) {
      sawOnly = true
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length)
      if (value === undefined || value === '') return { only: null, help, error: '--only needs a comma-separated list of suites' }
      picked.push(...value.split(',').map((s) => s.trim()).filter(Boolean))
    } else return { only: null, help, error: `unknown argument: ${arg}` }
  }
  const unknown = picked.filter((name) => !known.includes(name))
  if (unknown.length > 0) return { only: null, help, error: `unknown suite(s): ${unknown.join(', ')} (known: ${known.join(', ')})` }
  return { only: sawOnly ? known.filter((name) => picked.includes(name)) : null, help }
}
