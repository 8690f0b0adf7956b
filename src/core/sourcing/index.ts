/** Sourcing: outlets and grades, attribution, claims and independent-source counts (notes/sourcing.md). Pure core. */
export * from './schema'
export * from './outlets'
export * from './grading'
export * from './attribution'
export * from './claims'
