import type { ApiContext } from '../../api/context';
import { invalid } from '../../api/envelope';
import type { Classification } from '../../../db/assets';
import { useChainRows } from '../../../db/planned-uses';
import { defaultFacts, type Facts } from '../../compliance';
import { storedFacts, updatedFacts, type FactsUpdate } from './facts-input';
import { requirePlannedUse } from './planned-uses';
import { chainWithPrimary, requireTools } from './tool-chain';

/** What compliance adds to a log request: all optional, so plain `genlog log` works as before. */
export interface NewAssetFacts {
  /** Planned use the assets belong to; its facts, tools and classification become the defaults. */
  use?: number;
  facts?: FactsUpdate;
  tools?: string[];
  classification?: Classification;
}

export interface NewAssetCompliance {
  facts: Facts;
  /** Tool ids, primary tool included. */
  chain: number[];
  classification: Classification;
  plannedUseId: number | null;
}

/**
 * The facts new assets start with: the planned use's (or the cautious defaults), overridden by what was stated
 * explicitly. The chain always includes the tool the files were logged with, first when the given chain lacks it.
 * Validates everything before a single file is hashed.
 */
export function planNewAssets(ctx: ApiContext, production: { id: number; code: string }, primaryToolId: number, req: NewAssetFacts): NewAssetCompliance {
  const use = req.use === undefined ? undefined : requirePlannedUse(ctx, req.use);
  if (use && use.production_id !== production.id) {
    throw invalid(`Planned use ${use.id} ("${use.title}") belongs to production ${use.production_code}, not ${production.code}.`);
  }
  const facts = updatedFacts(use ? storedFacts(use.facts) : defaultFacts(), req.facts);
  const given = req.tools !== undefined ? requireTools(ctx, req.tools).map((t) => t.id) : use ? useChainRows(ctx.db, use.id) : [];
  return {
    facts,
    chain: chainWithPrimary(primaryToolId, given),
    classification: req.classification ?? use?.classification ?? 'temporary',
    plannedUseId: use?.id ?? null,
  };
}
