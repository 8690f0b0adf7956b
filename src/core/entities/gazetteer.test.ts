/**
 * The starter gazetteer (resources/gazetteer/syria-russia.json) validates, and with it the
 * matcher finds the Tartus port and the Khmeimim base in every article of the shared corpus
 * that mentions them, under each spelling used there. The corpus is read from
 * ../shared/corpus, never copied into the project.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normaliseText } from '../text'
import { importPack, loadGazetteer } from './gazetteer'
import { buildMatcher } from './matcher'
import { emptyEntitiesFile, type EntitiesFile } from './schema'

const projectRoot = join(import.meta.dirname, '..', '..', '..')
const packPath = join(projectRoot, 'resources', 'gazetteer', 'syria-russia.json')
const corpus = join(projectRoot, '..', 'shared', 'corpus')
const FILES = ['000_55669976acc74c60.txt', '001_daa64de3b2e005fd.txt', '002_046419e80c949d65.txt', '003_993df21826298aa0.txt', '004_9b752680666e40a6.txt']

function loadPack(): EntitiesFile {
  const pack = loadGazetteer(readFileSync(packPath, 'utf8'))
  if (!pack.ok) throw new Error(pack.error.message)
  return pack.value
}

describe('starter gazetteer', () => {
  it('is a valid entities file of 40-80 entities, with Arabic and Cyrillic forms of the main places', () => {
    const pack = loadPack()
    expect(pack.entities.length).toBeGreaterThanOrEqual(40)
    expect(pack.entities.length).toBeLessThanOrEqual(80)
    const byId = new Map(pack.entities.map((e) => [e.id as string, e]))
    for (const id of ['e-tartus', 'e-khmeimim', 'e-latakia']) {
      const scripts = new Set(byId.get(id)!.aliases.map((a) => a.script))
      expect([...scripts].sort(), id).toEqual(['Arab', 'Cyrl', 'Latn'])
      expect(byId.get(id)!.coordinates, id).toBeDefined()
    }
    expect(byId.get('e-hts')!.aliases.map((a) => a.text)).toContain('هيئة تحرير الشام')
  })

  it('every place with coordinates lies in Syria, Libya or Kaliningrad region', () => {
    const inBox = (lat: number, lon: number, box: number[]) => lat >= box[0]! && lat <= box[1]! && lon >= box[2]! && lon <= box[3]!
    for (const e of loadPack().entities) {
      if (e.coordinates === undefined) continue
      const { lat, lon } = e.coordinates
      expect(inBox(lat, lon, [32.3, 37.4, 35.6, 42.4]) || inBox(lat, lon, [19, 34, 9, 25]) || inBox(lat, lon, [54.3, 55.3, 19.6, 22.9]), e.name).toBe(true)
    }
  })

  it('imports into a notebook once: a second import adds nothing', () => {
    const pack = loadPack()
    const first = importPack(emptyEntitiesFile(), pack)
    expect(first.ok && first.value.added.length).toBe(pack.entities.length)
    const second = first.ok ? importPack(first.value.file, pack) : first
    expect(second.ok && second.value.added).toEqual([])
    expect(second.ok && second.value.skipped.length).toBe(pack.entities.length)
  })

  it('counts the spellings of an imported pack that the notebook already has, and leaves them out', () => {
    const notebook = { ...emptyEntitiesFile(), entities: [{ id: 'e-mine', name: 'Port of Tartus', type: 'place', aliases: [{ text: 'Tartous' }] }] } as EntitiesFile
    const pack = loadGazetteer(
      JSON.stringify({ ...emptyEntitiesFile(), entities: [{ id: 'e-tartus', name: 'Tartus', type: 'place', aliases: [{ text: 'TARTOUS' }, { text: 'port of tartus' }, { text: 'طرطوس' }] }] }),
    )
    const done = pack.ok ? importPack(notebook, pack.value) : pack
    expect(done.ok && done.value.added.map((e) => [e.name, e.aliases.map((a) => a.text)])).toEqual([['Tartus', ['طرطوس']]])
    expect(done.ok && done.value.spellingsLeftOut).toBe(2)
  })

  it('names the file it was given in the error for a malformed pack', () => {
    expect(loadGazetteer('{"entities": [', 'gazetteer file “pack.json”')).toMatchObject({ ok: false, error: { code: 'broken-file', message: expect.stringMatching(/^The gazetteer file “pack\.json” is not JSON: /) } })
    expect(loadGazetteer('{"version": 1, "entities": [{"name": ""}]}', 'gazetteer file “pack.json”')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^The gazetteer file “pack\.json” is malformed: /) } })
  })
})

describe.skipIf(!existsSync(corpus))('starter gazetteer on the shared corpus (skipped: ../shared/corpus is absent in this checkout)', () => {
  const texts = FILES.map((f) => normaliseText(readFileSync(join(corpus, f), 'utf8')))
  const matcher = buildMatcher(loadPack().entities)
  const found = texts.map((t) => matcher.findMentions(t))
  const spellings = (i: number, id: string) => new Set(found[i]!.filter((m) => m.entityId === id).map((m) => texts[i]!.slice(m.start, m.end)))

  it('finds the Tartus port in all five articles, as Tartus or Tartous', () => {
    expect(FILES.map((_, i) => [...spellings(i, 'e-tartus')].sort())).toEqual([['Tartus'], ['Tartus'], ['Tartous'], ['Tartus'], ['Tartus']])
  })

  it('finds the Khmeimim base in all five articles, as Khmeimim or Hmeimim', () => {
    expect(FILES.map((_, i) => [...spellings(i, 'e-khmeimim')].sort())).toEqual([
      ['Khmeimim Air Base'],
      ['Khmeimim', 'Khmeimim Air Base'],
      ['Hmeimim', 'Hmeimim airbase'],
      ['Khmeimim', 'Khmeimim airbase'],
      ['Hmeimim', 'Khmeimim', 'Khmeimim Air Base', 'Khmeimim airbase'],
    ])
  })

  it('a search for Hmeimim or طرطوس expands to the spellings the articles use', () => {
    expect(matcher.expandQuery('Hmeimim')?.spellings).toEqual(expect.arrayContaining(['Khmeimim', 'Khmeimim Air Base']))
    expect(matcher.expandQuery('طرطوس')?.spellings).toEqual(expect.arrayContaining(['Tartus', 'Tartous']))
  })

  it('finds the people, ships and groups named, in their spellings', () => {
    const all = (id: string) => [...new Set(FILES.flatMap((_, i) => [...spellings(i, id)]))].sort()
    expect(all('e-ahmed-al-sharaa')).toEqual(['Abu Mohammed al-Jolani', 'Ahmad al-Sharaa', 'Ahmed al-Shara', 'Ahmed al-Sharaa'])
    expect(all('e-hts')).toEqual(['HTS', 'Hayat Tahrir al-Sham'])
    expect(all('e-sparta-ii')).toEqual(['Sparta II'])
    expect(all('e-murhaf-abu-qasra')).toEqual(['Abu Kasra', 'Murhaf Abu Kasra'])
    expect(all('e-al-khadim')).toEqual(['Al Khadim airbase'])
  })
})
