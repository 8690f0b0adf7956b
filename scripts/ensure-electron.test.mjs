// `npm start` where Electron cannot be downloaded: the explanation, not a stack trace.
import { describe, expect, it } from 'vitest'
import { installFailureReason } from './ensure-electron.mjs'

describe('installFailureReason', () => {
  it('reduces a failed download’s stack trace to its one message line', () => {
    const stderr = [
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:14976:13',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)',
      '',
    ].join('\n')
    expect(installFailureReason(stderr)).toBe('TypeError: fetch failed')
  })

  it('skips npm’s warnings and says nothing when there was nothing to say', () => {
    expect(installFailureReason('npm warn exec The following package was not found\nError: ENOTFOUND github.com\n')).toBe('Error: ENOTFOUND github.com')
    expect(installFailureReason('')).toBe('')
  })
})
