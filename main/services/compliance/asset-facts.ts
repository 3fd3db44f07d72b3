import type { ApiContext } from '../../api/context';
import { conflict, invalid } from '../../api/envelope';
import { inTransaction } from '../../../db/connection';
import { setAssetColumn, setAssetFacts } from '../../../db/assets';
import { appendAssetEvent } from '../../../db/asset-events';
import { setAssetChainRows } from '../../../db/asset-tools';
import { FACT_KEYS } from '../../compliance';
import { requireAsset, showAsset, type AssetDetail } from '../asset-changes';
import { factText, factsJson, storedFacts, updatedFacts, type FactsUpdate } from './facts-input';
import { refreshAssetOutcomes } from './refresh';
import { assetChainIds, chainRowsToStore, requireTools, toolNames } from './tool-chain';

export interface AssetFactsChange {
  id: number;
  facts?: FactsUpdate;
  /** Replaces the whole tool chain (names, in order). */
  tools?: string[];
  by?: string;
  reason?: string;
}

/**
 * Changes an asset's facts and tool chain as one change: a history event per fact that really changed, and the
 * new outcome stored in the same transaction. A chain that no longer contains the asset's primary tool makes its
 * first tool the primary one (recorded as a tool edit), so `tool` always names a tool the asset was made with.
 */
export function changeAssetFacts(ctx: ApiContext, change: AssetFactsChange): AssetDetail {
  const a = requireAsset(ctx, change.id);
  if (a.retired_at) throw conflict(`Asset ${a.id} was retired on ${a.retired_at.slice(0, 10)} and can no longer be changed.`);
  const before = storedFacts(a.facts);
  const after = updatedFacts(before, change.facts);
  const oldChain = assetChainIds(ctx.db, a);
  let newChain = oldChain;
  let primary = a.tool_id;
  if (change.tools !== undefined) {
    newChain = requireTools(ctx, change.tools).map((t) => t.id);
    if (newChain.length === 0) throw invalid('An asset needs at least one tool in its chain.');
    if (primary === null || !newChain.includes(primary)) primary = newChain[0]!;
  }
  const by = change.by ?? ctx.actor();
  const at = ctx.now().toISOString();
  const event = (action: string, field: string, from: string, to: string) =>
    appendAssetEvent(ctx.db, { assetId: a.id, at, by, action, field, from, to, reason: change.reason ?? null });
  inTransaction(ctx.db, () => {
    for (const key of FACT_KEYS) {
      const [from, to] = [factText(before[key]), factText(after[key])];
      if (from !== to) event('facts', `facts.${key}`, from, to);
    }
    setAssetFacts(ctx.db, a.id, factsJson(after));
    if (primary !== a.tool_id && primary !== null) {
      event('edited', 'tool', a.tool_name ?? '', toolNames(ctx.db, [primary])[0]!);
      setAssetColumn(ctx.db, a.id, 'toolId', primary);
    }
    if (newChain.join(',') !== oldChain.join(',')) {
      event('facts', 'tools', toolNames(ctx.db, oldChain).join(', '), toolNames(ctx.db, newChain).join(', '));
    }
    setAssetChainRows(ctx.db, a.id, chainRowsToStore(primary, newChain));
    refreshAssetOutcomes(ctx, [a.id]);
  });
  return showAsset(ctx, a.id);
}
