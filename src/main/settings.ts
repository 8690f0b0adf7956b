/**
 * App settings kept in `<userData>/settings.json`: which notebook was open last.
 * Written durably; an unreadable settings file is ignored (it holds nothing precious)
 * but is not overwritten until the user opens a notebook.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { writeFileDurably } from './storage/durable-write'

export interface Settings {
  lastNotebook?: string
}

export function settingsFile(userData: string): string {
  return join(userData, 'settings.json')
}

export async function readSettings(userData: string): Promise<Settings> {
  try {
    const parsed: unknown = JSON.parse(await readFile(settingsFile(userData), 'utf8'))
    if (parsed && typeof parsed === 'object' && typeof (parsed as Settings).lastNotebook === 'string') {
      return { lastNotebook: (parsed as Settings).lastNotebook }
    }
  } catch {
    // Missing or damaged: start from defaults.
  }
  return {}
}

export async function writeSettings(userData: string, settings: Settings): Promise<void> {
  const file = settingsFile(userData)
  await mkdir(dirname(file), { recursive: true })
  await writeFileDurably(file, JSON.stringify(settings, null, 2))
}
