import { defineConfig } from '@playwright/test'
import type { HarnessOptions } from './e2e/harness'

/**
 * Every spec runs twice: in Debian's Chromium against the real main-process handlers
 * (bound into the page by e2e/harness.ts), and in real Electron, which skips with its
 * reason where no Electron binary exists.
 */
export default defineConfig<HarnessOptions>({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        harnessMode: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    { name: 'electron', use: { harnessMode: 'electron' } },
  ],
})
