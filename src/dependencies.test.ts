/**
 * What the shipped app loads at run time must be a production dependency: electron-builder
 * packs only `dependencies`, so a package the main process, the CLI or a worker imports
 * (statically, dynamically or through require) that sits in devDependencies works in
 * development and is missing from the installed app ("Cannot find module 'jsdom'").
 * The renderer is not checked: vite bundles its packages into the page.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')
const SHIPPED = ['src/main', 'src/cli', 'src/core', 'src/preload']
/** Provided by the runtime; electron-builder wants it in devDependencies. */
const RUNTIME = new Set(['electron'])

/** Test code: test files, test helpers (test-*.ts, testing/ folders) and the vitest set-up. */
const isTestCode = (path: string) => /\.test\.tsx?$|(^|\/)test-[^/]*\.ts$|\/testing\/|\/vitest-[^/]*\.ts$/.test(path)

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !isTestCode(path) ? [path] : []
  })
}

/** Packages a source file loads at run time: `import … from`, `import(…)`, `require(…)`; type-only imports excluded. */
function packagesLoadedBy(source: string): string[] {
  const specifiers = [
    ...[...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
    ...[...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
    ...[...source.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!),
  ]
  const builtins = new Set(builtinModules)
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtins.has(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!))
}

describe('production dependencies', () => {
  it('reads imports, dynamic imports and requires, but not type-only imports', () => {
    const source = [
      "import { a } from 'alpha/sub'",
      "import type { B } from 'beta'",
      "import '@scope/gamma/setup'",
      "const d = await import('delta')",
      "const { JSDOM } = require('jsdom') as X",
      "import { join } from 'node:path'",
      "import { x } from './local'",
    ].join('\n')
    expect(packagesLoadedBy(source).sort()).toEqual(['@scope/gamma', 'alpha', 'delta', 'jsdom'])
  })

  it('lists every package the main process, the CLI and the workers load in dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    const missing = SHIPPED.flatMap(sourceFiles).flatMap((file) =>
      packagesLoadedBy(readFileSync(join(ROOT, file), 'utf8'))
        .filter((name) => !RUNTIME.has(name) && !(name in pkg.dependencies))
        .map((name) => `${name} (loaded by ${relative(ROOT, join(ROOT, file))})`),
    )
    expect(missing).toEqual([])
  })
})
