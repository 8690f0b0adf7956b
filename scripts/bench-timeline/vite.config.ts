// Bundles the timeline benchmark driver (bench.ts) into out/scripts/bench-timeline/bench.mjs
// for plain Node (see scripts/shared/script-build.ts); the page it drives is built by
// vite.page.config.ts.
//
//   npx vite build --config scripts/bench-timeline/vite.config.ts
import { scriptBuildConfig } from '../shared/script-build.ts'

export default scriptBuildConfig('bench-timeline', { bench: 'bench.ts' })
