import type { ApiContext } from '../../api/context';
import type { AssetRow } from '../../../db/assets';
import { listApprovalRows } from '../../../db/approvals';
import { assetOutcomeRow, setAssetOutcome } from '../../../db/outcomes';
import { getPlannedUseRow } from '../../../db/planned-uses';
import type { Assessment, Facts } from '../../compliance';
import { notFound } from '../../api/envelope';
import { Assessor } from './assessor';
import { toApproval, type Approval } from './approvals';
import { storedFacts } from './facts-input';
import { assetChainIds, toolNames } from './tool-chain';

/** Everything the asset detail view shows about compliance, so it needs one call. */
export interface AssetCompliance {
  facts: Facts;
  /** Tool names in chain order; the primary tool when no chain was stated. */
  toolChain: string[];
  plannedUse: { id: number; title: string } | null;
  assessment: Assessment;
  /** Every approval naming the asset, superseded and denied ones included (see `current`, `decision`). */
  approvals: Approval[];
}

export function assetCompliance(ctx: ApiContext, a: AssetRow): AssetCompliance {
  const use = a.planned_use_id === null ? undefined : getPlannedUseRow(ctx.db, a.planned_use_id);
  return {
    facts: storedFacts(a.facts),
    toolChain: toolNames(ctx.db, assetChainIds(ctx.db, a)),
    plannedUse: use ? { id: use.id, title: use.title } : null,
    assessment: assessAssetRow(ctx, a.id),
    approvals: listApprovalRows(ctx.db, { assetId: a.id }).map((r) => toApproval(ctx, r)),
  };
}

function assessAssetRow(ctx: ApiContext, id: number): Assessment {
  const row = assetOutcomeRow(ctx.db, id);
  if (!row) throw notFound(`No asset with id ${id}.`);
  return new Assessor(ctx.db, ctx.now()).assessAsset(row);
}

/** Re-runs the rule engine for one asset, stores the outcome if it drifted, and returns the full assessment. */
export function assessAsset(ctx: ApiContext, id: number): Assessment & { id: number } {
  const row = assetOutcomeRow(ctx.db, id);
  if (!row) throw notFound(`No asset with id ${id}.`);
  const assessment = new Assessor(ctx.db, ctx.now()).assessAsset(row);
  if (assessment.outcome !== row.outcome) setAssetOutcome(ctx.db, id, assessment.outcome);
  return { id, ...assessment };
}
