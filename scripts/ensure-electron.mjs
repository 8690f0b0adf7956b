#!/usr/bin/env node
// prestart / predev: make sure the Electron binary exists before electron-vite needs it.
//
// Electron 42+ has no install script: `npm ci` installs the package without its binary,
// which is fetched on first use. This checks for the binary WITHOUT triggering that
// download (never require('electron') here), and if it is missing runs
// `npx install-electron` once. If that fails (no access to GitHub, where the binary is
// hosted), it says so plainly and exits 1: the app cannot start, but the tests still run.
//
// Overrides, in order: ELECTRON_EXEC_PATH (a full path to an Electron executable),
// ELECTRON_OVERRIDE_DIST_PATH (a directory holding one, as electron's own index.js uses).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const require = createRequire(import.meta.url)

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

function isFile(path) {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** @returns {{ found: string } | { missing: string }} */
export function locateElectron(env = process.env, pkgDir = electronPackageDir()) {
  if (env.ELECTRON_EXEC_PATH) {
    return isFile(env.ELECTRON_EXEC_PATH)
      ? { found: env.ELECTRON_EXEC_PATH }
      : { missing: `ELECTRON_EXEC_PATH=${env.ELECTRON_EXEC_PATH} is not a file` }
  }
  if (!pkgDir) return { missing: 'the electron package is not installed (run npm ci)' }
  const pathFile = join(pkgDir, 'path.txt')
  const relPath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relPath || 'electron')
    return isFile(candidate) ? { found: candidate } : { missing: `no Electron executable at ${candidate} (ELECTRON_OVERRIDE_DIST_PATH)` }
  }
  if (!relPath) return { missing: `${pathFile} does not exist: the Electron binary has never been downloaded` }
  const candidate = join(pkgDir, 'dist', relPath)
  return isFile(candidate) ? { found: candidate } : { missing: `${candidate} does not exist` }
}

/**
 * What a failed `install-electron` said, in one line: the first line of its stderr that is
 * not part of a stack trace ("TypeError: fetch failed"), or '' when it said nothing.
 */
export function installFailureReason(stderr) {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^at\s/.test(line) && !/^npm (warn|notice)/i.test(line))
  return (lines[0] ?? '').slice(0, 200)
}

function main() {
  const before = locateElectron()
  if ('found' in before) {
    console.log(`Electron binary: ${before.found}`)
    return 0
  }
  console.log(`Electron binary missing (${before.missing}); running \`npx install-electron\`...`)
  // Its stderr is read, not passed through: a failed download is a Node stack trace
  // ("TypeError: fetch failed" and a dozen "at ..." lines) that would bury the explanation.
  const result = spawnSync('npx', ['--no', '--', 'install-electron'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    shell: process.platform === 'win32',
  })
  const after = locateElectron()
  if (result.status === 0 && 'found' in after) {
    if (result.stderr) process.stderr.write(result.stderr)
    console.log(`Electron binary: ${after.found}`)
    return 0
  }
  const reason = result.error ? result.error.message : installFailureReason(result.stderr ?? '')
  console.error(
    [
      '',
      'ERROR: the Electron binary could not be installed, so the desktop app cannot start here.',
      `  ${'missing' in after ? after.missing : ''}`,
      ...(reason ? [`  install-electron said: ${reason}`] : []),
      '  `npx install-electron` downloads it from GitHub; this machine probably has no access to GitHub.',
      '  Everything else still works without it: `npm test` (build, typecheck, lint, unit, e2e),',
      '  `npm run build`, and the CLI (bin/dossier.js).',
      '  On a machine with internet access, run `npx install-electron` once, or point',
      '  ELECTRON_EXEC_PATH (an executable) or ELECTRON_OVERRIDE_DIST_PATH (its directory) at an',
      '  existing Electron 45 binary.',
      '',
    ].join('\n'),
  )
  return 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main())
