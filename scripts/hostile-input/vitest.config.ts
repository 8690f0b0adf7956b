// The hostile-input suite (issue 11): `npx vitest run --config scripts/hostile-input/vitest.config.ts`.
// Its own config, not part of the unit run: it builds the app, generates the corpus and
// runs the built CLI as child processes, one at a time (figures are per process).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['scripts/hostile-input/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
