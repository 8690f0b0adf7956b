/**
 * Checks the W3C export against the Web Annotation Working Group's MUST tests
 * (web-platform-tests `annotation-model`, kept in ../shared/standards/w3c-annotation-model,
 * whose README gives the evaluation rules followed here).
 *
 * The loader:
 * - reads a `.test` file's `assertions`: a path with a slash (suite-relative), a bare file
 *   name (relative to the .test file), an inline assertion, `{assertionFile, ...overrides}`,
 *   a nested array (a sub-list), or a condition `{assertions, compareWith: and|or}`;
 * - honours `assertionType` (must/should/may), `expectedResult` (valid/invalid) and
 *   `onUnexpectedResult` (failAndContinue, failAndSkip = skip the rest of this list,
 *   failAndAbort, and the pass… forms);
 * - validates with Ajv 8. The suite is draft-04 and Ajv 8 has no draft-04 mode (that needs
 *   the `ajv-draft-04` package), so each schema is rewritten to its draft-07 equivalent:
 *   `id` -> `$id`, boolean `exclusiveMinimum/Maximum` -> the numeric form, `$schema`
 *   dropped. These are the only draft-04 constructs the suite uses (checked below), and the
 *   rewrite keeps their meaning, so validation is unchanged;
 * - uses the formats of Ajv 4's "fast" mode for `uri` and `date-time`, as the README says;
 * - optionally reproduces the old wpt runner's $ref quirk (three definitions reduced to
 *   their bare $ref); by default the stricter modern reading is used. Both are run.
 * When the suite folder is absent the tests are skipped with that reason.
 */
import Ajv, { type AnySchema, type ValidateFunction } from 'ajv'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildBriefing } from '../briefing'
import { claimedNotebook, gradedNotebook, NOTEBOOK, textOf } from './testing/fixture-notebook'
import { toW3cCollection, w3cItemsFromLayout, w3cItemsFromNotebook } from './w3c'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const SUITE = process.env.DOSSIER_W3C_SUITE ?? join(ROOT, '..', 'shared', 'standards', 'w3c-annotation-model')
const HAVE_SUITE = existsSync(join(SUITE, 'definitions'))

// ---------------------------------------------------------------------------------------
// Loader

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies']
const SCHEMA_VALUES = ['not', 'additionalProperties', 'additionalItems', 'items']
const SCHEMA_ARRAYS = ['allOf', 'anyOf', 'oneOf', 'items']

/** A draft-04 schema as its draft-07 equivalent (see the module comment). */
function toDraft07(schema: Json): Json {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue
    if (key === 'id' && typeof value === 'string') out.$id = value
    else if (SCHEMA_MAPS.includes(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v : toDraft07(v)]))
    } else if (SCHEMA_ARRAYS.includes(key) && Array.isArray(value)) out[key] = value.map(toDraft07)
    else if (SCHEMA_VALUES.includes(key)) out[key] = toDraft07(value)
    else out[key] = value
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound]
        delete out[bound]
      } else delete out[flag]
    }
  }
  return out
}

/** Ajv 4 "fast" formats (the wpt runner's), per the suite README. */
const FAST_URI = /^(?:[a-z][a-z0-9+\-.]*)?(?::|\/)\/?[^\s]*$/i
const FAST_DATE_TIME = /^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i

/** The wpt runner (Ajv <= 6) followed a definition's $ref and ignored the keywords beside it. */
const WPT_REF_QUIRKS: Record<string, Record<string, string>> = {
  'specificResource.json': { specificeResourceDetected: 'sourceDetected', selectorDetected: 'selectorDefined', stateDetected: 'stateDefined' },
}

type Action = 'continue' | 'skip' | 'abort'

