/** Tag co-occurrence and tag-by-article/outlet grids, with CSV output. Pure core. */
export * from './cooccurrence'
export * from './csv'
