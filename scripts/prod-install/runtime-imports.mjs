// Finds what built code loads at run time, for the production-only suite: every module
// specifier in `import`/`export … from`, `import()`, `require()`, `require.resolve()`, and
// calls through `createRequire(…)` (the app loads some packages lazily that way, e.g.
// `createRequire(import.meta.url)("jsdom")`). Pure (no I/O): the parser is vite's
// `parseAst` (rolldown's ESTree parser), passed in so tests can use the same one.

import { isBuiltin } from 'node:module'

/** @typedef {{ specifier: string, kind: 'import' | 'require', line: number }} RuntimeImport */
/** @typedef {{ kind: 'import' | 'require', line: number, source: string }} DynamicImport a specifier that is not a string literal: cannot be checked statically */

/**
 * Packages the check leaves out, each with the reason. Nothing else is exempt.
 * @type {ReadonlyMap<string, string>}
 */
export const EXEMPT_PACKAGES = new Map([['electron', 'provided by the Electron runtime (a devDependency that electron-builder supplies), never loaded from node_modules']])

/**
 * @param {string} code a built ES module or CommonJS file
 * @param {(code: string) => any} parse e.g. vite's parseAst
 * @returns {{ imports: RuntimeImport[], dynamic: DynamicImport[] }}
 */
export function findRuntimeImports(code, parse) {
  const ast = parse(code)
  const lineStarts = [0]
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const lineOf = (offset) => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }

  // Names bound to a require function: `require`, and `const r = createRequire(…)`.
  const requireNames = new Set(['require'])
  walk(ast, (node) => {
    if (node.type === 'VariableDeclarator' && node.id?.type === 'Identifier' && isCreateRequireCall(node.init)) requireNames.add(node.id.name)
  })
  const isRequireFunction = (node) => (node?.type === 'Identifier' && requireNames.has(node.name)) || isCreateRequireCall(node)

  /** @type {RuntimeImport[]} */
  const imports = []
  /** @type {DynamicImport[]} */
  const dynamic = []
  const record = (kind, arg, node) => {
    const specifier = stringValue(arg)
    if (specifier === null) dynamic.push({ kind, line: lineOf(node.start), source: code.slice(node.start, Math.min(node.end, node.start + 120)) })
    else imports.push({ specifier, kind, line: lineOf(node.start) })
  }
  walk(ast, (node) => {
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (node.source) record('import', node.source, node)
        break
      case 'ImportExpression':
        record('import', node.source, node)
        break
      case 'CallExpression': {
        const callee = node.callee
        const viaRequire = isRequireFunction(callee)
        const viaResolve = callee?.type === 'MemberExpression' && !callee.computed && callee.property?.name === 'resolve' && isRequireFunction(callee.object)
        if (viaRequire || viaResolve) record('require', node.arguments[0], node)
        break
      }
    }
  })
  return { imports, dynamic }
}

/**
 * The package a bare specifier loads (`@scope/name` or `name`), or null for what is not a
 * package: relative and absolute paths, URLs, `#imports` and Node built-ins.
 * @param {string} specifier
 * @returns {string | null}
 */
export function packageOf(specifier) {
  if (specifier === '' || /^(\.{1,2}(\/|$)|\/|#|[a-z][a-z0-9+.-]*:)/i.test(specifier) || isBuiltin(specifier)) return null
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/**
 * Where package.json declares a package: 'dependencies' is the only answer that ships.
 * @param {string} name
 * @param {Record<string, any>} packageJson
 * @returns {'dependencies' | 'optionalDependencies' | 'peerDependencies' | 'devDependencies' | null}
 */
export function declaredIn(name, packageJson) {
  for (const field of /** @type {const} */ (['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies'])) {
    if (packageJson[field] && Object.hasOwn(packageJson[field], name)) return field
  }
  return null
}

function isCreateRequireCall(node) {
  if (node?.type !== 'CallExpression') return false
  const callee = node.callee
  return (callee?.type === 'Identifier' && callee.name === 'createRequire') || (callee?.type === 'MemberExpression' && !callee.computed && callee.property?.name === 'createRequire')
}

function stringValue(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked
  return null
}

/** Visits every node of an ESTree tree. */
function walk(node, visit) {
  const stack = [node]
  while (stack.length > 0) {
    const current = stack.pop()
    if (!current || typeof current.type !== 'string') continue
    visit(current)
    for (const key of Object.keys(current)) {
      const value = current[key]
      if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push(value[i])
      else if (value && typeof value === 'object' && typeof value.type === 'string') stack.push(value)
    }
  }
}