interface AssertionMeta {
  file: string
  title: string
  errorMessage: string
  assertionType: 'must' | 'should' | 'may'
  expectedResult: 'valid' | 'invalid'
  onUnexpectedResult: string
}
type Node = { kind: 'assertion'; meta: AssertionMeta; validate: ValidateFunction } | { kind: 'list'; compareWith: 'and' | 'or'; items: Node[]; title: string }

interface AssertionResult {
  file: string
  title: string
  errorMessage: string
  assertionType: string
  status: 'pass' | 'fail' | 'skipped'
  errors?: string
}

class AnnotationSuite {
  readonly ajv: Ajv
  #compiled = new Map<string, ValidateFunction>()

  constructor(
    readonly dir: string,
    options: { wptRefQuirks?: boolean } = {},
  ) {
    this.ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false })
    this.ajv.addFormat('uri', FAST_URI)
    this.ajv.addFormat('date-time', FAST_DATE_TIME)
    for (const name of readdirSync(join(dir, 'definitions')).filter((f) => f.endsWith('.json'))) {
      const schema = toDraft07(readJson(join(dir, 'definitions', name))) as JsonObject
      if (options.wptRefQuirks && WPT_REF_QUIRKS[name]) {
        const defs = schema.definitions as JsonObject
        for (const [def, target] of Object.entries(WPT_REF_QUIRKS[name]!)) defs[def] = { $ref: `#/definitions/${target}` }
      }
      this.ajv.addSchema(schema as AnySchema)
    }
  }

  /** Loads a `.test` file (path relative to the suite) into a tree of assertions. */
  loadTest(testPath: string): Node {
    const test = readJson(join(this.dir, testPath)) as JsonObject
    return this.loadTestObject(test, dirname(testPath), String(test.name ?? testPath))
  }

  /** A test given as an object (its `assertions` resolved relative to `baseDir` in the suite). */
  loadTestObject(test: JsonObject, baseDir: string, title = 'test'): Node {
    return { kind: 'list', compareWith: 'and', title, items: (test.assertions as Json[]).map((entry) => this.#node(entry, baseDir)) }
  }

  #node(entry: Json, baseDir: string): Node {
    if (typeof entry === 'string') return this.#assertion(this.#resolve(entry, baseDir), {})
    if (Array.isArray(entry)) return { kind: 'list', compareWith: 'and', title: 'sub-list', items: entry.map((e) => this.#node(e, baseDir)) }
    if (entry && typeof entry === 'object') {
      if (typeof entry.assertionFile === 'string') {
        const { assertionFile, ...overrides } = entry
        return this.#assertion(this.#resolve(assertionFile, baseDir), overrides)
      }
      if (Array.isArray(entry.assertions)) {
        const compareWith = entry.compareWith === 'or' ? 'or' : 'and'
        return { kind: 'list', compareWith, title: String(entry.title ?? `condition (${compareWith})`), items: entry.assertions.map((e) => this.#node(e, baseDir)) }
      }
      return this.#compile(entry, 'inline assertion')
    }
    throw new Error(`Unrecognised assertion entry: ${JSON.stringify(entry)}`)
  }

  #resolve(path: string, baseDir: string): string {
    return path.includes('/') ? path : join(baseDir, path)
  }

  #assertion(file: string, overrides: JsonObject): Node {
    return this.#compile({ ...(readJson(join(this.dir, file)) as JsonObject), ...overrides }, file)
  }

  #compile(raw: JsonObject, file: string): Node {
    const meta: AssertionMeta = {
      file,
      title: String(raw.title ?? file),
      errorMessage: String(raw.errorMessage ?? ''),
      assertionType: (raw.assertionType as AssertionMeta['assertionType']) ?? 'must',
      expectedResult: (raw.expectedResult as AssertionMeta['expectedResult']) ?? 'valid',
      onUnexpectedResult: String(raw.onUnexpectedResult ?? 'failAndContinue'),
    }
    const schema = toDraft07(raw) as JsonObject
    // Ids of assertion files are only labels; dropping them keeps recompiles (overrides) apart.
    delete schema.$id
    const key = JSON.stringify(schema)
    let validate = this.#compiled.get(key)
    if (!validate) {
      validate = this.ajv.compile(schema)
      this.#compiled.set(key, validate)
    }
    return { kind: 'assertion', meta, validate }
  }

  /** Runs a test tree on one object; returns one result per assertion (flattened). */
  run(node: Node, object: unknown): AssertionResult[] {
    const results: AssertionResult[] = []
    this.#runList(node, object, results, { aborted: false })
    return results
  }

  #runList(node: Node, object: unknown, results: AssertionResult[], state: { aborted: boolean }): boolean {
    if (node.kind === 'assertion') return this.#runAssertion(node, object, results).passed
    const outcomes: boolean[] = []
    let skipRest = false
    for (const item of node.items) {
      if (skipRest || state.aborted) {
        this.#skip(item, results)
        continue
      }
      if (item.kind === 'assertion') {
        const { passed, action } = this.#runAssertion(item, object, results)
        outcomes.push(passed)
        if (action === 'skip') skipRest = true
        if (action === 'abort') state.aborted = true
      } else {
        outcomes.push(this.#runList(item, object, results, state))
      }
    }
    return node.compareWith === 'or' ? outcomes.some(Boolean) : outcomes.every(Boolean)
  }

  #runAssertion(node: Extract<Node, { kind: 'assertion' }>, object: unknown, results: AssertionResult[]): { passed: boolean; action: Action } {
    const valid = node.validate(object) as boolean
    const expected = (node.meta.expectedResult === 'valid') === valid
    let passed = expected
    let action: Action = 'continue'
    if (!expected) {
      const m = /^(pass|fail)And(Continue|Skip|Abort)$/.exec(node.meta.onUnexpectedResult)
      passed = m?.[1] === 'pass'
      action = (m?.[2]?.toLowerCase() as Action | undefined) ?? 'continue'
    }
    results.push({
      file: node.meta.file,
      title: node.meta.title,
      errorMessage: node.meta.errorMessage,
      assertionType: node.meta.assertionType,
      status: passed ? 'pass' : 'fail',
      ...(passed ? {} : { errors: this.ajv.errorsText(node.validate.errors) }),
    })
    return { passed, action }
  }

  #skip(node: Node, results: AssertionResult[]): void {
    if (node.kind === 'list') for (const item of node.items) this.#skip(item, results)
    else results.push({ file: node.meta.file, title: node.meta.title, errorMessage: node.meta.errorMessage, assertionType: node.meta.assertionType, status: 'skipped' })
  }
}

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json
}

