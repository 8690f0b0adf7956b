// Bundles the search benchmark (bench.ts) with the REAL search code from src/core/search
// into out/scripts/bench-search/bench.mjs for plain Node 20 (see scripts/shared/script-build.ts).
// An SSR build keeps node_modules (minisearch, zod) external, loaded as the app loads them.
//
//   npx vite build --config scripts/bench-search/vite.config.ts
import { scriptBuildConfig } from '../shared/script-build.ts'

export default scriptBuildConfig('bench-search', { bench: 'bench.ts' })
