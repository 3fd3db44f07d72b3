import { outcomeCondition, type StoredOutcome } from '../../../db/assets';
import { OUTCOMES } from '../../compliance';
import { invalid } from '../../api/envelope';
import { registerListFilter } from '../list-assets';
import { ensureOutcomesCurrent } from './pending';

/** `listAssets { outcome }` / `genlog list --outcome`: served by the assets_by_outcome index. */
registerListFilter((ctx, req) => {
  const outcome = req.outcome;
  if (outcome === undefined || outcome === null || outcome === '') return null;
  if (typeof outcome !== 'string' || !(OUTCOMES as readonly string[]).includes(outcome)) {
    throw invalid(`outcome: unknown value ${JSON.stringify(outcome)} (allowed: ${OUTCOMES.join(', ')})`);
  }
  ensureOutcomesCurrent(ctx);
  return outcomeCondition(outcome as StoredOutcome);
});
