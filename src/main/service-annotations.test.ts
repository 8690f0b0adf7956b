/**
 * File > Import Annotations… at the service level: the import is planned first, and more
 * than a few new tags are created only when the user agrees in the confirmation (the
 * Dialogs interface, answered here as the e2e harness answers it).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Confirmation, Dialogs } from './dialogs'
import { createMainService, type MainService } from './service'

const FONTS = join(import.meta.dirname, '..', '..', 'resources', 'fonts')
const ARTICLE = 'Convoy leaves Tartus\n\nThirty trucks left the Tartus naval base at dawn, heading for the Khmeimim air base, residents said.'
const QUOTE = 'Thirty trucks left the Tartus naval base at dawn'

let service: MainService | null = null
afterEach(async () => {
  await service?.shutdown()
  service = null
})

/** A service over a new notebook holding ARTICLE, whose dialogs pick `file` and answer confirmations with `answer`. */
async function setup(answer: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'dossier-svc-anno-'))
  const file = join(root, 'colleague.jsonld')
  const questions: Confirmation[] = []
  const dialogs: Dialogs = {
    chooseFilesToImport: async () => null,
    chooseNotebookFolder: async () => null,
    chooseExportPath: async () => null,
    chooseAnnotationFile: async () => file,
    chooseGazetteerFile: async () => null,
    confirm: async (question) => (questions.push(question), answer),
  }
  service = await createMainService({ notebookDir: join(root, 'nb'), fontsDir: FONTS, dialogs, emit: () => undefined })
  await service.importDroppedFiles({ files: [{ name: 'convoy.txt', dataBase64: Buffer.from(ARTICLE).toString('base64') }] })
  const { bodyHash } = service.session().store.articles[0]!
  /** Writes the annotation file: one annotation on QUOTE carrying these tags. */
  const writeFile = (tags: string[]) =>
    writeFileSync(
      file,
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        body: tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
        target: { source: `urn:sha256:${bodyHash}`, selector: { type: 'TextQuoteSelector', exact: QUOTE } },
      }),
    )
  const state = async () => ({ tags: (await service!.listTags()).map((t) => t.name), highlights: (await service!.session().store.allHighlights()).length })
  return { questions, writeFile, state }
}

const SEVEN = ['Convoys/Road', 'Logistics', 'Khmeimim', 'Tartus port', 'Trucks', 'Dawn moves', 'Residents']

describe('importing annotations in the app', () => {
  it('asks before creating more than five new tags, listing how many and the first names; cancel changes nothing', async () => {
    const { questions, writeFile, state } = await setup(false)
    writeFile(SEVEN)
    const before = await state()
    expect(await service!.chooseAndImportAnnotations()).toEqual({ canceled: true })
    expect(questions).toEqual([
      {
        title: 'Create 7 new tags?',
        message: 'Importing colleague.jsonld would create 7 new tags: Convoys/Road, Logistics, Khmeimim, Tartus port, Trucks and 2 more.',
        detail: expect.stringContaining('Cancel to import nothing.'),
        confirmLabel: 'Create 7 tags and import',
      },
    ])
    expect(await state()).toEqual(before)
  })

  it('creates the tags and the highlights when the user agrees', async () => {
    const { questions, writeFile, state } = await setup(true)
    writeFile(SEVEN)
    const before = await state()
    expect(await service!.chooseAndImportAnnotations()).toEqual({ created: 1, skipped: 0, tagsCreated: SEVEN, problems: [] })
    expect(questions).toHaveLength(1)
    expect(await state()).toEqual({ tags: expect.arrayContaining([...before.tags, ...SEVEN]), highlights: before.highlights + 1 })
  })

  it('does not ask for five new tags or fewer', async () => {
    const { questions, writeFile } = await setup(false)
    writeFile(SEVEN.slice(0, 5))
    expect(await service!.chooseAndImportAnnotations()).toMatchObject({ created: 1, tagsCreated: SEVEN.slice(0, 5) })
    expect(questions).toEqual([])
  })
})
