/**
 * The import pipeline (import-batch and what it brings: rewrite detection, the reuse
 * index, the worker host) is a dynamic import: a command that imports nothing never loads
 * it (NotebookSession). The app loads it ahead of time, once its window is up
 * (`MainService.preloadImport`), so the analyst's first import does not wait for it.
 */
export const loadImportPipeline = () => import('./import-batch')

/**
 * Loads the pipeline now (`load`: the loader, for tests). Never throws: a failure is
 * logged and the first import loads it again, reporting any error then.
 */
export async function preloadImportPipeline(load: () => Promise<unknown> = loadImportPipeline): Promise<boolean> {
  try {
    await load()
    return true
  } catch (error) {
    console.error('Could not load the import pipeline ahead of the first import; it will be loaded then', error)
    return false
  }
}
