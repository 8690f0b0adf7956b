/**
 * Numbered migrations of the notebook format, run in order on open (after a backup).
 * Each migration reads the old files with a schema frozen here (never the current model,
 * which moves on) and writes the new files with the manifest LAST: until the new
 * notebook.json lands, the notebook is still a valid old-format notebook, so an
 * interrupted migration simply runs again on the next open.
 * Each is tested against a frozen fixture notebook of its old version (fixtures/).
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { DossierError } from '../../core/result'
import { writeFileAtomically, type FileWriter } from './durable-write'

export interface Migration {
  from: number
  to: number
  name: string
  run(dir: string, writer: FileWriter): Promise<void>
}

/** Format 1 (issue 2): everything in one notebook.json. Frozen: do not change. */
const V1 = z.object({
  schemaVersion: z.literal(1),
  createdAt: z.string(),
  articles: z.array(z.object({ id: z.string() }).passthrough()),
  tags: z.array(z.object({ id: z.string() }).passthrough()),
  highlights: z.array(z.object({ id: z.string(), articleId: z.string() }).passthrough()),
})

/** Format 2 (issue 3): manifest + catalog + annotations. Frozen: do not change. */
const V2_MANIFEST = z.object({ schemaVersion: z.literal(2), createdAt: z.string(), tags: z.array(z.unknown()) }).passthrough()
const V2_CATALOG = z.object({ articles: z.array(z.object({ id: z.string(), source: z.object({ format: z.string() }).passthrough() }).passthrough()) })

