/**
 * Proves the layer rules (eslint.config.js) can fail: each forbidden import, linted as
 * if it sat in the layer, must be reported; the allowed ones must not.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname })

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file })
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message)
}

describe('layer rules', () => {
  it.each([
    ['src/core/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/core/x.ts', "import { readFile } from 'node:fs/promises'\nexport const a = readFile"],
    ['src/core/x.ts', "import { join } from 'path'\nexport const a = join"],
    ['src/core/x.ts', "import { useState } from 'react'\nexport const a = useState"],
    ['src/core/x.ts', "import { Low } from 'lowdb'\nexport const a = Low"],
    ['src/core/x.ts', "import { NotebookStore } from '../main/storage/notebook-store'\nexport const a = NotebookStore"],
    ['src/core/x.ts', 'export const a = document.title'],
    ['src/main/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/cli/x.ts', "import { registerIpcHandlers } from '../main/electron/ipc'\nexport const a = registerIpcHandlers"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer"],
    ['src/renderer/src/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"],
    ['src/renderer/src/x.ts', "import { createMainService } from '../../main/service'\nexport const a = createMainService"],
    ['src/renderer/src/x.ts', 'export const a = window.dossier'],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, code)).not.toEqual([])
  })

  it.each([
    ['src/core/x.ts', "import { z } from 'zod'\nexport const a = z"],
    ['src/main/x.ts', "import type { BrowserWindow } from 'electron'\nexport type A = BrowserWindow"],
    ['src/main/electron/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/renderer/src/x.ts', "import { API_METHODS } from '../../core/api'\nexport const a = API_METHODS"],
    ['src/renderer/src/api.ts', 'export const a = window.dossier'],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([])
  })
})
