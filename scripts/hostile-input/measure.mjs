// Preloaded into the CLI by the hostile-input suite (`node --import measure.mjs …`): when
// the process exits, writes its peak resident set size (main thread and worker threads:
// one process) and the CPU time it used to the file named by DOSSIER_MEASURE_OUT.
import { writeFileSync } from 'node:fs'

const out = process.env.DOSSIER_MEASURE_OUT
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(out, JSON.stringify({ maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }))
  })
}
