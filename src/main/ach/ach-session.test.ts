import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { addHypothesis, parseRating, rateCell } from '../../core/ach'
import type { HighlightId } from '../../core/ids'
import { NotebookSession } from '../notebook-session'
import { FONTS_DIR, openTestNotebook, tempDir, type TestNotebook } from '../briefings/test-notebook'
import { checkNotebook } from '../storage/check-notebook'
import { AchSession } from './ach-session'

let nb: TestNotebook
let ach: AchSession
let passages: { id: HighlightId; exact: string }[]

beforeAll(async () => {
  nb = await openTestNotebook(await tempDir('dossier-ach-'))
  ach = new AchSession(nb.session.store, nb.ctx.now, nb.ctx.randomHex)
  passages = (await nb.session.store.allHighlights()).map((h) => ({ id: h.id, exact: h.target.exact }))
})
afterAll(async () => {
  await nb.session.close()
})

const fileOf = (id: string) => join(nb.dir, 'ach', `${id}.json`)

describe('stored ACH matrices', () => {
  it('creates one file per matrix under ach/, and reads it back with scores and the passages quoted', async () => {
    const created = await ach.create('  Why did the convoy stop? ')
    expect(created.id).toMatch(/^m-[0-9a-f]{10}$/)
    expect(created.question).toBe('Why did the convoy stop?')
    await ach.edit(created.id, (m) => addHypothesis(addHypothesis(m, 'Fuel shortage'), 'Ordered to wait'))
    await ach.addPassage(created.id, passages[0]!.id)
    await ach.addNote(created.id, 'No satellite images of the road', { credibility: 2 })
    const { matrix } = await ach.edit(created.id, (m) => rateCell(rateCell(m, 'E1', 'H1', 'II'), 'E2', 'H2', 'I'))
    expect(JSON.parse(await readFile(fileOf(created.id), 'utf8'))).toEqual(matrix)
    expect(matrix.updatedAt > created.updatedAt).toBe(true)

    const view = await ach.view(created.id)
    expect(view.evidence.map((e) => [e.id, e.kind, e.text, e.missing])).toEqual([
      ['E1', 'highlight', passages[0]!.exact, false],
      ['E2', 'note', 'No satellite images of the road', false],
    ])
    expect(view.scores.hypotheses.map((h) => h.inconsistency)).toEqual([2, 2])
    expect(view.scores.leaders).toEqual(['H1', 'H2'])
    const list = await ach.list()
    expect(list[0]).toEqual({ id: created.id, question: 'Why did the convoy stop?', hypothesisCount: 2, evidenceCount: 2, leaders: ['H1', 'H2'], updatedAt: matrix.updatedAt })
  })

  it('refuses bad input with one error and leaves the file as it was', async () => {
    const m = await ach.create('Bad input')
    await ach.edit(m.id, (x) => addHypothesis(x, 'A'))
    const before = await readFile(fileOf(m.id), 'utf8')
    await expect(ach.addPassage(m.id, 'h-0000000000' as HighlightId)).rejects.toMatchObject({ code: 'not-found', message: 'There is no passage (highlight) with id h-0000000000 in this notebook.' })
    await expect(ach.edit(m.id, (x) => rateCell(x, 'E1', 'H1', 'C'))).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/no evidence row "E1"/) })
    await expect(ach.edit(m.id, (x) => rateCell(x, 'E1', 'H1', parseRating('X')))).rejects.toMatchObject({ code: 'bad-request' })
    await expect(ach.addNote(m.id, 'x', { relevance: 9 })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/relevance must be a number from 0.5 to 2/) })
    await expect(ach.create('  ')).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/^The question is empty/) })
    await expect(ach.get('m-nothere00')).rejects.toMatchObject({ code: 'not-found', message: 'There is no ACH matrix with id m-nothere00 in this notebook.' })
    await expect(ach.get('../catalog')).rejects.toMatchObject({ code: 'bad-request', message: '"../catalog" is not an ACH matrix id (m-…).' })
    expect(await readFile(fileOf(m.id), 'utf8')).toBe(before)
  })

  it('keeps a row whose passage was deleted, flags it, and still counts its rating', async () => {
    const m = await ach.create('Deleted passage')
    await ach.edit(m.id, (x) => addHypothesis(addHypothesis(x, 'A'), 'B'))
    const doomed = passages.at(-1)!
    await ach.addPassage(m.id, doomed.id)
    await ach.edit(m.id, (x) => rateCell(x, 'E1', 'H1', 'I'))
    const highlight = await nb.session.getHighlight(doomed.id)
    await nb.session.deleteHighlight(doomed.id)
    try {
      const view = await ach.view(m.id)
      expect(view.evidence[0]).toMatchObject({ id: 'E1', highlightId: doomed.id, missing: true, text: '' })
      expect(view.missingRows).toEqual(['E1'])
      expect(view.scores.leaders).toEqual(['H2'])
      expect((await ach.get(m.id)).evidence).toHaveLength(1)
    } finally {
      await nb.session.restoreHighlight(highlight)
    }
    expect((await ach.view(m.id)).missingRows).toEqual([])
  })

  it('reports a damaged file and never writes over it; the others still list and save', async () => {
    const good = await ach.create('Still fine')
    const damagedId = 'm-damaged001'
    const damagedText = '{"version":1,"id":"m-damaged001","question":'
    await writeFile(fileOf(damagedId), damagedText)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      expect((await ach.list()).map((s) => s.id)).not.toContain(damagedId)
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Skipping a damaged ACH matrix: The stored ACH matrix ach\/m-damaged001\.json is damaged \(is not valid JSON/))
    } finally {
      warn.mockRestore()
    }
    await expect(ach.get(damagedId)).rejects.toMatchObject({ code: 'notebook-unreadable', message: expect.stringMatching(/ach\/m-damaged001\.json is damaged .*it was left as it is/) })
    await expect(ach.edit(damagedId, (x) => addHypothesis(x, 'A'))).rejects.toMatchObject({ code: 'notebook-unreadable' })
    const fake = { ...good, id: damagedId as typeof good.id }
    await expect(ach.save(fake)).rejects.toMatchObject({ code: 'notebook-unreadable' })
    expect(await readFile(fileOf(damagedId), 'utf8')).toBe(damagedText)

    const report = await checkNotebook(nb.dir, { lockHeld: true })
    expect(report.problems).toContainEqual(expect.objectContaining({ file: 'ach/m-damaged001.json', message: expect.stringMatching(/^ach\/m-damaged001\.json is not valid JSON|^ach\/m-damaged001\.json .*JSON/) }))
    expect(report.problems.filter((p) => p.file.startsWith('ach/')).map((p) => p.file)).toEqual(['ach/m-damaged001.json'])
    await expect(ach.edit(good.id, (x) => addHypothesis(x, 'Saved'))).resolves.toMatchObject({ changed: true })
    expect((await readdir(join(nb.dir, 'ach'))).filter((n) => n.endsWith('.tmp'))).toEqual([])
    await rm(fileOf(damagedId))
  })

  it('backs matrices up; check --repair restores a damaged one from the backup and keeps the damaged copy', async () => {
    const m = await ach.create('Backed up')
    const saved = (await ach.edit(m.id, (x) => addHypothesis(x, 'A'))).matrix
    const backup = await nb.session.backup('test')
    const manifest = JSON.parse(await readFile(join(nb.dir, 'backups', backup.id, 'backup.json'), 'utf8')) as { files: Record<string, string> }
    expect(Object.keys(manifest.files)).toContain(`ach/${m.id}.json`)

    await writeFile(fileOf(m.id), '\0\0\0')
    const repaired = await checkNotebook(nb.dir, { lockHeld: true, repair: true })
    expect(repaired.repaired).toContainEqual(expect.objectContaining({ file: `ach/${m.id}.json`, repair: expect.stringMatching(new RegExp(`^Restored it from backup ${backup.id}; the damaged file is kept as`)) }))
    expect(await ach.get(m.id)).toEqual(saved)
    expect((await readdir(join(nb.dir, 'ach'))).some((n) => n.startsWith(`${m.id}.json.corrupt-`))).toBe(true)
  })

  it('a read-only notebook reads matrices but refuses changes', async () => {
    const m = await ach.create('Read me')
    const ro = await NotebookSession.open(nb.dir, { fontsDir: FONTS_DIR }, { readOnly: true, create: false })
    try {
      const roAch = new AchSession(ro.store)
      expect(await roAch.get(m.id)).toEqual(m)
      const readOnly = { code: 'forbidden', message: 'This notebook was opened read-only; nothing can be changed.' }
      await expect(roAch.create('No')).rejects.toMatchObject(readOnly)
      await expect(roAch.edit(m.id, (x) => addHypothesis(x, 'A'))).rejects.toMatchObject(readOnly)
      await expect(roAch.delete(m.id)).rejects.toMatchObject(readOnly)
    } finally {
      await ro.close()
    }
  })
})
