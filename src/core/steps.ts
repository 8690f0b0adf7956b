/**
 * Work written once as a generator that yields where it may pause (a few milliseconds
 * apart), run either at once (`runSteps`: the CLI, a worker) or with a turn of the event
 * loop at each pause (`runStepsInSlices`: the app's main thread). One body of code for
 * both ways, so they cannot drift apart. Pure: the caller supplies the turn.
 */

/** Runs the steps to their end without pausing; returns what the generator returns. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** Runs the steps to their end, awaiting `turn` at each pause; returns what the generator returns. */
export async function runStepsInSlices<T>(steps: Generator<void, T>, turn: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    await turn()
  }
}
