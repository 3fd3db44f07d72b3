import type { ApiContext } from '../../api/context';
import { assetOutcomeCounts, useOutcomeCounts, type OutcomeCounts } from '../../../db/outcomes';
import { requireProduction } from '../productions';
import { listApprovalInbox, type InboxItem } from './inbox';
import { ensureOutcomesCurrent } from './pending';
import { listStaleTemporaries, type StaleAsset } from './stale';

export interface Dashboard {
  production: string;
  /** Active (not retired) assets and planned uses by outcome. */
  assets: OutcomeCounts;
  uses: OutcomeCounts;
  /** Items that need a written approval before they may be used as planned (escalate + blocked). */
  pendingApprovals: { assets: number; uses: number; total: number };
  /** Blocked items, oldest first (up to `limit`), with what blocks them. */
  blocked: { total: number; items: InboxItem[] };
  staleTemporaries: { staleDays: number; total: number; items: StaleAsset[] };
}

export function getDashboard(ctx: ApiContext, req: { production: string; limit: number }): Dashboard {
  ensureOutcomesCurrent(ctx);
  const p = requireProduction(ctx, req.production);
  const assets = assetOutcomeCounts(ctx.db, p.id);
  const uses = useOutcomeCounts(ctx.db, p.id);
  const pendingAssets = assets.escalate + assets.blocked;
  const pendingUses = uses.escalate + uses.blocked;
  const blocked = listApprovalInbox(ctx, { production: p.code, outcomes: ['blocked'], offset: 0, limit: req.limit });
  const stale = listStaleTemporaries(ctx, { production: p.code, limit: req.limit });
  return {
    production: p.code,
    assets,
    uses,
    pendingApprovals: { assets: pendingAssets, uses: pendingUses, total: pendingAssets + pendingUses },
    blocked,
    staleTemporaries: { staleDays: p.stale_days, total: stale.total, items: stale.items },
  };
}
