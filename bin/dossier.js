#!/usr/bin/env node
// Starts the built CLI (out/main/cli.js, made by `npm run build`).
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  process.stderr.write('dossier: the CLI is not built yet; run "npm run build" first.\n')
  process.exit(1)
}
await import(pathToFileURL(cli).href)
