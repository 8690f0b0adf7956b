import { parseAst } from 'vite'
import { describe, expect, it } from 'vitest'
import { declaredIn, EXEMPT_PACKAGES, findRuntimeImports, packageOf } from './runtime-imports.mjs'

const find = (code) => findRuntimeImports(code, parseAst)
const specifiers = (code) => find(code).imports.map((i) => `${i.kind} ${i.specifier}`)

describe('findRuntimeImports', () => {
  it('finds static imports and re-exports, with their lines', () => {
    const code = ['import a from "zod"', "import { b } from 'lowdb'", 'import "node:fs"', 'export { c } from "chardet"', 'export * from "./chunk.js"'].join('\n')
    expect(find(code).imports).toEqual([
      { specifier: 'zod', kind: 'import', line: 1 },
      { specifier: 'lowdb', kind: 'import', line: 2 },
      { specifier: 'node:fs', kind: 'import', line: 3 },
      { specifier: 'chardet', kind: 'import', line: 4 },
      { specifier: './chunk.js', kind: 'import', line: 5 },
    ])
  })

  it('finds lazy loads: import(), require(), require.resolve() and createRequire in every form the bundles use', () => {
    const code = `
      import { createRequire } from "node:module";
      async function later() { return import("pdfjs-dist/legacy/build/pdf.mjs") }
      function sanitize() { const { JSDOM } = createRequire(import.meta.url)("jsdom"); return JSDOM }
      const root = createRequire(import.meta.url).resolve("pdfjs-dist/package.json");
      const req = createRequire(import.meta.url);
      const m = req("mammoth"); const where = req.resolve(\`linkedom\`);
      const cjs = require("electron");
      const mod = module.createRequire(__filename)("franc-min");
    `
    expect(specifiers(code)).toEqual([
      'import node:module',
      'import pdfjs-dist/legacy/build/pdf.mjs',
      'require jsdom',
      'require pdfjs-dist/package.json',
      'require mammoth',
      'require linkedom',
      'require electron',
      'require franc-min',
    ])
  })

  it('reports loads whose specifier is computed, which no static check can follow', () => {
    const { imports, dynamic } = find('const name = "js" + "dom";\nrequire(name);\nawait import(`./${name}.js`)')
    expect(imports).toEqual([])
    expect(dynamic.map((d) => [d.kind, d.line])).toEqual([
      ['require', 2],
      ['import', 3],
    ])
  })

  it('does not take other calls named resolve, or strings, for loads', () => {
    expect(specifiers('path.resolve("jsdom"); Promise.resolve("zod"); const s = "require(\'x\')"; obj.require')).toEqual([])
  })
})

describe('packageOf', () => {
  it.each([
    ['jsdom', 'jsdom'],
    ['csv-stringify/sync', 'csv-stringify'],
    ['@mozilla/readability', '@mozilla/readability'],
    ['@mozilla/readability/Readability.js', '@mozilla/readability'],
    ['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist'],
    ['./chunks/a.js', null],
    ['../x', null],
    ['/abs/path.js', null],
    ['node:fs', null],
    ['fs/promises', null],
    ['worker_threads', null],
    ['#internal', null],
    ['file:///x.js', null],
    ['data:text/javascript,1', null],
  ])('%s -> %s', (specifier, name) => {
    expect(packageOf(specifier)).toBe(name)
  })
})

describe('declaredIn', () => {
  const pkg = { dependencies: { zod: '^4' }, devDependencies: { jsdom: '^26', electron: '^45' }, optionalDependencies: { fsevents: '*' } }

  it('says where package.json declares a package', () => {
    expect(declaredIn('zod', pkg)).toBe('dependencies')
    expect(declaredIn('jsdom', pkg)).toBe('devDependencies')
    expect(declaredIn('fsevents', pkg)).toBe('optionalDependencies')
    expect(declaredIn('left-pad', pkg)).toBeNull()
    expect(declaredIn('constructor', pkg)).toBeNull()
  })

  it('exempts electron only, and says why', () => {
    expect([...EXEMPT_PACKAGES.keys()]).toEqual(['electron'])
    expect(EXEMPT_PACKAGES.get('electron')).toMatch(/Electron runtime/)
  })
})
