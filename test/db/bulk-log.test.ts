import { describe, expect, it } from 'vitest';
import { createContext } from '../../main/app-context';
import { insertHashed, type HashedFile } from '../../main/services/log-assets';
import { toAsset } from '../../main/services/asset-json';
import { defaultFacts } from '../../main/compliance';
import { getAsset } from '../../db/assets';
import { listAssetEvents } from '../../db/asset-events';
import { assetChainRows } from '../../db/asset-tools';
import { seedSynthetic } from '../support/seed';

function context() {
  const ctx = createContext({ dbPath: ':memory:', transport: 'test', actor: 'ana', now: () => new Date('2026-05-01T10:00:00Z') });
  seedSynthetic(ctx.db, 20, { productions: 2, tools: 3 });
  return ctx;
}

function file(name: string, sha: string, extra: Partial<HashedFile> = {}): HashedFile {
  return { fileName: name, path: `/r/${name}`, sha256: sha.repeat(64), size: 100, mediaType: 'image', ...extra };
}

const req = { prompt: '', notes: '', episode: 'E1', classification: 'temporary' as const };

describe('bulk logging (insertHashed)', () => {
  it('returns each file as the log stores it, duplicates (in the log or repeated in the batch) marked and not re-logged', () => {
    const ctx = context();
    const [earlier] = insertHashed(ctx, 1, 1, req, [file('old.png', 'a')]);
    const files = [
      file('one.png', 'b', { prefill: { prompt: 'castle from the file', createdAt: '2026-04-30T08:00:00.000Z' } }),
      file('again.png', 'a'),
      file('two.png', 'c'),
      file('one-copy.png', 'b'),
    ];
    const logged = insertHashed(ctx, 1, 1, { ...req, notes: 'from the request' }, files);
    expect(logged.map((l) => [l.fileName, l.duplicate])).toEqual([
      ['one.png', false], ['old.png', true], ['two.png', false], ['one.png', true],
    ]);
    expect(logged[1]!.id).toBe(earlier!.id);
    expect(logged[3]!.id).toBe(logged[0]!.id);
    for (const l of logged) {
      const { duplicate: _duplicate, ...asset } = l;
      expect(asset).toEqual(toAsset(getAsset(ctx.db, l.id)!));
    }
    expect(logged[0]).toMatchObject({ prompt: 'castle from the file', notes: 'from the request', createdAt: '2026-04-30T08:00:00.000Z', tool: 'SeedTool1', production: 'SEED1', createdBy: 'ana' });
    expect(ctx.db.prepare("SELECT count(*) AS n FROM assets WHERE file_name IN ('one.png','two.png','again.png','one-copy.png')").get()).toEqual({ n: 2 });
    expect(listAssetEvents(ctx.db, logged[0]!.id)).toMatchObject([{ action: 'logged', by: 'ana', to_value: 'b'.repeat(64) }]);
    expect(listAssetEvents(ctx.db, earlier!.id)).toHaveLength(1);
  });

  it('stores a chain beyond the primary tool for every new asset, and nothing when the chain is just the tool', () => {
    const ctx = context();
    const compliance = { facts: defaultFacts(), chain: [1, 3], classification: 'deliverable' as const, plannedUseId: null };
    const chained = insertHashed(ctx, 2, 1, { ...req, compliance }, [file('x.png', 'd'), file('y.png', 'e')]);
    const plain = insertHashed(ctx, 2, 1, req, [file('z.png', 'f')]);
    expect(chained.map((a) => assetChainRows(ctx.db, a.id))).toEqual([[1, 3], [1, 3]]);
    expect(chained.map((a) => a.outcome)).toEqual(['escalate', 'escalate']);
    expect(assetChainRows(ctx.db, plain[0]!.id)).toEqual([]);
  });

  it('writes nothing when one row of the batch is refused', () => {
    const ctx = context();
    const before = ctx.db.prepare('SELECT (SELECT count(*) FROM assets) AS a, (SELECT count(*) FROM asset_events) AS e').get();
    expect(() => insertHashed(ctx, 1, 1, req, [file('ok.png', '1'), file('bad.png', '2', { size: -1 })])).toThrow(/CHECK/);
    expect(ctx.db.prepare('SELECT (SELECT count(*) FROM assets) AS a, (SELECT count(*) FROM asset_events) AS e').get()).toEqual(before);
  });
});
