import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/connection';
import { insertAssetBatch, insertedAssetRow, type AssetBatchRow, type AssetBatchShared } from '../../db/asset-batch';
import { countAssets, getAsset, listAssets, setAssetColumn } from '../../db/assets';
import { appendAssetEventBatch, listAssetEvents } from '../../db/asset-events';
import { addChainRowsToNewAssets, assetChainRows } from '../../db/asset-tools';
import { seedSynthetic } from '../support/seed';

function seeded() {
  const db = openDb(':memory:');
  seedSynthetic(db, 50, { productions: 2, tools: 3 });
  return db;
}

const shared: AssetBatchShared = {
  productionId: 1, episode: 'E2', classification: 'deliverable', toolId: 2, createdBy: 'ana', plannedUseId: null,
  facts: '{"unownedMaterial":"no"}', outcome: 'disclose',
};

function rows(n: number): AssetBatchRow[] {
  return Array.from({ length: n }, (_, i) => ({
    fileName: `batch_${i}.exr`, path: `/r/batch_${i}.exr`, sha256: i.toString(16).padStart(64, '0'), size: 10 + i,
    mediaType: i % 2 ? 'video' : 'image', createdAt: `2026-05-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
    prompt: i === 7 ? 'Éclair over the harbour' : 'bulk', notes: i === 600 ? 'needs review' : '',
  }));
}

describe('bulk asset insert', () => {
  it('stores every row (any batch size, in order) exactly as insertedAssetRow describes it', () => {
    const db = seeded();
    const batch = rows(605); // 512 + 64 + 8 + 8 + 8 + 5 x 1: every statement size of the ladder
    const ids = insertAssetBatch(db, shared, batch);
    expect(ids).toHaveLength(605);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(605);
    const names = { productionCode: 'SEED1', toolName: 'SeedTool2' };
    batch.forEach((r, i) => expect(getAsset(db, ids[i]!)).toEqual(insertedAssetRow(shared, r, ids[i]!, names)));
  });

  it('keeps the search index in step: new rows are found by prompt (diacritics folded), notes and file name', () => {
    const db = seeded();
    const ids = insertAssetBatch(db, shared, rows(605));
    const search = (text: string) => listAssets(db, { search: text }, { sort: 'id', direction: 'asc', offset: 0, limit: 10 }).map((a) => a.id);
    expect(search('eclair harb')).toEqual([ids[7]]);
    expect(search('review')).toEqual([ids[600]]);
    expect(search('batch_42')).toEqual([ids[42], ...ids.slice(420, 429)]);
    expect(countAssets(db, { search: 'batch_42' })).toBe(11);
    expect(countAssets(db, { search: 'sedtool2 ana' })).toBe(0);
    expect(countAssets(db, { search: 'seedtool2 ana' })).toBe(605);
  });

  it('refuses content already logged in the production and writes nothing of that statement', () => {
    const db = seeded();
    insertAssetBatch(db, shared, rows(3));
    const before = db.prepare('SELECT count(*) AS n FROM assets').get();
    expect(() => insertAssetBatch(db, shared, rows(3))).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual(before);
  });

  it('writes one history event per asset and the same stored chain for every new asset', () => {
    const db = seeded();
    const ids = insertAssetBatch(db, shared, rows(3));
    appendAssetEventBatch(db, { at: '2026-05-01T00:00:00.000Z', by: 'ana', action: 'logged' }, ids.map((id, i) => ({ assetId: id, to: `sha${i}` })));
    addChainRowsToNewAssets(db, ids, [3, 1]);
    ids.forEach((id, i) => {
      expect(listAssetEvents(db, id)).toMatchObject([{ asset_id: id, by: 'ana', action: 'logged', to_value: `sha${i}`, from_value: null }]);
      expect(assetChainRows(db, id)).toEqual([3, 1]);
    });
    expect(() => db.prepare('DELETE FROM asset_events').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM assets WHERE id = ?').run(ids[0])).toThrow(/never deleted/);
  });
});

describe('counting search matches in the full-text index alone', () => {
  it('gives the same total as counting through the assets table, after edits and a tool rename', () => {
    const db = seeded();
    setAssetColumn(db, 4, 'notes', 'client review needed');
    setAssetColumn(db, 8, 'prompt', 'a review of the dragon');
    db.prepare("UPDATE tools SET name = 'Reviewer' WHERE id = 2").run();
    for (const text of ['review', 'dragon', 'shot_4', 'artist1', 'reviewer', 'nothing-like-this', 'dragon review']) {
      const viaAssets = (db.prepare(`SELECT count(*) AS n FROM assets a
        WHERE a.id IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?)`).get(text.split(' ').map((w) => `"${w}"*`).join(' ')) as { n: number }).n;
      expect(countAssets(db, { search: text, retired: 'include', extra: [] })).toBe(viaAssets);
      expect(countAssets(db, { search: text })).toBe(viaAssets);
    }
    expect(countAssets(db, { search: 'reviewer' })).toBeGreaterThan(0);
  });

  it('still counts through assets when another condition applies', () => {
    const db = seeded();
    db.prepare("UPDATE assets SET retired_at = '2026-01-02', retired_reason = 'x' WHERE id IN (1, 2)").run();
    expect(countAssets(db, { search: 'shot' })).toBe(50);
    expect(countAssets(db, { search: 'shot', retired: 'exclude' })).toBe(48);
    expect(countAssets(db, { search: 'shot', productionId: 1 })).toBe(25);
    expect(countAssets(db, { search: 'shot', extra: [{ sql: 'a.id <= ?', params: [10] }] })).toBe(10);
  });
});
