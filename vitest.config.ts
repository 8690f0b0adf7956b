import { defineConfig } from 'vitest/config'

// Unit tests run in Node. Renderer tests that need a DOM opt in per file with a
// `// @vitest-environment jsdom` docblock at the top. Imports read files in the real
// extraction worker, bundled once per run by the global setup.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'scripts/**/*.test.mjs'],
    // scripts/hostile-input is its own suite (its own config: it builds the app and runs the CLI).
    exclude: ['e2e/**', '**/node_modules/**', 'out/**', 'dist/**', 'reports/**', 'test-results/**', 'scripts/hostile-input/**'],
    environment: 'node',
    testTimeout: 20_000,
    globalSetup: ['src/main/workers/vitest-global-setup.ts'],
    setupFiles: ['src/main/workers/vitest-setup.ts'],
  },
})
