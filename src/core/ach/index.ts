/**
 * ACH matrices (Analysis of Competing Hypotheses; notes/ach.md). Pure core: the schema
 * (./schema), the immutable edits (./edit), Heuer's scoring (./score) and the Markdown
 * and CSV forms (./export). Storage is
 * src/main/ach/, the command line src/cli/ach-commands.ts.
 */
export * from './schema'
export * from './edit'
export * from './score'
export * from './export'
export * from './grade-weights'
