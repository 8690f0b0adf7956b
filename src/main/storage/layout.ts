/**
 * The names of a notebook's files and folders (notes/data-model.md). A leaf module with
 * no imports, so every storage module can use them without import cycles.
 */
export const MANIFEST_FILE = 'notebook.json'
export const CATALOG_FILE = 'catalog.json'
/** What the last validated write of catalog.json wrote (size, sha256): reading that very text back skips the schema (durable-json-file.ts). */
export const CATALOG_STAMP_FILE = 'catalog.stamp.json'
/** The notebook's entities and rejected suggestions (notes/entities.md); absent = none. */
export const ENTITIES_FILE = 'entities.json'
/** As catalog.stamp.json, for entities.json: its rules (one entity per spelling) cost 50 ms cold at 2,000 spellings. */
export const ENTITIES_STAMP_FILE = 'entities.stamp.json'
/** Outlets with their grades, and the article → outlet links (notes/sourcing.md); absent = none. */
export const OUTLETS_FILE = 'outlets.json'
/** Claims and the passages that support or contradict them (notes/sourcing.md); absent = none. */
export const CLAIMS_FILE = 'claims.json'
/** Derived cache: where each entity is mentioned (src/main/entities/mention-index.ts). */
export const MENTIONS_FILE = 'mentions.json'
/** Derived cache: the notebook's name candidates for suggestions, keyed by the articles (src/main/entities/name-cache.ts). */
export const NAMES_FILE = 'names.json'
/** Derived cache: the suggestions of the names above against the entities, keyed by both (src/main/entities/name-cache.ts). */
export const SUGGESTIONS_FILE = 'suggestions.json'
export const ANNOTATIONS_DIR = 'annotations'
export const BODIES_DIR = 'bodies'
export const ORIGINALS_DIR = 'originals'
export const BRIEFINGS_DIR = 'briefings'
export const TRASH_DIR = 'trash'
/** ACH matrices, one file each (src/main/ach/ach-store.ts); absent = none. */
export const ACH_DIR = 'ach'
export const ANALYSIS_DIR = 'analysis'
/** Every folder the app saves into ('' is the notebook folder): where an interrupted save can leave a temp file. */
export const WRITTEN_DIRS: readonly string[] = ['', ANNOTATIONS_DIR, BODIES_DIR, ORIGINALS_DIR, BRIEFINGS_DIR, TRASH_DIR, ANALYSIS_DIR, ACH_DIR]
