/**
 * One handler per API method, built from the contract's method list. Each validates its
 * arguments against the contract's schema, calls the service, and returns a Result:
 * expected failures (`DossierError`) become `{ ok: false, error }`; anything else is a
 * bug, logged, and reported as `internal` without leaking a stack to the renderer.
 * Transport adapters (Electron IPC, the e2e harness) add the sender check around these.
 */
import { API_METHODS, type ApiMethod, type DossierService } from '../core/api'
import { parseApiArgs } from '../core/api-schema'
import { err, isDossierError, ok, type Result } from '../core/result'
import { diskError } from './storage/durable-write'

export type ApiHandler = (...args: unknown[]) => Promise<Result<unknown>>
export type ApiHandlers = Record<ApiMethod, ApiHandler>

export function createApiHandlers(service: DossierService, log: (message: string, error: unknown) => void = console.error): ApiHandlers {
  const handlers = {} as ApiHandlers
  for (const method of API_METHODS) {
    handlers[method] = async (...args) => {
      const parsed = parseApiArgs(method, args)
      if (!parsed.ok) return err('bad-request', parsed.message)
      try {
        const call = service[method] as (arg: unknown) => Promise<unknown>
        return ok(await call.call(service, parsed.arg))
      } catch (error) {
        if (isDossierError(error)) return err(error.code, error.message)
        // A write the disk refused that no caller mapped (a folder or lock file): still the user's to fix, not a bug.
        const refused = diskError(error)
        if (refused) return err(refused.code, refused.message)
        log(`Unexpected failure in ${method}`, error)
        return err('internal', `Something went wrong in ${method}: ${(error as Error)?.message ?? String(error)}`)
      }
    }
  }
  return handlers
}

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name)
}
