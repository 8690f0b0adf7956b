// Bundles the reader benchmark driver (bench.ts) into out/scripts/bench-reader/bench.mjs
// for plain Node (see scripts/shared/script-build.ts); the page it drives is built by
// vite.page.config.ts.
//
//   npx vite build --config scripts/bench-reader/vite.config.ts
import { scriptBuildConfig } from '../shared/script-build.ts'

export default scriptBuildConfig('bench-reader', { bench: 'bench.ts' })
