import { describe, expect, it } from 'vitest'
import { countChecks, countPlaywright, countSingleCheck, countVitest, formatTable, formatTotals, parseArgs, skipReasons, sumCounts } from './test-summary.mjs'

// Shapes as written by Vitest 4's JSON reporter and Playwright 1.65's JSON reporter.
const vitestAllGreen = {
  numTotalTestSuites: 4,
  numPassedTestSuites: 4,
  numFailedTestSuites: 0,
  numPendingTestSuites: 0,
  numTotalTests: 12,
  numPassedTests: 9,
  numFailedTests: 0,
  numPendingTests: 2,
  numTodoTests: 1,
  success: true,
  testResults: [
    { name: '/p/src/a.test.ts', status: 'passed', message: '', assertionResults: [{ status: 'passed' }] },
  ],
}

const vitestWithFailures = {
  ...vitestAllGreen,
  numPassedTests: 7,
  numFailedTests: 2,
  numPendingTests: 0,
  numTodoTests: 0,
  success: false,
  testResults: [
    { name: '/p/src/a.test.ts', status: 'failed', message: '', assertionResults: [{ status: 'passed' }, { status: 'failed' }, { status: 'failed' }] },
  ],
}

// A file whose import throws: it is "failed" but holds no tests, so numFailedTests stays 0.
const vitestCollectionError = {
  ...vitestAllGreen,
  numPassedTests: 5,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  numFailedTestSuites: 1,
  success: false,
  testResults: [
    { name: '/p/src/ok.test.ts', status: 'passed', message: '', assertionResults: [{ status: 'passed' }] },
    { name: '/p/src/broken.test.ts', status: 'failed', message: 'Failed to load url ./missing\nmore', assertionResults: [] },
  ],
}

const playwrightReport = (stats, errors = []) => ({ config: {}, suites: [], errors, stats: { startTime: '2026-11-21T00:00:00.000Z', duration: 1234, ...stats } })

describe('countSingleCheck', () => {
  it('counts exit 0 as one pass and anything else as one failure', () => {
    expect(countSingleCheck(0)).toMatchObject({ passed: 1, failed: 0, skipped: 0 })
    expect(countSingleCheck(2)).toMatchObject({ passed: 0, failed: 1, skipped: 0 })
    expect(countSingleCheck(null)).toMatchObject({ passed: 0, failed: 1, skipped: 0 })
  })
})

describe('countVitest', () => {
  it('reads passed, failed and skipped (pending + todo) from the report', () => {
    expect(countVitest(vitestAllGreen, 0)).toMatchObject({ passed: 9, failed: 0, skipped: 3 })
    expect(countVitest(vitestWithFailures, 1)).toMatchObject({ passed: 7, failed: 2, skipped: 0 })
  })

  it('counts a test file that failed outside any test', () => {
    const counts = countVitest(vitestCollectionError, 1)
    expect(counts).toMatchObject({ passed: 5, failed: 1, skipped: 0 })
    expect(counts.notes.join('\n')).toContain('broken.test.ts failed outside any test: Failed to load url ./missing')
  })

  it('counts 1 failed when the process fails without a report', () => {
    expect(countVitest(undefined, 1)).toMatchObject({ passed: 0, failed: 1, skipped: 0 })
    expect(countVitest(undefined, null)).toMatchObject({ passed: 0, failed: 1, skipped: 0 })
  })

  it('does not let a missing report pass silently even on exit 0', () => {
    expect(countVitest(undefined, 0)).toMatchObject({ failed: 1 })
  })

  it('counts 1 failed when the exit code fails but the report shows no failure (e.g. unhandled errors)', () => {
    expect(countVitest(vitestAllGreen, 1)).toMatchObject({ passed: 9, failed: 1, skipped: 3 })
  })
})

