/**
 * Where Dossier keeps things, computed without Electron so the CLI agrees with the app.
 * `userDataDir` follows Electron's `app.getPath('userData')` for productName "Dossier".
 */
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Dossier'

export function appDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME ?? join(home, '.config')
}

export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return join(appDataDir(platform, env, home), APP_NAME)
}

/** The notebook used when none is named: `<userData>/notebooks/Dossier`. */
export function defaultNotebookDir(userData = userDataDir()): string {
  return join(userData, 'notebooks', 'Dossier')
}

/**
 * The PDF fonts: `DOSSIER_FONTS_DIR`, else the first candidate holding them (packaged
 * resources, then the project's resources/fonts seen from the built or source file).
 */
export function findFontsDir(candidates: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const all = env.DOSSIER_FONTS_DIR ? [env.DOSSIER_FONTS_DIR, ...candidates] : candidates
  const found = all.find((dir) => existsSync(join(dir, 'NotoSans-Regular.ttf')))
  if (!found) throw new Error(`The PDF fonts were not found in any of: ${all.join(', ')}`)
  return found
}
