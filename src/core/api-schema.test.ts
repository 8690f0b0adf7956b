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

  const highlight = {
    id: 'h-0123456789',
    articleId: 'a-0123456789',
    target: { start: 0, end: 5, exact: 'Sparta', prefix: '', suffix: ' II' },
    tagIds: ['t-bases'],
    comment: '',
    createdAt: '2026-11-21T10:00:00Z',
    updatedAt: '2026-11-21T10:00:00Z',
  }
  const meta = { title: 'T', outlet: null, author: null, published: null, url: null, metaSources: { title: 'first line' }, metaEdited: [] }

  it('accepts what undo sends back: a highlight to restore, a tag removal, a metadata snapshot', () => {
    expect(parseApiArgs('restoreHighlight', [{ highlight }]).ok).toBe(true)
    expect(parseApiArgs('restoreTag', [{ tag: { id: 't-bases', name: 'Bases', color: '#E69F00', description: '' }, index: 0, highlights: [] }]).ok).toBe(true)
    expect(parseApiArgs('restoreArticleMeta', [{ articleId: 'a-0123456789', meta }]).ok).toBe(true)
  })

  it.each([
    ['a highlight with an extra key', { highlight: { ...highlight, sneaky: true } }, /restoreHighlight/],
    ['a highlight whose context is oversized', { highlight: { ...highlight, target: { ...highlight.target, prefix: 'x'.repeat(5000) } } }, /prefix/],
    ['a highlight with hundreds of tags', { highlight: { ...highlight, tagIds: Array(201).fill('t-bases') } }, /tagIds/],
  ] as const)('refuses restoring %s', (_what, arg, message) => {
    const parsed = parseApiArgs('restoreHighlight', [arg])
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toMatch(message)
  })

  it('refuses a metadata snapshot with an unknown source key or an oversized source', () => {
    expect(parseApiArgs('restoreArticleMeta', [{ articleId: 'a-0123456789', meta: { ...meta, metaSources: { colour: 'red' } } }]).ok).toBe(false)
    expect(parseApiArgs('restoreArticleMeta', [{ articleId: 'a-0123456789', meta: { ...meta, metaSources: { title: 'x'.repeat(600) } } }]).ok).toBe(false)
    expect(parseApiArgs('restoreArticleMeta', [{ articleId: 'a-0123456789', meta: { ...meta, title: '' } }]).ok).toBe(false)
  })
})
