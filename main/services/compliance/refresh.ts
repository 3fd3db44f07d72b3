import type { ApiContext } from '../../api/context';
import { assetOutcomeRow, setAssetOutcome, setUseOutcome } from '../../../db/outcomes';
import { getPlannedUseRow } from '../../../db/planned-uses';
import { Assessor } from './assessor';

type Ctx = Pick<ApiContext, 'db' | 'now'>;

/**
 * Re-runs the rule engine for these assets and stores their outcome. Call it inside the transaction that changed
 * what they are judged on, so the stored outcome never disagrees with the facts, tools, consents and approvals.
 */
export function refreshAssetOutcomes(ctx: Ctx, ids: Iterable<number>, assessor = new Assessor(ctx.db, ctx.now())): void {
  for (const id of new Set(ids)) {
    const row = assetOutcomeRow(ctx.db, id);
    if (!row) continue;
    const { outcome } = assessor.assessAsset(row);
    if (outcome !== row.outcome) setAssetOutcome(ctx.db, id, outcome);
  }
}

export function refreshUseOutcomes(ctx: Ctx, ids: Iterable<number>, assessor = new Assessor(ctx.db, ctx.now())): void {
  for (const id of new Set(ids)) {
    const row = getPlannedUseRow(ctx.db, id);
    if (!row) continue;
    const { outcome } = assessor.assessUse(row);
    if (outcome !== row.outcome) setUseOutcome(ctx.db, id, outcome);
  }
}
