/**
 * The packaged app's Electron fuses, read from electron-builder's own configuration file
 * (electron-builder.yml, parsed with js-yaml as electron-builder parses it) and checked
 * against electron-builder's configuration schema, so a misspelt fuse cannot pass silently.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import Ajv from 'ajv'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
const fuses = (config.electronFuses ?? {}) as Record<string, unknown>

/** electron-builder's JSON schema, from the app-builder-lib it depends on. */
function electronBuilderSchema(): object {
  const fromElectronBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'))
  return JSON.parse(readFileSync(fromElectronBuilder.resolve('app-builder-lib/scheme.json'), 'utf8')) as object
}

describe('electron-builder configuration', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(electronBuilderSchema())

  it('is valid for electron-builder (unknown keys, such as a misspelt fuse, are errors)', () => {
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ ...config, electronFuses: { ...fuses, runAsnode: false } })).toBe(false)
  })

  it.each([
    ['runAsNode', false, 'ELECTRON_RUN_AS_NODE cannot turn the app into a Node runtime'],
    ['enableNodeOptionsEnvironmentVariable', false, 'NODE_OPTIONS and NODE_EXTRA_CA_CERTS are ignored'],
    ['enableNodeCliInspectArguments', false, '--inspect, --inspect-brk and SIGUSR1 open no debugger'],
    ['enableEmbeddedAsarIntegrityValidation', true, 'app.asar is checked against its embedded hash'],
    ['onlyLoadAppFromAsar', true, 'the app code is loaded from app.asar only'],
    ['grantFileProtocolExtraPrivileges', false, 'file:// pages get no more than in a browser'],
    ['enableCookieEncryption', true, 'the cookie store is encrypted with the OS keys'],
    ['loadBrowserProcessSpecificV8Snapshot', false, 'no separate browser-process snapshot is expected'],
  ])('sets the %s fuse to %s: %s', (fuse, value) => {
    expect(fuses[fuse]).toBe(value)
  })

  it('packs the app into an asar archive, which onlyLoadAppFromAsar requires', () => {
    expect(config.asar).toBe(true)
  })
})
