/**
 * How commands end: exit codes (0 done, 1 failed, 2 usage, 3 partly done), the one --json
 * failure shape (the report's fields plus ok/error), export refusing to clobber a file,
 * and --quote found despite typing differences.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleView, ImportReport } from '../core/api'
import type { Highlight } from '../core/model'
import { runCliIn } from './test-cli'

const TARTUS = `Russian convoy leaves the Tartus naval base

Analyst Kerim Sohtaoğlu said the “orderly withdrawal” of Russia’s forces had begun —
trucks left the naval base at dawn.

By noon the Naval Base was quiet.
`
const KHMEIMIM = 'Ships gather off Khmeimim\n\nThe Sparta II cargo ship waited offshore.\n'
const PORTS = 'Ports reopen along the coast\n\nLatakia port reopened to cargo traffic.\n'

let tmp: string
let tartusId: string
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'dossier-cli-outcomes-'))
  await writeFile(join(tmp, 'tartus.txt'), TARTUS)
  await writeFile(join(tmp, 'khmeimim.txt'), KHMEIMIM)
  await writeFile(join(tmp, 'ports.txt'), PORTS)
  await writeFile(join(tmp, 'empty.txt'), '')
  const first = await dossier('import', 'tartus.txt', '--json')
  expect(first.code).toBe(0)
  tartusId = (JSON.parse(first.out) as ImportReport).items[0]!.articleId!
})

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('exit codes and the --json failure shape of import', () => {
  it('a fully done import exits 0 and prints the report alone (no ok/error)', async () => {
    const r = await dossier('import', 'tartus.txt', '--json')
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    expect(JSON.parse(r.out)).toEqual({ items: [expect.objectContaining({ status: 'duplicate' })], imported: 0, duplicates: 1, failed: 0 })
  })

  it('a partial import (some imported, some failed) exits 3 and says so on stderr', async () => {
    const r = await dossier('import', 'khmeimim.txt', 'missing.txt')
    expect(r.code).toBe(3)
    expect(r.out).toContain('Imported 1, duplicates 0, failed 1.')
    expect(r.err).toBe('dossier: Partly imported: 1 of 2 items failed (1 imported, 0 already in the notebook).\n')
  })

  it('with --json a partial import prints one document: the report plus ok: false and error', async () => {
    const r = await dossier('import', 'ports.txt', 'tartus.txt', 'empty.txt', '--json')
    expect(r.code).toBe(3)
    const doc = JSON.parse(r.out) as ImportReport & { ok: boolean; error: { code: string; message: string } }
    expect(doc).toMatchObject({ imported: 1, duplicates: 1, failed: 1, ok: false, error: { code: 'partial-import', message: expect.stringMatching(/^Partly imported: 1 of 3 items failed/) } })
    expect(doc.items.map((i) => i.status)).toEqual(['imported', 'duplicate', 'failed'])
  })

  it('an import where everything failed exits 1; its document carries the failed item\'s own code, or import-failed for several', async () => {
    const one = await dossier('import', 'missing.txt', '--json')
    expect(one.code).toBe(1)
    expect(JSON.parse(one.out)).toEqual({
      items: [{ source: join(tmp, 'missing.txt'), status: 'failed', error: { code: 'not-found', message: `No such file or folder: ${join(tmp, 'missing.txt')}` } }],
      imported: 0,
      duplicates: 0,
      failed: 1,
      ok: false,
      error: { code: 'not-found', message: `No such file or folder: ${join(tmp, 'missing.txt')}` },
    })
    const several = await dossier('import', 'missing.txt', 'empty.txt', '--json')
    expect(several.code).toBe(1)
    expect(several.err).toBe('dossier: Nothing was imported: 2 items failed.\n')
    expect(JSON.parse(several.out)).toMatchObject({ failed: 2, ok: false, error: { code: 'import-failed', message: 'Nothing was imported: 2 items failed.' } })
  })

  it('the help documents the exit codes', async () => {
    const help = await runCliIn(tmp, ['--help'])
    expect(help.out).toMatch(/Exit codes: 0 everything done; 1 the command failed \(reason on stderr\); 2 bad usage;\n3 partly done/)
    expect((await runCliIn(tmp, ['import', '--help'])).out).toMatch(/3 when some paths failed\nwhile the others were imported/)
  })
})

describe('exit codes of the other batches', () => {
  it('import-annotations: exit 3 when some annotations are placed or present and others cannot be', async () => {
    await dossier('highlight', tartusId, '--quote', 'orderly withdrawal', '--tag', 'Convoys')
    expect((await dossier('export', '--format', 'w3c', '--out', 'notes.jsonld')).code).toBe(0)
    const collection = JSON.parse(await readFile(join(tmp, 'notes.jsonld'), 'utf8')) as { total: number; first: { items: { id: string; target: { selector: { exact?: string }[] } }[] } }
    const stray = structuredClone(collection.first.items[0]!)
    stray.id = 'urn:example:stray'
    stray.target.selector[0]!.exact = 'a sentence this article never had'
    collection.first.items.push(stray)
    collection.total = 2
    await writeFile(join(tmp, 'notes.jsonld'), JSON.stringify(collection))
    const r = await dossier('import-annotations', 'notes.jsonld', '--json')
    expect(r.code).toBe(3)
    expect(JSON.parse(r.out)).toMatchObject({ created: 0, skipped: 1, problems: [expect.anything()], ok: false, error: { code: 'partial-import' } })
    expect(r.err).toMatch(/^dossier: Partly imported: 1 annotation of 2 could not be placed \(0 imported, 1 already in the notebook\)\.\n$/)
  })

  it('check: exit 1 with the report plus ok/error while problems remain', async () => {
    await writeFile(join(tmp, 'nb', '.catalog.json.99999.abcd1234.tmp'), '{}')
    const r = await dossier('check', '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out)).toMatchObject({ checkedFiles: expect.any(Number), problems: [expect.objectContaining({ repairable: true })], ok: false, error: { code: 'problems-found' } })
    expect((await dossier('check', '--repair')).code).toBe(0)
  })
})

describe('export never overwrites without --force', () => {
  it('refuses an existing --out (exit 1, file-exists, file untouched) and replaces it with --force', async () => {
    await writeFile(join(tmp, 'brief.md'), 'my own notes\n')
    const refused = await dossier('export', '--format', 'md', '--out', 'brief.md', '--json')
    expect(refused.code).toBe(1)
    expect(refused.err).toBe(`dossier: ${join(tmp, 'brief.md')} already exists; nothing was written. Give --force to replace it, or choose another --out.\n`)
    expect(JSON.parse(refused.out)).toMatchObject({ ok: false, error: { code: 'file-exists' } })
    expect(await readFile(join(tmp, 'brief.md'), 'utf8')).toBe('my own notes\n')
    // The format's extension is added to a bare name: the file it would replace is brief.md.
    expect((await dossier('export', '--format', 'md', '--out', 'brief')).code).toBe(1)
    expect(await readFile(join(tmp, 'brief.md'), 'utf8')).toBe('my own notes\n')

    const forced = await dossier('export', '--format', 'md', '--out', 'brief.md', '--force')
    expect(forced.code).toBe(0)
    expect(await readFile(join(tmp, 'brief.md'), 'utf8')).toContain('orderly withdrawal')
  })
})

describe('highlight --quote matches what the user typed, and highlights the stored text', () => {
  it('ignores straight vs curly quotes, case, dashes and a line break typed as a space', async () => {
    const r = await dossier('highlight', tartusId, '--quote', `kerim sohtaoglu said the "orderly withdrawal" of russia's forces had begun - trucks left`, '--tag', 'Convoys', '--json')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const h = JSON.parse(r.out) as Highlight
    const text = (JSON.parse((await dossier('show', tartusId, '--json')).out) as ArticleView).text
    const exact = 'Kerim Sohtaoğlu said the “orderly withdrawal” of Russia’s forces had begun —\ntrucks left'
    expect(h.target).toMatchObject({ start: text.indexOf(exact), end: text.indexOf(exact) + exact.length, exact })
  })

  it('a loose quote found in several places is ambiguous, naming how many and how to choose; an exact one wins', async () => {
    const r = await dossier('highlight', tartusId, '--quote', 'THE NAVAL BASE', '--tag', 'Bases')
    expect(r.code).toBe(1)
    expect(r.err).toBe('dossier: The quote occurs 2 times in "Russian convoy leaves the Tartus naval base"; choose one with --occurrence 1..2.\n')
    const second = await dossier('highlight', tartusId, '--quote', 'THE NAVAL BASE', '--occurrence', '2', '--tag', 'Bases', '--json')
    expect((JSON.parse(second.out) as Highlight).target.exact).toBe('the Naval Base')
    // Typed exactly, the quote occurs once: that occurrence, as before loose matching.
    const exact = await dossier('highlight', tartusId, '--quote', 'the naval base', '--tag', 'Bases', '--json')
    expect(exact.code).toBe(0)
    const text = (JSON.parse((await dossier('show', tartusId, '--json')).out) as ArticleView).text
    expect((JSON.parse(exact.out) as Highlight).target.start).toBe(text.indexOf('the naval base'))
  })
})