describe('countPlaywright', () => {
  it('maps expected and flaky to passed, unexpected to failed, skipped to skipped', () => {
    const counts = countPlaywright(playwrightReport({ expected: 5, unexpected: 2, flaky: 1, skipped: 3 }), 1)
    expect(counts).toMatchObject({ passed: 6, failed: 2, skipped: 3 })
    expect(counts.notes.join('\n')).toContain('1 flaky')
  })

  it('counts an all-green run', () => {
    expect(countPlaywright(playwrightReport({ expected: 4, unexpected: 0, flaky: 0, skipped: 1 }), 0)).toMatchObject({ passed: 4, failed: 0, skipped: 1 })
  })

  it('counts top-level errors (no tests found, config error) as 1 failed', () => {
    const report = playwrightReport({ expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, [{ message: 'Error: No tests found' }])
    const counts = countPlaywright(report, 1)
    expect(counts).toMatchObject({ passed: 0, failed: 1, skipped: 0 })
    expect(counts.notes.join('\n')).toContain('No tests found')
  })

  it('counts 1 failed when there is no report', () => {
    expect(countPlaywright(undefined, 1)).toMatchObject({ passed: 0, failed: 1, skipped: 0 })
    expect(countPlaywright(null, 0)).toMatchObject({ failed: 1 })
  })
})

describe('countChecks', () => {
  const report = {
    checks: [
      { name: 'import .txt through the CLI', status: 'passed', detail: '' },
      { name: "runtime import 'jsdom' ships with the app", status: 'failed', detail: 'declared in devDependencies' },
      { name: 'export pdf through the CLI', status: 'skipped', detail: 'pdftotext is not installed' },
    ],
  }

  it('counts each check, names every failure, and every skip with its reason', () => {
    expect(countChecks(report, 1, 'prod-install')).toEqual({
      passed: 1,
      failed: 1,
      skipped: 1,
      notes: ["failed: runtime import 'jsdom' ships with the app", 'skipped: export pdf through the CLI: pdftotext is not installed'],
    })
  })

  it('counts a check with an unknown status as failed', () => {
    expect(countChecks({ checks: [{ name: 'x', status: 'weird' }] }, 0, 'prod-install')).toMatchObject({ passed: 0, failed: 1 })
  })

  it('never passes without checks: no report, or an empty list, is 1 failed even on exit 0', () => {
    expect(countChecks(undefined, 0, 'prod-install')).toMatchObject({ passed: 0, failed: 1, notes: ['prod-install wrote no report (exit 0): counted as 1 failed'] })
    expect(countChecks({ checks: [] }, 0, 'prod-install')).toMatchObject({ failed: 1 })
  })

  it('counts 1 failed when the suite failed but its checks all passed', () => {
    expect(countChecks({ checks: [{ name: 'a', status: 'passed' }] }, 2, 'prod-install')).toMatchObject({ passed: 1, failed: 1 })
  })
})

describe('summary', () => {
  it('sums the suites that ran and ignores skipped suites', () => {
    const total = sumCounts([
      { counts: countSingleCheck(0) },
      { counts: countSingleCheck(1) },
      { counts: countVitest(vitestAllGreen, 0) },
      { counts: null },
      { counts: countPlaywright(playwrightReport({ expected: 2, unexpected: 1, flaky: 0, skipped: 4 }), 1) },
    ])
    expect(total).toEqual({ passed: 12, failed: 2, skipped: 7 })
    expect(formatTotals(total)).toBe('12 passed, 2 failed, 7 skipped')
  })

  it('formats a table with one row per suite', () => {
    const table = formatTable([
      { name: 'build', status: 'ok', counts: countSingleCheck(0), durationMs: 1500 },
      { name: 'e2e', status: 'SKIPPED', counts: null, durationMs: null, note: 'no config' },
    ])
    const lines = table.split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[2]).toMatch(/^build\s+ok\s+1\s+0\s+0\s+1\.5 s$/)
    expect(lines[3]).toMatch(/^e2e\s+SKIPPED\s+-\s+-\s+-\s+-\s+no config$/)
  })
})

describe('parseArgs', () => {
  const known = ['build', 'typecheck', 'lint', 'security', 'unit', 'e2e']
  it('runs everything by default', () => {
    expect(parseArgs([], known)).toEqual({ only: null, help: false })
  })
  it('keeps the usual order for --only', () => {
    expect(parseArgs(['--only', 'e2e,unit'], known).only).toEqual(['unit', 'e2e'])
    expect(parseArgs(['--only=lint', '--only', 'build'], known).only).toEqual(['build', 'lint'])
  })
  it('rejects unknown suites and arguments', () => {
    expect(parseArgs(['--only', 'unti'], known).error).toContain('unknown suite(s): unti')
    expect(parseArgs(['--only'], known).error).toContain('--only needs')
    expect(parseArgs(['--bogus'], known).error).toContain('unknown argument')
  })
})

describe('skipReasons', () => {
  it('names every skipped test with its reason, grouping repeats', () => {
    const vitest = { testResults: [{ assertionResults: [{ status: 'passed', fullName: 'a' }, { status: 'skipped', fullName: 'store read-only folder (skipped as root)' }] }] }
    const playwright = {
      suites: [
        {
          specs: [
            { tests: [{ projectName: 'electron', status: 'skipped', annotations: [{ type: 'skip', description: 'No Electron binary' }] }] },
            { tests: [{ projectName: 'electron', status: 'skipped', annotations: [{ type: 'skip', description: 'No Electron binary' }] }] },
            { tests: [{ projectName: 'chromium', status: 'expected', annotations: [] }] },
          ],
          suites: [{ specs: [{ tests: [{ projectName: 'chromium', status: 'skipped', annotations: [] }] }] }],
        },
      ],
    }
    expect(skipReasons(vitest, playwright)).toEqual([
      'unit: store read-only folder (skipped as root)',
      'e2e [electron]: No Electron binary (2 tests)',
      'e2e [chromium]: no reason given',
    ])
  })
})
