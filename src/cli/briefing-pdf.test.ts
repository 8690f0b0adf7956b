/**
 * A briefing made entirely on the command line (import, highlights, `briefing create` with
 * sections, key judgments and a handling line, a section note) exports with `dossier
 * export --briefing` to the same PDF the app makes from it: the app's export is asked for
 * through the handler the IPC calls (`createApiHandlers` over the main service, the save
 * dialog answering a path). The two files are compared as a reader sees them: their text
 * (`pdftotext`, in reading and in drawing order), their structure tree (`pdfinfo
 * -struct-text`) and what `pdfinfo` says of them; not their bytes, which hold the moment
 * each was made. Needs poppler-utils: skipped, saying so, without it.
 */
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportedBriefing } from '../core/api'
import type { BriefingDocument } from '../core/briefing-document'
import { createApiHandlers } from '../main/api-handlers'
import { FONTS_DIR, tempDir } from '../main/briefings/test-notebook'
import type { Dialogs } from '../main/dialogs'
import { has, run } from '../main/pdf/test-briefing-pdf'
import { createMainService } from '../main/service'
import { runCliIn } from './test-cli'

const ARTICLE =
  'Tartus, 6 March. Satellite images show two vessels berthed at the naval base on Thursday. ' +
  'Officials in Damascus said the lease on the base at طرطوس would be reviewed before the summer, and that talks with Moscow continue.\n' +
  'A convoy of trucks left the base at dawn, heading north along the coast road.'

const poppler = has('pdfinfo') && has('pdftotext')

let tmp: string
beforeAll(async () => {
  tmp = await tempDir('dossier-cli-pdf-')
  await writeFile(join(tmp, 'tartus.txt'), ARTICLE)
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

/** What a reader gets from a PDF: its text both ways, its structure tree, and pdfinfo's facts (less its dates). */
function readBack(path: string) {
  const info = run('pdfinfo', ['-enc', 'UTF-8', path]).stdout
  return {
    info: info.split('\n').filter((line) => !/^(CreationDate|ModDate|File size):/.test(line)),
    reading: run('pdftotext', ['-enc', 'UTF-8', path, '-']).stdout,
    raw: run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']).stdout,
    structure: run('pdfinfo', ['-struct-text', path]).stdout,
  }
}

describe.skipIf(!poppler)('a briefing made on the command line (needs pdfinfo and pdftotext from poppler-utils)', () => {
  it('exports to the same PDF the app makes from it, tagged', { timeout: 120_000 }, async () => {
    const dossier = async (...args: string[]) => {
      const r = await runCliIn(tmp, ['--notebook', 'nb', ...args])
      expect(r.code, r.err).toBe(0)
      return r.out
    }
    const imported = JSON.parse(await dossier('import', 'tartus.txt', '--json')) as { items: { articleId: string }[] }
    const article = imported.items[0]!.articleId
    await dossier('tag', 'create', 'People', '--description', 'Who decides.')
    await dossier('highlight', article, '--quote', 'Satellite images show two vessels berthed at the naval base on Thursday.', '--tag', 'Bases', '--comment', 'Check against AIS.')
    await dossier('highlight', article, '--quote', 'the lease on the base at طرطوس would be reviewed', '--tag', 'Negotiations')
    await dossier('highlight', article, '--quote', 'A convoy of trucks left the base at dawn', '--tag', 'Convoys')
    const briefing = JSON.parse(
      await dossier(
        'briefing', 'create', '--title', 'Tartus & the lease', '--author', 'J. Analyst', '--date', '2026-03-07', '--handling', 'UNCLASSIFIED // FOR TRAINING',
        '--key-judgments', 'Russia keeps Tartus for now.\nThe lease will be reviewed.', '--section', 'Bases', '--section', 'Negotiations', '--section', 'Convoys', '--section', 'People', '--json',
      ),
    ) as BriefingDocument
    await dossier('briefing', 'note', briefing.id, 'Bases', 'Images from Thursday; AIS data to follow.')
    await dossier('export', '--format', 'pdf', '--out', 'cli.pdf', '--briefing', briefing.id)

    // The app: the same notebook, the export asked for as the window asks for it.
    const dialogs: Dialogs = {
      chooseFilesToImport: async () => null,
      chooseNotebookFolder: async () => null,
      chooseExportPath: async () => join(tmp, 'app.pdf'),
      chooseAnnotationFile: async () => null,
      chooseGazetteerFile: async () => null,
      confirm: async () => false,
    }
    const service = await createMainService({ notebookDir: join(tmp, 'nb'), fontsDir: FONTS_DIR, dialogs, emit: () => undefined })
    try {
      const result = await createApiHandlers(service).exportBriefing({ briefingId: briefing.id, format: 'pdf' })
      expect(result).toMatchObject({ ok: true, value: { path: join(tmp, 'app.pdf'), format: 'pdf' } })
      expect((result as { value: ExportedBriefing }).value.pageCount).toBeGreaterThan(0)
    } finally {
      await service.shutdown()
    }

    const cli = readBack(join(tmp, 'cli.pdf'))
    const app = readBack(join(tmp, 'app.pdf'))
    expect(cli.reading).toBe(app.reading)
    expect(cli.raw).toBe(app.raw)
    expect(cli.structure).toBe(app.structure)
    expect(cli.info).toEqual(app.info)

    // And that PDF is the briefing, tagged, its headings and quotes in the structure tree.
    expect(cli.info).toContain('Tagged:          yes')
    expect(cli.info).toContain('Title:           Tartus & the lease')
    const text = cli.raw.replace(/[\u202a-\u202e]/g, '').replace(/\s+/g, ' ')
    // The section of People, which no passage carries, is left out, and so is its name from the scope.
    expect(text).toContain('SCOPE Tags: Bases, Negotiations, Convoys CONTENTS')
    expect(text).toContain('Key judgments 1. Russia keeps Tartus for now. 2. The lease will be reviewed.')
    expect(text).toContain('“…the lease on the base at طرطوس would be reviewed…”')
    const elements = [...cli.structure.matchAll(/^\s*(H1|H2|BlockQuote)\b/gm)].map((m) => m[1])
    expect(elements.filter((e) => e === 'H1')).toHaveLength(1)
    expect(elements.filter((e) => e === 'H2')).toHaveLength(1 + 1 + 3 + 1) // key judgments, contents, 3 sections, sources
    expect(elements.filter((e) => e === 'BlockQuote')).toHaveLength(3)
    expect(cli.structure).toMatch(/^\s*H1[^\n]*\n\s*"Tartus & the lease"/m)
  })
})
