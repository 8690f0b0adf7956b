import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { testArticle } from '../../core/testing/test-article'
import type { Catalog } from '../../core/model'
import { DurableJSONFile, UnreadableFileError } from './durable-json-file'
import { validateCatalog, validateEntities } from './file-formats'

const folder = () => mkdtempSync(join(tmpdir(), 'dossier-json-file-'))
const catalog = (n: number): Catalog => ({ articles: Array.from({ length: n }, (_, i) => testArticle(`a-${String(i).padStart(10, '0')}`, { title: `Article ${i}` })) })

describe('DurableJSONFile', () => {
  it('refuses to write what does not match the format, leaving the file as it was', async () => {
    const dir = folder()
    const file = new DurableJSONFile<Catalog>(join(dir, 'catalog.json'), validateCatalog)
    await file.write(catalog(1))
    const before = readFileSync(join(dir, 'catalog.json'), 'utf8')
    const broken = catalog(1)
    broken.articles[0]!.title = '' // an article must have a title
    await expect(file.write(broken)).rejects.toThrow(/refusing to write .*catalog\.json.*title/)
    expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe(before)
  })

  it('with a stamp, reads back the text it wrote without validating it again', async () => {
    const dir = folder()
    const validate = vi.fn(validateCatalog)
    const file = new DurableJSONFile<Catalog>(join(dir, 'catalog.json'), validate, undefined, 0, join(dir, 'catalog.stamp.json'))
    await file.write(catalog(3))
    validate.mockClear()
    expect((await file.read())?.articles).toHaveLength(3)
    expect(validate).not.toHaveBeenCalled()
  })

  it('with a stamp, validates in full a file changed since (even to the same size), and finds the damage', async () => {
    const dir = folder()
    const file = new DurableJSONFile<Catalog>(join(dir, 'catalog.json'), validateCatalog, undefined, 0, join(dir, 'catalog.stamp.json'))
    await file.write(catalog(2))
    const text = readFileSync(join(dir, 'catalog.json'), 'utf8')
    // Same length, different bytes: a published date that is no calendar day.
    writeFileSync(join(dir, 'catalog.json'), text.replace('"published":null', '"published":5555'))
    const error = await file.read().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnreadableFileError)
    expect((error as UnreadableFileError).reason).toMatch(/does not match the notebook format/)
  })

  it('without a stamp file (or with a damaged one), validates in full', async () => {
    const dir = folder()
    const validate = vi.fn(validateCatalog)
    const file = new DurableJSONFile<Catalog>(join(dir, 'catalog.json'), validate, undefined, 0, join(dir, 'catalog.stamp.json'))
    await file.write(catalog(2))
    writeFileSync(join(dir, 'catalog.stamp.json'), '{"size": 1')
    validate.mockClear()
    expect((await file.read())?.articles).toHaveLength(2)
    expect(validate).toHaveBeenCalledTimes(1)
  })

  it('checks a file whose check has two steps (entities.json) in those steps, with a turn between, to the same verdict', async () => {
    const dir = folder()
    const entity = (id: string, name: string, alias: string) => ({ id, name, type: 'place', aliases: [{ text: alias }] })
    const good = { version: 1, entities: [entity('e-1', 'Tartus', 'Tartous'), entity('e-2', 'Khmeimim', 'Hmeimim')], rejected: [] }
    // The schema passes it; the rule it cannot state (one entity per spelling) does not.
    const taken = { ...good, entities: [entity('e-1', 'Tartus', 'Tartous'), entity('e-2', 'Khmeimim', 'Tartous')] }
    const shapeless = { version: 1, entities: 'none' }
    for (const [value, ok] of [[good, true], [taken, false], [shapeless, false]] as const) {
      const turns = vi.fn(() => Promise.resolve())
      const whole = validateEntities(value)
      expect(whole.ok).toBe(ok)
      expect(await validateEntities.inSteps!(value, turns)).toEqual(whole)
      expect(turns).toHaveBeenCalledTimes(1)
    }
    expect(validateCatalog.inSteps).toBeUndefined()
    // Reading uses the steps where a check has them.
    writeFileSync(join(dir, 'entities.json'), JSON.stringify(taken))
    const inSteps = vi.fn(validateEntities.inSteps!)
    const validate = Object.assign((value: unknown) => validateEntities(value), { inSteps })
    await expect(new DurableJSONFile(join(dir, 'entities.json'), validate).read()).rejects.toThrow(/Tartous/)
    expect(inSteps).toHaveBeenCalledTimes(1)
  })
})