/** Format 3 (issue 4): articles carry furniture and fingerprint in the catalog. Frozen: do not change. */
const V3_MANIFEST = z.object({ schemaVersion: z.literal(3), createdAt: z.string(), tags: z.array(z.unknown()) }).passthrough()
const V3_ARTICLE = z.object({ id: z.string(), bodyHash: z.string().regex(/^[0-9a-f]{64}$/), furniture: z.array(z.unknown()) }).passthrough()
const V3_CATALOG = z.object({ articles: z.array(V3_ARTICLE) })
const V3_TRASH = z.object({ article: V3_ARTICLE }).passthrough()

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    name: 'split notebook.json into manifest, catalog and per-article annotation files',
    async run(dir, writer) {
      const parsed = V1.safeParse(JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8')))
      if (!parsed.success) throw new DossierError('notebook-unreadable', `notebook.json (format 1) does not match its format: ${parsed.error.issues[0]?.message}`)
      const v1 = parsed.data
      await writer(join(dir, 'catalog.json'), JSON.stringify({ articles: v1.articles }, null, 1))
      await mkdir(join(dir, 'annotations'), { recursive: true })
      const byArticle = new Map<string, unknown[]>()
      for (const h of v1.highlights) byArticle.set(h.articleId, [...(byArticle.get(h.articleId) ?? []), h])
      for (const [articleId, highlights] of byArticle) {
        await writer(join(dir, 'annotations', `${articleId}.json`), JSON.stringify({ articleId, highlights }, null, 1))
      }
      await writer(join(dir, 'notebook.json'), JSON.stringify({ schemaVersion: 2, createdAt: v1.createdAt, tags: v1.tags }, null, 1))
    },
  },
  {
    from: 2,
    to: 3,
    name: 'give every article the import-analysis fields (format, language, encoding, flags, furniture, fingerprint, rewrites, metaEdited)',
    // Reads and rewrites catalog.json only: no body is read, so it costs the same for any
    // article length. Format-2 articles were all .txt; what analysis would have found is
    // unknown, so it is recorded as nothing found; the fingerprint is null and computed
    // from the body when rewrite detection first needs it (NotebookSession).
    async run(dir, writer) {
      const manifest = V2_MANIFEST.safeParse(JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8')))
      if (!manifest.success) throw new DossierError('notebook-unreadable', `notebook.json (format 2) does not match its format: ${manifest.error.issues[0]?.message}`)
      const catalogText = await readFile(join(dir, 'catalog.json'), 'utf8').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return '{"articles":[]}'
        throw e
      })
      const catalog = V2_CATALOG.safeParse(JSON.parse(catalogText))
      if (!catalog.success) throw new DossierError('notebook-unreadable', `catalog.json (format 2) does not match its format: ${catalog.error.issues[0]?.message}`)
      const articles = catalog.data.articles.map((a) => ({
        ...a,
        format: a.source.format,
        language: null,
        encoding: null,
        flags: [],
        furniture: [],
        fingerprint: null,
        rewrites: [],
        metaEdited: [],
      }))
      await writer(join(dir, 'catalog.json'), JSON.stringify({ articles }, null, 1))
      await writer(join(dir, 'notebook.json'), JSON.stringify({ ...manifest.data, schemaVersion: 3 }, null, 1))
    },
  },
  {
    from: 3,
    to: 4,
    name: 'move each text\'s furniture and fingerprint out of the catalog into analysis/<bodyHash>.json',
    // Fingerprints of format 3 lack the shingle samples format 4 compares, so they are not
    // kept: rewrite detection recomputes them from the bodies the first time it needs them.
    // Analysis files are derived data, written atomically without fsync: if one is lost, it
    // is recomputed from its body. The catalog is written compact (no indentation).
    async run(dir, writer) {
      const manifest = V3_MANIFEST.safeParse(JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8')))
      if (!manifest.success) throw new DossierError('notebook-unreadable', `notebook.json (format 3) does not match its format: ${manifest.error.issues[0]?.message}`)
      const catalogText = await readFile(join(dir, 'catalog.json'), 'utf8').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return '{"articles":[]}'
        throw e
      })
      const catalog = V3_CATALOG.safeParse(JSON.parse(catalogText))
      if (!catalog.success) throw new DossierError('notebook-unreadable', `catalog.json (format 3) does not match its format: ${catalog.error.issues[0]?.message}`)
      await mkdir(join(dir, 'analysis'), { recursive: true })
      // Format 3 accepted metadata format 4 refuses: unsafe URLs (javascript:), dates that
      // are not calendar days, and invisible or control characters in titles, outlets and
      // authors (a right-to-left override made a title read differently than it searched).
      // They are cleaned with format 4's rules (loaded only when a notebook migrates).
      const [{ unsafeUrlProblem }, { storedDateProblem }, { cleanMetaText }] = await Promise.all([import('../../core/urls'), import('../../core/dates'), import('../../core/text-hygiene')])
      const clean = (article: Record<string, unknown>) => {
        const sources = { ...(article.metaSources as Record<string, string>) }
        const out: Record<string, unknown> = { ...article, metaSources: sources }
        if (typeof article.url === 'string' && unsafeUrlProblem(article.url)) {
          out.url = null
          delete sources.url
        }
        if (typeof article.published === 'string' && storedDateProblem(article.published)) {
          out.published = null
          delete sources.published
        }
        for (const field of ['title', 'outlet', 'author'] as const) {
          if (typeof article[field] !== 'string') continue
          const cleaned = cleanMetaText(article[field])
          out[field] = cleaned.value || (field === 'title' ? article[field] : null)
        }
        return out
      }
      const articles = []
      for (const { furniture, fingerprint: _dropped, ...kept } of catalog.data.articles) {
        const article = clean(kept) as typeof kept
        const file = join(dir, 'analysis', `${article.bodyHash}.json`)
        const present = await stat(file).then(() => true, () => false)
        if (!present) await writeFileAtomically(file, JSON.stringify({ bodyHash: article.bodyHash, furniture, fingerprint: null }))
        articles.push(article)
      }
      // Deleted articles keep their format-3 record in trash/ (the fields format 4 dropped are
      // ignored when it is read back); their furniture goes to analysis/ too, for a restore.
      for (const name of await readdir(join(dir, 'trash')).catch(() => [] as string[])) {
        const trashed = V3_TRASH.safeParse(JSON.parse(await readFile(join(dir, 'trash', name), 'utf8').catch(() => 'null')))
        if (!trashed.success) continue
        const { bodyHash, furniture } = trashed.data.article
        const file = join(dir, 'analysis', `${bodyHash}.json`)
        if (!(await stat(file).then(() => true, () => false))) await writeFileAtomically(file, JSON.stringify({ bodyHash, furniture, fingerprint: null }))
      }
      await writer(join(dir, 'catalog.json'), JSON.stringify({ articles }))
      await writer(join(dir, 'notebook.json'), JSON.stringify({ ...manifest.data, schemaVersion: 4 }, null, 1))
    },
  },
]

export async function runMigrations(dir: string, from: number, to: number, writer: FileWriter): Promise<void> {
  for (let version = from; version < to; version++) {
    const migration = MIGRATIONS.find((m) => m.from === version)
    if (!migration) throw new DossierError('notebook-unreadable', `No migration from notebook format ${version}; this notebook cannot be opened.`)
    await migration.run(dir, writer)
  }
}
