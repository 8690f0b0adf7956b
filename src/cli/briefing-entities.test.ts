/**
 * `dossier briefing create|edit --entity`, `--entity-index`, `briefing section add|remove`
 * and `briefing note` on an entity's section (decision 49): what --json prints, what the
 * briefing file holds, what an export holds, and one-line refusals with the notebook unchanged.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BriefingDocument } from '../core/briefing-document'
import { KHMEIMIM, TARTUS } from '../core/testing/entity-briefing-fixture'
import { openEntityTestNotebook } from '../main/briefings/test-entity-notebook'
import { tempDir } from '../main/briefings/test-notebook'
import { expectRefusal, runCliIn } from './test-cli'

let tmp: string
let nb: string
let tartus: string
let khmeimim: string
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])
const json = async <T>(...args: string[]): Promise<T> => {
  const r = await dossier(...args, '--json')
  expect(r.code, r.err).toBe(0)
  return JSON.parse(r.out) as T
}
const stored = async (id: string) => JSON.parse(await readFile(join(nb, 'briefings', `${id}.json`), 'utf8')) as BriefingDocument

beforeAll(async () => {
  tmp = await tempDir('dossier-cli-briefing-entities-')
  nb = join(tmp, 'nb')
  const { session, entities } = await openEntityTestNotebook(nb)
  tartus = entities.get(TARTUS)!
  khmeimim = entities.get(KHMEIMIM)!
  await session.close()
  expect((await dossier('backup')).code).toBe(0)
}, 60_000)
afterAll(() => rm(tmp, { recursive: true, force: true }))

describe('dossier briefing with entity sections', () => {
  let id: string

  it('create --entity (by an alias) adds a section of every passage mentioning it, after the tags; --entity-index asks for the index', async () => {
    const doc = await json<BriefingDocument>('briefing', 'create', '--title', 'The port', '--section', 'Convoys', '--entity', 'Tartous', '--entity-index', '--no-untagged')
    id = doc.id
    expect(doc.selection).toMatchObject({ tagIds: [expect.stringMatching(/^t-/)], entityIds: [tartus] })
    expect(doc.sections.map((s) => s.entityId ?? s.tagId)).toEqual([doc.selection.tagIds[0], tartus])
    expect(doc.entityIndex).toBe(true)
    expect(await stored(id)).toEqual(doc)
    const shown = await dossier('briefing', 'show', id)
    expect(shown.out).toContain('2. Tartus (entity: passages that mention it)  2 passages')
    expect(shown.out).toContain('index:     ends with an index of entities')
  })

  it('section add|remove --entity changes the sections; note sets an entity section’s note', async () => {
    const added = await json<BriefingDocument>('briefing', 'section', 'add', id, '--entity', 'حميميم')
    expect(added.sections.map((s) => s.entityId ?? s.tagId).slice(1)).toEqual([tartus, khmeimim])
    const noted = await json<BriefingDocument>('briefing', 'note', id, 'Tartus', 'The port, in every script.')
    expect(noted.sections.find((s) => s.entityId === tartus)!.note).toBe('The port, in every script.')
    const removed = await json<BriefingDocument>('briefing', 'section', 'remove', id, '--entity', 'Khmeimim')
    expect(removed.selection.entityIds).toEqual([tartus])
    const again = await dossier('briefing', 'section', 'remove', id, '--entity', 'Khmeimim')
    expect(again.out).toContain('already is as asked; nothing changed')
  })

  it('export prints the entity section and ends the Markdown with the index; --no-entity-index takes it out', async () => {
    const out = join(tmp, 'port.md')
    expect((await dossier('export', '--format', 'md', '--out', out, '--briefing', id)).code).toBe(0)
    const md = await readFile(out, 'utf8')
    expect(md).toContain('## §2 Tartus')
    expect(md).toContain('*Passages that mention Tartus (also written Tartous, طرطوس).*')
    expect(md).toContain('- **Tartus** (also written Tartous, طرطوس): §1: 1, 2; §2: 3, 4')
    const edited = await json<BriefingDocument>('briefing', 'edit', id, '--no-entity-index', '--remove-entity', 'Tartus')
    expect(edited).not.toHaveProperty('entityIndex')
    expect(edited.selection).not.toHaveProperty('entityIds')
  })

  it('refuses an entity the notebook does not hold, in one line, changing nothing', async () => {
    await expectRefusal(nb, () => dossier('briefing', 'section', 'add', id, '--entity', 'Nowhere'), 1, 'No entity is named “Nowhere”')
    await expectRefusal(nb, () => dossier('briefing', 'create', '--entity', 'Nowhere'), 1, 'No entity is named “Nowhere”')
    await expectRefusal(nb, () => dossier('briefing', 'section', 'add', id), 2, 'name a section with --tag NAME or --entity NAME')
    await expectRefusal(nb, () => dossier('briefing', 'note', id, 'Khmeimim', 'x'), 1, 'has no section for the entity "Khmeimim"')
  })
})
