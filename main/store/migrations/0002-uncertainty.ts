import type { Migration } from './types';

/** Scenarios carry the ranges of their uncertain inputs (Monte Carlo), as JSON. */
export const uncertaintyRanges: Migration = {
  version: 2,
  name: 'uncertainty ranges of scenario inputs',
  up(db) {
    db.exec('ALTER TABLE scenario ADD COLUMN uncertainty TEXT');
  },
};
