/**
 * Test helper, not part of the app: a second process for notebook-lock.test.ts, which
 * transpiles this file and the modules it imports to .mjs and runs it with plain Node.
 *
 *   node lock-holder-child.mjs <dir> <app> [--wait-for-go]
 *
 * Prints READY once loaded. With --wait-for-go it then waits for a "go" line on stdin
 * (so many children can start their attempts together). It tries to acquire the lock on
 * <dir> and prints one line: WIN, LOCKED <message> or ERROR <message>. It holds the lock
 * until its stdin closes, then releases it and exits.
 */
import { createInterface } from 'node:readline'
import { isDossierError } from '../../core/result'
import { acquireNotebookLock, type NotebookLock } from './notebook-lock'

const [dir, app = 'cli', flag] = process.argv.slice(2)
if (!dir) {
  process.stderr.write('usage: lock-holder-child <dir> <app> [--wait-for-go]\n')
  process.exit(2)
}

let lock: NotebookLock | null = null
let attempt: Promise<void> | null = null

const say = (line: string): void => {
  process.stdout.write(`${line}\n`)
}

async function tryAcquire(target: string): Promise<void> {
  try {
    lock = await acquireNotebookLock(target, { app })
    say('WIN')
  } catch (error) {
    if (isDossierError(error) && error.code === 'notebook-locked') say(`LOCKED ${error.message}`)
    else say(`ERROR ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`.replace(/\n/g, ' | '))
  }
}

const input = createInterface({ input: process.stdin })
input.on('line', (line) => {
  if (line.trim() === 'go') attempt ??= tryAcquire(dir)
})
input.on('close', () => {
  void (async () => {
    await attempt
    await lock?.release()
    process.exit(0)
  })()
})

say('READY')
if (flag !== '--wait-for-go') attempt = tryAcquire(dir)
