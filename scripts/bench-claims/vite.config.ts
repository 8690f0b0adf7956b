// Bundles the claims benchmark (bench.ts) into out/scripts/bench-claims/bench.mjs for plain
// Node 20 (see scripts/shared/script-build.ts): the REAL sourcing core.
//
//   npx vite build --config scripts/bench-claims/vite.config.ts
import { scriptBuildConfig } from '../shared/script-build.ts'

export default scriptBuildConfig('bench-claims', { bench: 'bench.ts' })
