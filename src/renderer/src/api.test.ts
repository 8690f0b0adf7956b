// @vitest-environment jsdom
/**
 * The bridge client: Results pass through untouched; a missing bridge, a rejected call or
 * a malformed reply all come back as an `internal` error value instead of throwing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DossierBridge } from '../../core/api'
import { api, isCanceled, onDossierEvent, unwrap } from './api'

// Installs a fake bridge the way the preload would (a property on window); only api.ts reads it.
function installBridge(partial: Partial<DossierBridge>): void {
  Reflect.set(window, 'dossier', partial)
}

afterEach(() => {
  Reflect.deleteProperty(window, 'dossier')
})

describe('api', () => {
  it('passes Results from the bridge through', async () => {
    installBridge({ listTags: async () => ({ ok: true, value: [] }) })
    await expect(api.listTags()).resolves.toEqual({ ok: true, value: [] })
  })

  it('forwards arguments', async () => {
    const getArticle = vi.fn(async () => ({ ok: false as const, error: { code: 'not-found' as const, message: 'gone' } }))
    installBridge({ getArticle })
    const result = await api.getArticle({ articleId: 'a-1234' as never })
    expect(getArticle).toHaveBeenCalledWith({ articleId: 'a-1234' })
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'gone' } })
  })

  it('turns a missing bridge, a rejection or a malformed reply into an internal error', async () => {
    expect((await api.listArticles()).ok).toBe(false)
    installBridge({ listArticles: () => Promise.reject(new Error('IPC closed')) })
    expect(await api.listArticles()).toEqual({ ok: false, error: { code: 'internal', message: 'IPC closed' } })
    installBridge({ listArticles: async () => undefined as never })
    const malformed = await api.listArticles()
    expect(malformed.ok ? null : malformed.error.code).toBe('internal')
  })

  it('subscribes to events, and is a no-op without a bridge', () => {
    expect(onDossierEvent(() => {})).toBeTypeOf('function')
    const unsubscribe = vi.fn()
    const onEvent = vi.fn(() => unsubscribe)
    installBridge({ onEvent })
    onDossierEvent(() => {})()
    expect(onEvent).toHaveBeenCalledOnce()
    expect(unsubscribe).toHaveBeenCalledOnce()
  })
})

describe('helpers', () => {
  it('recognises a canceled dialog', () => {
    expect(isCanceled({ canceled: true })).toBe(true)
    expect(isCanceled({ path: '/x.pdf', pageCount: 1, passageCount: 0 })).toBe(false)
    expect(isCanceled(null)).toBe(false)
  })

  it('unwraps a Result or reports its error', () => {
    const onError = vi.fn()
    expect(unwrap({ ok: true, value: 3 }, onError)).toBe(3)
    expect(unwrap({ ok: false, error: { code: 'internal', message: 'x' } }, onError)).toBeUndefined()
    expect(onError).toHaveBeenCalledWith({ code: 'internal', message: 'x' })
  })
})
