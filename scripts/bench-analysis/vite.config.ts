// Bundles the analysis benchmark driver (bench.ts) into out/scripts/bench-analysis/bench.mjs
// for plain Node (see scripts/shared/script-build.ts); the page it drives is built by
// vite.page.config.ts.
//
//   npx vite build --config scripts/bench-analysis/vite.config.ts
import { scriptBuildConfig } from '../shared/script-build.ts'

export default scriptBuildConfig('bench-analysis', { bench: 'bench.ts' })
