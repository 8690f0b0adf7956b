// Bundles the CLI benchmark (bench.ts, the parent, and worker.ts, which runs the REAL
// session and service code) into out/scripts/bench-cli/*.mjs for plain Node 20 (see
// scripts/shared/script-build.ts). The measured CLI itself is the app's own build,
// out/main/cli.js (`npx electron-vite build`).
//
//   npx vite build --config scripts/bench-cli/vite.config.ts
import { scriptBuildConfig } from '../shared/script-build.ts'

// The index worker is built beside them: the session the worker runs builds indexes in it.
export default scriptBuildConfig('bench-cli', { bench: 'bench.ts', worker: 'worker.ts', 'index-worker': '../../src/main/search/index-worker.ts' })
