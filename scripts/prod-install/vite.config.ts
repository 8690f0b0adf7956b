// Bundles the production-only suite's document builder (fixtures.ts, with the pdfkit/jszip
// builders from src/main/import/test-documents.ts) into out/scripts/prod-install/fixtures.mjs
// for plain Node (see scripts/shared/script-build.ts). It runs from the project, not from
// the production-only copy: only the app's own code is tested there.
//
//   npx vite build --config scripts/prod-install/vite.config.ts
import { scriptBuildConfig } from '../shared/script-build.ts'

export default scriptBuildConfig('prod-install', { fixtures: 'fixtures.ts' })
