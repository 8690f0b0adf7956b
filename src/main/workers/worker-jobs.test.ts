/**
 * The job host with real worker threads: small worker scripts written for the test
 * (plain .mjs, nothing to build) that answer, crash, run out of memory or hang on cue.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkerJobs, WorkerLostError, type JobStep, type WorkerJob } from './worker-jobs'

interface Request {
  id: number
  act: 'echo' | 'exit' | 'hog' | 'hang' | 'thread'
  value?: string
}
interface Message {
  id: number
  type: 'progress' | 'done'
  value: string
}

const SCRIPT = `
import { parentPort, threadId } from 'node:worker_threads'
parentPort.on('message', (request) => {
  const { id, act, value } = request
  if (act === 'echo') {
    parentPort.postMessage({ id, type: 'progress', value: 'working' })
    parentPort.postMessage({ id, type: 'done', value })
  } else if (act === 'thread') parentPort.postMessage({ id, type: 'done', value: String(threadId) })
  else if (act === 'exit') process.exit(3)
  else if (act === 'hog') { const keep = []; for (;;) keep.push(new Array(1e5).fill(keep.length)) }
  else if (act === 'hang') for (;;) {}
})
`

let dir: string
let workerUrl: URL

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-worker-jobs-'))
  await writeFile(join(dir, 'worker.mjs'), SCRIPT)
  workerUrl = pathToFileURL(join(dir, 'worker.mjs'))
})

afterAll(() => rm(dir, { recursive: true, force: true }))

let nextId = 1

/** Runs one request; resolves with the messages it got, or rejects with what ended it. */
function submit(jobs: WorkerJobs<Message>, act: Request['act'], value = '', step: (m: Message) => JobStep = (m) => (m.type === 'done' ? 'done' : 'wait')) {
  const seen: string[] = []
  let job!: WorkerJob<Message>
  const done = new Promise<string[]>((resolve, reject) => {
    job = {
      request: { id: nextId++, act, value } as Request,
      onMessage: (message) => {
        seen.push(`${message.type}:${message.value}`)
        const next = step(message)
        if (next !== 'wait') resolve(seen)
        return next
      },
      onLost: reject,
    }
  })
  jobs.run(job)
  return { job, done }
}

describe('WorkerJobs', () => {
  it('runs jobs one at a time in order, passing every message of a job to it', async () => {
    const jobs = new WorkerJobs<Message>({ label: 'test worker', workerUrl: () => workerUrl })
    try {
      const results = await Promise.all(['a', 'b', 'c'].map((v) => submit(jobs, 'echo', v).done))
      expect(results).toEqual([
        ['progress:working', 'done:a'],
        ['progress:working', 'done:b'],
        ['progress:working', 'done:c'],
      ])
    } finally {
      await jobs.shutDown(new Error('end'))
    }
  })

  it('fails only the job whose worker died; the jobs behind it run on a fresh worker', async () => {
    const jobs = new WorkerJobs<Message>({ label: 'test worker', workerUrl: () => workerUrl })
    try {
      const first = await submit(jobs, 'thread').done
      const crash = submit(jobs, 'exit').done
      const after = submit(jobs, 'thread').done
      await expect(crash).rejects.toThrow('The test worker stopped before finishing (exit code 3).')
      const second = await after
      expect(second[0]).not.toBe(first[0])
    } finally {
      await jobs.shutDown(new Error('end'))
    }
  })

  it('reports a worker out of memory with its code, and goes on with a new one', async () => {
    const jobs = new WorkerJobs<Message>({ label: 'test worker', workerUrl: () => workerUrl, resourceLimits: { maxOldGenerationSizeMb: 24 } })
    try {
      const hog = submit(jobs, 'hog').done
      const after = submit(jobs, 'echo', 'still here').done
      const error = await hog.then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(WorkerLostError)
      expect(error).toMatchObject({ code: 'ERR_WORKER_OUT_OF_MEMORY' })
      expect(await after).toEqual(['progress:working', 'done:still here'])
    } finally {
      await jobs.shutDown(new Error('end'))
    }
  })

  it('stops a job in hand by terminating its worker, and drops a waiting one', async () => {
    const jobs = new WorkerJobs<Message>({ label: 'test worker', workerUrl: () => workerUrl })
    try {
      const hung = submit(jobs, 'hang')
      const waiting = submit(jobs, 'echo', 'never')
      const after = submit(jobs, 'echo', 'runs')
      let waitingSettled = false
      void waiting.done.finally(() => (waitingSettled = true))
      await jobs.stop(waiting.job)
      await jobs.stop(hung.job)
      expect(await after.done).toEqual(['progress:working', 'done:runs'])
      expect(waitingSettled).toBe(false)
    } finally {
      await jobs.shutDown(new Error('end'))
    }
  })

  it("replaces the worker after a job that says 'done-retire'", async () => {
    const jobs = new WorkerJobs<Message>({ label: 'test worker', workerUrl: () => workerUrl })
    try {
      const first = await submit(jobs, 'thread', '', () => 'done-retire').done
      const second = await submit(jobs, 'thread').done
      const third = await submit(jobs, 'thread').done
      expect(second[0]).not.toBe(first[0])
      expect(third[0]).toBe(second[0])
    } finally {
      await jobs.shutDown(new Error('end'))
    }
  })

  it('fails what is left on shut-down, and refuses jobs after it', async () => {
    const jobs = new WorkerJobs<Message>({ label: 'test worker', workerUrl: () => workerUrl })
    const outcome = (p: Promise<unknown>) => p.then(() => 'finished', (e: Error) => e.message)
    const hung = outcome(submit(jobs, 'hang').done)
    const waiting = outcome(submit(jobs, 'echo').done)
    await jobs.shutDown(new Error('closing'))
    expect(await hung).toBe('closing')
    expect(await waiting).toBe('closing')
    await expect(submit(jobs, 'echo').done).rejects.toThrow('closing')
    expect(jobs.hasWorker).toBe(false)
  })

  it('fails the job clearly when the worker script is missing', async () => {
    const jobs = new WorkerJobs<Message>({ label: 'test worker', workerUrl: () => pathToFileURL(join(dir, 'missing.mjs')) })
    try {
      await expect(submit(jobs, 'echo').done).rejects.toThrow(/test worker/)
    } finally {
      await jobs.shutDown(new Error('end'))
    }
  })
})
