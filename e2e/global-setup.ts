// The harness serves and launches the built app: refuse to run against a missing build.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export default function globalSetup(): void {
  const root = join(import.meta.dirname, '..')
  for (const file of ['out/renderer/index.html', 'out/main/index.js', 'out/main/extract-worker.js', 'out/preload/index.cjs']) {
    if (!existsSync(join(root, file))) {
      throw new Error(`${file} is missing: run "npm run build" before the e2e specs (npm test does it for you).`)
    }
  }
}
