// Bundles the annotation import benchmark (bench.ts) into out/scripts/bench-annotations/bench.mjs
// for plain Node 20 (see scripts/shared/script-build.ts): the REAL session and W3C import code.
//
//   npx vite build --config scripts/bench-annotations/vite.config.ts
import { scriptBuildConfig } from '../shared/script-build.ts'

export default scriptBuildConfig('bench-annotations', { bench: 'bench.ts' })
