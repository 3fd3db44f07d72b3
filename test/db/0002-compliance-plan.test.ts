import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/connection';
import { countAssetsSql, listAssetsSql, outcomeCondition, type AssetPage } from '../../db/assets';
import { UNASSESSED_ASSETS_SQL } from '../../db/outcomes';
import { seedSynthetic } from '../support/seed';

const db = openDb(':memory:');
seedSynthetic(db, 5000);
db.exec(`UPDATE assets SET outcome = CASE id % 4 WHEN 0 THEN 'disclose' WHEN 1 THEN 'escalate' WHEN 2 THEN 'blocked' ELSE 'cleared' END`);
db.exec('ANALYZE');
const page: AssetPage = { sort: 'createdAt', direction: 'desc', offset: 0, limit: 200 };

function plan(q: { sql: string; params: unknown[] }): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('the outcome filter uses assets_by_outcome', () => {
  it('lists newest first by outcome through the index, sorting only the page it returns', () => {
    const listPlan = plan(listAssetsSql({ extra: [outcomeCondition('blocked')] }, page));
    expect(listPlan).toMatch(/SEARCH a USING (COVERING )?INDEX assets_by_outcome \(outcome=\?\)/);
    // The id subquery walks the index in order; only the outer query sorts its (at most `limit`) rows.
    expect(listPlan.match(/TEMP B-TREE/g) ?? []).toHaveLength(1);
    expect(listPlan.indexOf('TEMP B-TREE')).toBeGreaterThan(listPlan.lastIndexOf('assets_by_outcome'));
  });

  it('counts by outcome through the index', () => {
    expect(plan(countAssetsSql({ extra: [outcomeCondition('escalate')] }))).toMatch(/USING (COVERING )?INDEX assets_by_outcome \(outcome=\?\)/);
  });

  it('finds rows never assessed through the index', () => {
    expect(plan({ sql: UNASSESSED_ASSETS_SQL, params: [5000] })).toMatch(/SEARCH a USING (COVERING )?INDEX assets_by_outcome \(outcome=\?\)/);
  });
});