/** MUST failures, as readable lines (title and error message). */
const mustFailures = (results: AssertionResult[]) =>
  results.filter((r) => r.assertionType === 'must' && r.status === 'fail').map((r) => `${r.file}: ${r.title} — ${r.errorMessage} (${r.errors})`)

// ---------------------------------------------------------------------------------------

const GEN = '2026-11-21T13:57:00.000Z'
const exports = {
  notebook: () => toW3cCollection(w3cItemsFromNotebook(NOTEBOOK), { label: 'All passages', generatedAt: GEN, textOf }),
  // Event dates (issue 15) as `describing` bodies: a range, and an approximate day.
  'dated notebook': () =>
    toW3cCollection(
      w3cItemsFromNotebook(NOTEBOOK).map((item, i) => ({ ...item, event: i % 2 === 0 ? { start: '2025-01-21', end: '2025-01-22', precision: 'day' } : { start: '2024-12-13', end: '2024-12-13', precision: 'approximate' } })),
      { label: 'Dated passages', generatedAt: GEN, textOf },
    ),
  briefing: () => {
    const layout = buildBriefing({ title: 'Weekly' }, NOTEBOOK, { generatedAt: GEN })
    return toW3cCollection(w3cItemsFromLayout(layout), { label: layout.title, generatedAt: GEN, textOf }, 'briefing')
  },
  /** Graded passages: the grade and attribution bodies (issue 14) must pass as well. */
  graded: () => {
    const layout = buildBriefing({ title: 'Graded' }, gradedNotebook(), { generatedAt: GEN })
    const collection = toW3cCollection(w3cItemsFromLayout(layout), { label: layout.title, generatedAt: GEN, textOf }, 'briefing')
    const purposes = collection.first.items.flatMap((a) => a.body ?? []).map((b) => b.purpose)
    if (!purposes.includes('assessing') || !purposes.includes('describing')) throw new Error('the graded export lost its sourcing bodies')
    return collection
  },
  /** Passages of a claim: the claim bodies must pass as well. */
  claimed: () => {
    const collection = toW3cCollection(w3cItemsFromNotebook(claimedNotebook()), { label: 'Claimed', generatedAt: GEN, textOf })
    if (!collection.first.items.some((a) => (a.body ?? []).some((b) => b.value.startsWith('Claim: ')))) throw new Error('the claimed export lost its claim bodies')
    return collection
  },
}

