// Bundles the storage benchmark (bench.ts, the parent, and bench-worker.ts, which runs the
// REAL storage code) into out/scripts/bench-storage/*.mjs for plain Node 20 (see
// scripts/shared/script-build.ts). An SSR build keeps Node built-ins and node_modules
// packages external, as the app's own main build does, so the worker loads lowdb, zod and
// pdfkit the way the app does (same memory).
//
//   npx vite build --config scripts/bench-storage/vite.config.ts
import { scriptBuildConfig } from '../shared/script-build.ts'

export default scriptBuildConfig('bench-storage', { bench: 'bench.ts', 'bench-worker': 'bench-worker.ts', 'extract-worker': '../../src/main/import/extract-worker.ts' })
