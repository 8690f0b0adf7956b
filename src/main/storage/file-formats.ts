/**
 * What a valid notebook file is: one set of rules shared by opening (notebook-store.ts)
 * and checking (check-notebook.ts), so "damaged" means the same thing to both.
 */
import { StoredAchMatrixSchema, type AchMatrix } from '../../core/ach/schema'
import { EntitiesFileSchema, emptyEntitiesFile, entitiesProblem, type EntitiesFile } from '../../core/entities/schema'
import { ArticleIdSchema } from '../../core/ids'
import { ClaimsFileSchema, claimsProblem, emptyClaimsFile, emptyOutletsFile, OutletsFileSchema, outletsProblem, type ClaimsFile, type OutletsFile } from '../../core/sourcing/schema'
import { AnnotationFileSchema, CatalogSchema, ManifestSchema, SCHEMA_VERSION, type AnnotationFile, type Catalog, type Manifest } from '../../core/model'
import type { Checked, Validate } from './durable-json-file'
import { CLAIMS_FILE, ENTITIES_FILE, ENTITIES_STAMP_FILE, OUTLETS_FILE } from './layout'
import type { StoreChange } from './notebook-store'

/** Temp files of an unfinished durable write: `.<name>.<pid>.<hex>.tmp` (durable-write.ts). */
export const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/
/** `annotations/<articleId>.json` */
export const ANNOTATION_FILE = /^a-[0-9a-z]+\.json$/

type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }

export function validator<T>(schema: Schema<T>, extra?: (value: T) => string | null): Validate<T> {
  const shape = (value: unknown): Checked<T> => {
    const parsed = schema.safeParse(value)
    if (parsed.success) return { ok: true, value: parsed.data }
    const [issue, ...rest] = parsed.error.issues
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : ''
    return { ok: false, reason: `at ${issue?.path.map(String).join('.') || 'the top level'}: ${issue?.message ?? 'invalid'}${more}` }
  }
  const rules = (checked: Checked<T>): Checked<T> => {
    const wrong = checked.ok ? extra?.(checked.value) : null
    return wrong ? { ok: false, reason: wrong } : checked
  }
  const validate: Validate<T> = (value) => rules(shape(value))
  if (extra) {
    validate.inSteps = async (value, turn) => {
      const checked = shape(value)
      await turn()
      return rules(checked)
    }
  }
  return validate
}

export const validateManifest = validator<Manifest>(ManifestSchema, (m) => (m.schemaVersion === SCHEMA_VERSION ? null : `at schemaVersion: format ${m.schemaVersion}, not ${SCHEMA_VERSION}`))
export const validateCatalog = validator<Catalog>(CatalogSchema)
export function validateAnnotationsOf(articleId: string): Validate<AnnotationFile> {
  const validId = ArticleIdSchema.safeParse(articleId).success
  return validator<AnnotationFile>(AnnotationFileSchema, (a) =>
    a.articleId === articleId ? null : `holds the highlights of ${a.articleId}, not of ${validId ? articleId : 'the article its name says'}`,
  )
}


/** entities.json: its structure and the rule a schema cannot state (each spelling names one entity). */
export const validateEntities = validator<EntitiesFile>(EntitiesFileSchema, (f) => entitiesProblem(f.entities))

/** `ach/<id>.json`: an ACH matrix (src/core/ach/schema.ts) holding the id its name says. */
export const ACH_MATRIX_FILE = /^(m-[0-9a-z]{4,32})\.json$/
export function validateAchMatrixOf(id: string): Validate<AchMatrix> {
  return validator<AchMatrix>(StoredAchMatrixSchema, (m) => (m.id === id ? null : `holds ACH matrix ${m.id}, not ${id}`))
}

/** outlets.json and claims.json (notes/sourcing.md): structure, and the rules of outletsProblem / claimsProblem. */
export const validateOutlets = validator<OutletsFile>(OutletsFileSchema, outletsProblem)
export const validateClaims = validator<ClaimsFile>(ClaimsFileSchema, claimsProblem)

/**
 * A notebook file that may be absent (absent = `empty()`, no format bump: decisions 40, 50),
 * read on first use by `NotebookStore.optionalFile`, changed by `updateOptionalFile`
 * (which reports `change` to the store's listeners).
 */
export interface OptionalFile<T> {
  name: string
  validate: Validate<T>
  /** Where a validated write records what it wrote, so that reading that very text back skips the check (durable-json-file.ts). */
  stamp?: string
  empty: () => T
  change: StoreChange
}

export const ENTITIES_DOC: OptionalFile<EntitiesFile> = { name: ENTITIES_FILE, validate: validateEntities, stamp: ENTITIES_STAMP_FILE, empty: emptyEntitiesFile, change: { kind: 'entities' } }
export const OUTLETS_DOC: OptionalFile<OutletsFile> = { name: OUTLETS_FILE, validate: validateOutlets, empty: emptyOutletsFile, change: { kind: 'file', name: OUTLETS_FILE } }
export const CLAIMS_DOC: OptionalFile<ClaimsFile> = { name: CLAIMS_FILE, validate: validateClaims, empty: emptyClaimsFile, change: { kind: 'file', name: CLAIMS_FILE } }
