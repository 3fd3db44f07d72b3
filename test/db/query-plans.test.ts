import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/connection';
import { countAssetsSql, listAssetsSql, type AssetFilter, type AssetPage } from '../../db/assets';
import { LOGGED_DRAFTS } from '../../db/inbox';
import { seedSynthetic } from '../support/seed';

const db = openDb(':memory:');
seedSynthetic(db, 5000);
const page: AssetPage = { sort: 'createdAt', direction: 'desc', offset: 0, limit: 200 };

function plan(q: { sql: string; params: unknown[] }): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('list and search queries use their indexes', () => {
  const cases: [string, AssetFilter, AssetPage, RegExp][] = [
    ['newest first', {}, page, /SCAN a USING (COVERING )?INDEX assets_by_created/],
    ['by production', { productionId: 1 }, page, /SEARCH a USING (COVERING )?INDEX assets_by_production/],
    ['by production and classification', { productionId: 1, classification: 'deliverable' }, page, /SEARCH a USING (COVERING )?INDEX assets_by_production_class/],
    ['by classification', { classification: 'deliverable' }, page, /SEARCH a USING (COVERING )?INDEX assets_by_class/],
    ['by media type', { mediaType: 'video' }, page, /SEARCH a USING (COVERING )?INDEX assets_by_media/],
    ['by tool', { toolId: 1 }, page, /SEARCH a USING (COVERING )?INDEX assets_by_tool/],
    ['by artist', { createdBy: 'artist3' }, page, /SEARCH a USING (COVERING )?INDEX assets_by_artist/],
    ['by date range', { from: '2026-03-01', to: '2026-04-01' }, page, /SEARCH a USING (COVERING )?INDEX assets_by_created \(created_at>\? AND created_at<\?\)/],
    ['sorted by file name', {}, { ...page, sort: 'fileName' }, /SCAN a USING (COVERING )?INDEX assets_by_file_name/],
    ['sorted by size', {}, { ...page, sort: 'size' }, /SCAN a USING (COVERING )?INDEX assets_by_size/],
    ['full-text search', { search: 'dragon' }, page, /SCAN assets_fts VIRTUAL TABLE INDEX 0:M/],
  ];
  it('pages deep into the log by ids alone, joining only the rows shown', () => {
    expect(plan(listAssetsSql({}, { ...page, offset: 4000 }))).toMatch(/LIST SUBQUERY[\s\S]*SCAN a USING COVERING INDEX assets_by_created/);
  });
  it('counts a search with no other condition in the full-text index alone', () => {
    expect(plan(countAssetsSql({ search: 'dragon', retired: 'include', extra: [] }))).toMatch(/^SCAN assets_fts VIRTUAL TABLE INDEX 0:M\d*$/);
    expect(plan(countAssetsSql({ search: 'dragon', retired: 'exclude' }))).toMatch(/SEARCH a USING INTEGER PRIMARY KEY/);
  });
  it.each(cases)('%s', (_name, filter, p, expected) => {
    const listPlan = plan(listAssetsSql(filter, p));
    expect(listPlan).toMatch(expected);
    // The main table is never scanned row by row without an index.
    expect(listPlan).not.toMatch(/SCAN a\b(?! USING)/);
    expect(plan(countAssetsSql(filter))).not.toMatch(/SCAN (a|assets)\b(?! USING)/);
  });
});

describe('inbox queries use their indexes', () => {
  it('settling drafts already logged looks at pending drafts only, and finds each one\'s asset by production and hash', () => {
    for (const sql of [`SELECT 1 FROM inbox, ${LOGGED_DRAFTS}`, `UPDATE inbox SET status = 'confirmed', asset_id = a.id FROM ${LOGGED_DRAFTS}`]) {
      const settle = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ only: null, watch: 1 }) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(settle).toMatch(/SEARCH inbox USING (COVERING )?INDEX inbox_by_status \(status=\?\)/);
      expect(settle).toMatch(/SEARCH a USING (COVERING )?INDEX sqlite_autoindex_assets_\d+ \(production_id=\? AND sha256=\?\)/);
      expect(settle).not.toMatch(/SCAN (a|p|inbox)\b/);
    }
  });
});
