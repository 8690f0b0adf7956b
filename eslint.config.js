// Lint, and above all the layer rules (notes/architecture.md): which folder may import
// what. A wrong import across layers is a lint error, and lint runs in CI.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = [
  'fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'events',
  'http', 'https', 'net', 'tls', 'zlib', 'worker_threads', 'buffer', 'process', 'module', 'readline',
]

const noElectron = { regex: '^electron(/.*)?$', message: 'Electron may only be imported in src/main/electron/** and src/preload.' }
const noNode = { regex: `^(node:.*|${NODE_BUILTINS.join('|')})$`, message: 'Node built-ins are not available in this layer.' }
const noReact = { regex: '^react(-dom)?(/.*)?$', message: 'React belongs to src/renderer only.' }
const noNodeLibs = { regex: '^(lowdb|pdfkit|commander)(/.*)?$', message: 'Storage, PDF and CLI libraries belong to src/main and src/cli.' }
const noMain = { group: ['**/main/**', '**/main'], message: 'Reach the main process only through the API contract (src/core/api.ts).' }
const noRenderer = { group: ['**/renderer/**'], message: 'Nothing imports the renderer.' }
const noPreload = { group: ['**/preload/**'], message: 'Nothing imports the preload.' }
const noCli = { group: ['**/cli/**'], message: 'Nothing imports the CLI.' }

const restrict = (...patterns) => ['error', { patterns }]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'reports/**', 'test-results/**', 'test-artifacts/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(noElectron, noNode, noReact, noNodeLibs, noMain, noRenderer, noPreload, noCli),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    languageOptions: { globals: globals.node },
    rules: {
      // Type-only imports of electron are erased at build time, so they are allowed.
      'no-restricted-imports': ['error', { patterns: [{ ...noElectron, allowTypeImports: true }, noReact, noRenderer, noPreload, noCli] }],
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': restrict(noReact, noRenderer, noPreload, noCli) },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(noNode, noReact, noNodeLibs, noMain, noRenderer, noCli) },
  },
  {
    files: ['src/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': restrict(noElectron, noReact, noRenderer, noPreload, { group: ['**/main/electron/**'], message: 'The CLI runs without Electron.' }) },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(noElectron, noNode, noNodeLibs, noMain, noPreload, noCli),
      // Exactly one module reads the bridge (src/renderer/src/api.ts).
      'no-restricted-properties': ['error', { object: 'window', property: 'dossier', message: 'Use src/renderer/src/api.ts.' }],
    },
  },
  {
    // api.ts reads the bridge; its test installs a fake one.
    files: ['src/renderer/src/api.ts', 'src/renderer/src/api.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'scripts/**/*.{js,mjs}', 'bin/**/*.js', '*.config.{js,ts}', '*.config.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
)
