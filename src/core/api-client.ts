/**
 * Builds the renderer's `dossier` global from the method list. Self-contained on purpose
 * (no imports, no closures over module state): the preload calls it with ipcRenderer,
 * and the e2e harness injects its source text into a plain Chromium page with its own
 * transport, so both environments expose exactly the same object.
 */
export function createBridge(
  methods: readonly string[],
  invoke: (method: string, args: unknown[]) => Promise<unknown>,
  subscribe: (listener: (event: unknown) => void) => () => void,
): Record<string, unknown> {
  const bridge: Record<string, unknown> = {}
  for (const method of methods) {
    bridge[method] = (...args: unknown[]) => invoke(method, args)
  }
  bridge.onEvent = (listener: (event: unknown) => void) => subscribe(listener)
  return Object.freeze(bridge)
}
