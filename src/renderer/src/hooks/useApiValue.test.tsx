// @vitest-environment jsdom
/**
 * useApiValue: the value of the newest request is shown even when an older reply comes
 * back last, `loading` is true while a request is out, and a null fetch asks nothing.
 */
import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { Result } from '../api'
import { setupDomRoot } from '../test-dom'
import { useApiValue } from './useApiValue'

const dom = setupDomRoot()

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/** Shows what the hook returns; a new error handler on every render must not fetch again. */
function Probe({ fetch, reloadKey }: { fetch: (() => Promise<Result<string>>) | null; reloadKey: number }) {
  const v = useApiValue(fetch, reloadKey, () => undefined)
  return <p data-loading={String(v.loading)} data-loaded={String(v.loaded)}>{v.value ?? ''}</p>
}
const seen = () => {
  const p = dom.container.querySelector('p')!
  return { value: p.textContent, loading: p.dataset['loading'], loaded: p.dataset['loaded'] }
}

describe('useApiValue', () => {
  it('keeps the newest answer when an older one arrives after it', async () => {
    const first = deferred<Result<string>>()
    const second = deferred<Result<string>>()
    const fetch = vi.fn().mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise)
    await act(async () => dom.root.render(<Probe fetch={fetch} reloadKey={0} />))
    expect(seen().loading).toBe('true')
    await act(async () => dom.root.render(<Probe fetch={fetch} reloadKey={1} />))
    await act(async () => second.resolve({ ok: true, value: 'new' }))
    expect(seen().value).toBe('new')
    expect(seen().loading).toBe('false')
    expect(fetch).toHaveBeenCalledTimes(2)
    await act(async () => first.resolve({ ok: true, value: 'old' }))
    expect(seen().value).toBe('new')
  })

  it('asks nothing for a null fetch', async () => {
    await act(async () => dom.root.render(<Probe fetch={null} reloadKey={0} />))
    expect(seen()).toEqual({ value: '', loaded: 'false', loading: 'false' })
  })
})
