import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBriefing } from '../../core/briefing'
import { BRIEFING_FONT_FILES, writeBriefingPdf } from './briefing-pdf'
import { fixtureDocument, FONTS_DIR, GENERATED, NOTEBOOK } from './test-briefing-pdf'

const layout = buildBriefing(fixtureDocument(), NOTEBOOK, { generatedAt: GENERATED })

describe('writeBriefingPdf: failures never leave a half-written file', () => {
  let failDir: string
  beforeAll(async () => {
    failDir = await mkdtemp(join(tmpdir(), 'dossier-briefing-fail-'))
  })
  afterAll(async () => {
    await rm(failDir, { recursive: true, force: true })
  })

  const leftoverTemps = async (d: string) => (await readdir(d)).filter((name) => name.endsWith('.tmp'))

  it('rejects with ENOENT when the target directory does not exist, creating nothing', async () => {
    const missing = join(failDir, 'no-such-dir')
    await expect(writeBriefingPdf(layout, join(missing, 'out.pdf'), { fontsDir: FONTS_DIR })).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await readdir(failDir)).toEqual([])
    expect(await leftoverTemps(tmpdir())).toEqual([])
  })

  it('keeps an existing file byte for byte when the fonts directory is wrong, naming the font', async () => {
    const out = join(failDir, 'keep.pdf')
    const old = Buffer.from('%PDF-1.3 previous briefing, must survive\n')
    await writeFile(out, old)
    const error = await writeBriefingPdf(layout, out, { fontsDir: join(failDir, 'no-fonts-here') }).catch((e: unknown) => e as Error & { code?: string })
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/^Cannot load the PDF font NotoSans-Regular\.ttf from .*no-fonts-here/)
    expect((error as { code?: string }).code).toBeUndefined()
    expect(await readFile(out)).toEqual(old)
    expect(await readdir(failDir)).toEqual(['keep.pdf'])
  })

  it('keeps an existing file and removes the temp file when a font is corrupt', async () => {
    const brokenFonts = join(failDir, 'fonts')
    await mkdir(brokenFonts)
    for (const file of Object.values(BRIEFING_FONT_FILES)) await copyFile(join(FONTS_DIR, file), join(brokenFonts, file))
    await writeFile(join(brokenFonts, BRIEFING_FONT_FILES.bold), 'not a font')
    const out = join(failDir, 'keep2.pdf')
    const old = Buffer.from('older bytes')
    await writeFile(out, old)
    await expect(writeBriefingPdf(layout, out, { fontsDir: brokenFonts })).rejects.toThrow(/Cannot load the PDF font NotoSans-Bold\.ttf/)
    expect(await readFile(out)).toEqual(old)
    expect((await readdir(failDir)).sort()).toEqual(['fonts', 'keep.pdf', 'keep2.pdf'])
    await rm(brokenFonts, { recursive: true })
  })

  it('reports progress through layout, drawing and writing', async () => {
    const seen: string[] = []
    const out = join(failDir, 'progress.pdf')
    const { pageCount } = await writeBriefingPdf(layout, out, { fontsDir: FONTS_DIR, onProgress: (p) => seen.push(`${p.phase}:${p.done}/${p.total}`) })
    expect(seen[0]).toBe(`layout:0/${layout.sections.length + 2}`)
    expect(seen).toContain(`draw:${pageCount}/${pageCount}`)
    expect(seen.at(-1)).toBe('finish:1/1')
    await rm(out)
  })
})
