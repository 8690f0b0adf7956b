/**
 * ACH matrices (Analysis of Competing Hypotheses; notes/ach.md). Pure core: the schema
 * (./schema), the immutable edits (./edit) and Heuer's scoring (./score). Storage is
 * src/main/ach/, the command line src/cli/ach-commands.ts.
 */
export * from './schema'
export * from './edit'
export * from './score'
