/**
 * The state of one `dossier check` run (check-notebook.ts), shared by the modules that
 * check one part of the notebook: what was found, what was repaired, how many files were
 * read, and the verified backups to restore from.
 */
import type { BackupManifest } from './backups'
import type { CheckProblem, CheckReport } from './check-notebook'

/** A fix: what it will do and did (for the report), and doing it. */
export interface Fix {
  will: string
  did: string
  run: () => Promise<void>
}

export class CheckRun {
  readonly problems: CheckProblem[] = []
  readonly repaired: CheckProblem[] = []
  /** Files kept for the user (damaged copies moved aside): listed, not problems. */
  readonly kept: { file: string; message: string }[] = []
  checkedFiles = 0
  /** Verified backups, newest first. */
  readonly backups: { id: string; manifest: BackupManifest }[] = []

  constructor(
    readonly dir: string,
    readonly repair: boolean,
    readonly lockHeld: boolean,
    readonly now: () => string,
  ) {}

  report(): CheckReport {
    return { checkedFiles: this.checkedFiles, problems: this.problems, repaired: this.repaired, kept: this.kept }
  }

  /**
   * Records a problem. `fix` is how to repair it, or why it cannot be. With `repair`, a
   * fix is run; returns whether it was (a failed fix stays a problem, saying why).
   */
  async found(file: string, message: string, fix: Fix | string): Promise<boolean> {
    if (typeof fix === 'string') {
      this.problems.push({ file, message, repairable: false, repair: fix })
      return false
    }
    if (!this.repair) {
      this.problems.push({ file, message, repairable: true, repair: fix.will })
      return false
    }
    try {
      await fix.run()
      this.repaired.push({ file, message, repairable: true, repair: fix.did })
      return true
    } catch (error) {
      this.problems.push({ file, message, repairable: true, repair: `The repair failed: ${(error as Error).message}.` })
      return false
    }
  }
}
