import { describe, expect, it } from 'vitest'
import { API_METHODS } from './api'
import { apiArgSchemas, parseApiArgs } from './api-schema'

describe('API argument validation', () => {
  it('has a schema for exactly the methods of the contract', () => {
    expect(Object.keys(apiArgSchemas).sort()).toEqual([...API_METHODS].sort())
  })

  it('accepts a well-formed call', () => {
    expect(parseApiArgs('createHighlight', [{ articleId: 'a-0123456789', start: 0, end: 5, tagIds: ['t-bases'], comment: '' }]).ok).toBe(true)
    expect(parseApiArgs('listArticles', []).ok).toBe(true)
  })

  it.each([
    ['listArticles', [{}], /listArticles/],
    ['getArticle', [{ articleId: '../../etc/passwd' }], /articleId/],
    ['getArticle', [{ articleId: 'a-0123456789', extra: 1 }], /getArticle/],
    ['createHighlight', [{ articleId: 'a-0123456789', start: 9, end: 3, tagIds: [], comment: '' }], /end must be after start/],
    ['createHighlight', [{ articleId: 'a-0123456789', start: -1, end: 3, tagIds: [], comment: '' }], /start/],
    ['chooseNotebook', [{ mode: 'delete' }], /mode/],
    ['getArticle', [{ articleId: 'a-0123456789' }, 'second'], /at most one argument/],
  ] as const)('refuses %s with %j', (method, args, message) => {
    const parsed = parseApiArgs(method, args)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toMatch(message)
  })
})