describe.skipIf(!HAVE_SUITE)(`W3C Web Annotation MUST tests${HAVE_SUITE ? '' : ` (skipped: suite not found at ${SUITE})`}`, () => {
  it('uses no draft-04 construct beyond those the loader rewrites', () => {
    const files: string[] = []
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name))
        else if (e.name.endsWith('.json')) files.push(join(d, e.name))
      }
    }
    walk(SUITE)
    expect(files.length).toBe(237)
    const seen = new Set<string>()
    const visit = (value: Json) => {
      if (Array.isArray(value)) value.forEach(visit)
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (['exclusiveMinimum', 'exclusiveMaximum'].includes(k)) seen.add(`${k}:${typeof v}`)
          if (['$schema'].includes(k) && v !== 'http://json-schema.org/draft-04/schema#') seen.add(`$schema:${String(v)}`)
          visit(v)
        }
      }
    }
    for (const f of files) visit(readJson(f))
    // Only boolean exclusive bounds (rewritten); every $schema is draft-04.
    expect([...seen]).toEqual(['exclusiveMinimum:boolean'])
  })

  for (const wptRefQuirks of [false, true]) {
    describe(wptRefQuirks ? 'as the wpt runner read the schemas' : 'with the modern (stricter) reading of the schemas', () => {
      const suite = HAVE_SUITE ? new AnnotationSuite(SUITE, { wptRefQuirks }) : null
      const annotationMusts = suite?.loadTest('annotations/annotationMusts.test')
      const collectionMusts = suite?.loadTest('collections/collectionMusts.test')
      const pageMusts = suite?.loadTest('collections/pages/pageMusts.test')

      for (const [name, make] of Object.entries(exports)) {
        it(`${name} export: every Annotation passes annotationMusts.test (54 MUST assertions)`, () => {
          const collection = make()
          expect(collection.first.items.length).toBeGreaterThan(0)
          for (const annotation of collection.first.items) {
            // Inherits the collection's @context, as JSON-LD does (README, step 1).
            const results = suite!.run(annotationMusts!, { '@context': collection['@context'], ...annotation })
            expect(results).toHaveLength(54)
            expect(mustFailures(results), annotation.id).toEqual([])
          }
        })

        it(`${name} export: the collection passes collectionMusts.test and, with its embedded page, pageMusts.test`, () => {
          const collection = JSON.parse(JSON.stringify(make())) as ReturnType<typeof make>
          const c = suite!.run(collectionMusts!, collection)
          expect(c).toHaveLength(10)
          expect(mustFailures(c)).toEqual([])
          const p = suite!.run(pageMusts!, collection)
          expect(p).toHaveLength(15)
          expect(mustFailures(p)).toEqual([])
          // The page on its own, with the inherited @context.
          const page = { '@context': collection['@context'], ...collection.first }
          expect(mustFailures(suite!.run(pageMusts!, page))).toEqual([])
        })
      }
    })
  }

  describe('the loader can fail', () => {
    const suite = HAVE_SUITE ? new AnnotationSuite(SUITE) : null
    const annotationMusts = suite?.loadTest('annotations/annotationMusts.test')
    const good = () => ({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...exports.notebook().first.items[0]! })
    const failedFiles = (object: unknown, node = annotationMusts!) =>
      suite!
        .run(node, object)
        .filter((r) => r.status === 'fail')
        .map((r) => r.file)

    it('flags a missing target, a bad context, a local id, a time without zone and a quote selector without exact', () => {
      const { target: _target, ...noTarget } = good()
      expect(failedFiles(noTarget)).toContain('annotations/3.1-targetKeyFound.json')
      expect(failedFiles({ ...good(), '@context': 'http://example.org/ctx' })).toEqual(['annotations/3.1-annotationContextValidated.json'])
      expect(failedFiles({ ...good(), id: 'h-123' })).toEqual(['annotations/3.1-annotationIdValidated.json'])
      expect(failedFiles({ ...good(), created: '2025-03-01T10:00:00' })).toEqual(['annotations/3.3.1-annotationCreatedValidated.json'])
      const g = good()
      const badSelector = { ...g, target: { ...g.target, selector: [{ type: 'TextQuoteSelector', prefix: 'x' }, g.target.selector[1]] } }
      expect(failedFiles(badSelector)).toContain('annotations/specificResource/4.2.4-textQuoteSelectorValid.json')
      expect(failedFiles({ ...good(), body: 'not a uri', bodyValue: 'x' })).toContain('annotations/3.2.5-notBodyBodyValue.json')
    })

    it('flags a collection with annotations but no first page', () => {
      const { first: _first, ...noFirst } = exports.notebook()
      expect(failedFiles(noFirst, suite!.loadTest('collections/collectionMusts.test'))).toEqual(['collections/5.1-collectionFirstValidated.json'])
    })

    it('follows assertionFile overrides, nested lists, and/or conditions and the onUnexpectedResult rules', () => {
      const test = {
        assertions: [
          // Override: expect the (valid) object to be invalid -> an unexpected result that fails and skips the rest.
          { assertionFile: '3.1-annotationTypeValidated.json', expectedResult: 'invalid', onUnexpectedResult: 'failAndSkip' },
          'annotations/3.1-targetKeyFound.json',
        ],
      }
      const results = suite!.run(suite!.loadTestObject(test, 'annotations'), good())
      expect(results.map((r) => [r.file, r.status])).toEqual([
        ['annotations/3.1-annotationTypeValidated.json', 'fail'],
        ['annotations/3.1-targetKeyFound.json', 'skipped'],
      ])

      const nested = {
        assertions: [
          [{ assertionFile: 'annotations/3.1-bodyKeyFound.json', expectedResult: 'invalid', onUnexpectedResult: 'passAndContinue' }, '3.1-targetKeyFound.json'],
          { compareWith: 'or', assertions: [{ type: 'object', required: ['nope'] }, { type: 'object', required: ['id'] }] },
          { compareWith: 'and', assertions: [{ type: 'object', required: ['nope'], onUnexpectedResult: 'failAndAbort' }, '3.1-annotationIdValidated.json'] },
          '3.1-annotationTypeValidated.json',
        ],
      }
      const r = suite!.run(suite!.loadTestObject(nested, 'annotations'), good())
      expect(r.map((x) => x.status)).toEqual(['pass', 'pass', 'fail', 'pass', 'fail', 'skipped', 'skipped'])
      // The or-condition holds (one branch passes); the and-condition does not.
      const root = suite!.loadTestObject(nested, 'annotations')
      expect(root.kind === 'list' && root.items[1]!.kind === 'list' && root.items[1]!.compareWith).toBe('or')
    })
  })
})
