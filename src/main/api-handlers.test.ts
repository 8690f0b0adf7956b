import { describe, expect, it, vi } from 'vitest'
import { API_METHODS, type DossierService } from '../core/api'
import { DossierError } from '../core/result'
import { createApiHandlers } from './api-handlers'

const service = (overrides: Partial<DossierService>): DossierService =>
  Object.fromEntries(API_METHODS.map((m) => [m, overrides[m] ?? vi.fn(async () => ({}))])) as unknown as DossierService

describe('API handlers', () => {
  it('registers exactly one handler per contract method', () => {
    expect(Object.keys(createApiHandlers(service({}))).sort()).toEqual([...API_METHODS].sort())
  })

  it('returns the service value as ok', async () => {
    const handlers = createApiHandlers(service({ listTags: async () => [] }))
    expect(await handlers.listTags()).toEqual({ ok: true, value: [] })
  })

  it('refuses invalid arguments before the service sees them', async () => {
    const getArticle = vi.fn()
    const handlers = createApiHandlers(service({ getArticle }))
    const result = await handlers.getArticle({ articleId: '../../secret' })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(getArticle).not.toHaveBeenCalled()
  })

  it('turns an expected failure into an error value with its code and message', async () => {
    const handlers = createApiHandlers(
      service({
        getArticle: async () => {
          throw new DossierError('not-found', 'There is no article with id a-0000000000 in this notebook.')
        },
      }),
    )
    expect(await handlers.getArticle({ articleId: 'a-0000000000' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no article with id a-0000000000 in this notebook.' },
    })
  })

  it('reports a bug as internal, and logs it', async () => {
    const log = vi.fn()
    const handlers = createApiHandlers(
      service({
        listArticles: async () => {
          throw new TypeError('x is undefined')
        },
      }),
      log,
    )
    expect(await handlers.listArticles()).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(log).toHaveBeenCalledOnce()
  })

  it('reports a write the disk refused, which no caller mapped, as that (not as a bug)', async () => {
    const log = vi.fn()
    const full = Object.assign(new Error("ENOSPC: no space left on device, open '/nb/.lock'"), { code: 'ENOSPC', syscall: 'open', path: '/nb/.lock' })
    const handlers = createApiHandlers(service({ chooseNotebook: async () => Promise.reject(full) }), log)
    expect(await handlers.chooseNotebook({ mode: 'open' })).toEqual({
      ok: false,
      error: { code: 'disk-full', message: 'The disk holding /nb is full: .lock could not be written, so nothing was changed. Free some space and try again.' },
    })
    expect(log).not.toHaveBeenCalled()
  })
})
