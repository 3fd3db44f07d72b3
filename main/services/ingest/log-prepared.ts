import type { ApiContext } from '../../api/context';
import { inTransaction } from '../../../db/connection';
import type { Classification } from '../../../db/assets';
import type { ProductionRow } from '../../../db/productions';
import { getToolByName, type ToolRow } from '../../../db/tools';
import { planNewAssets, type NewAssetFacts } from '../compliance/new-assets';
import { insertHashed, validateEpisode, type HashedFile, type LoggedAsset } from '../log-assets';
import { requireProduction } from '../productions';
import { requireTool } from '../tools';

/** What every file of one ingest (or one inbox confirmation) is logged with. */
export interface LogDefaults extends NewAssetFacts {
  production: string;
  /** Omitted: each file is logged with the listed tool its provenance names. */
  tool?: string;
  by?: string;
  prompt: string;
  notes: string;
  episode: string;
  classification?: Classification;
}

export interface LogTarget {
  production: ProductionRow;
  /** The tool given by the artist, if any. */
  tool: ToolRow | null;
  defaults: LogDefaults;
}

/** No tool has id 0: used only to validate a planned use and tool chain before the files name their tool. */
const NO_TOOL_YET = 0;

/** Checks everything about a request that needs no file (production, tool, episode, planned use, chain). */
export function resolveTarget(ctx: ApiContext, defaults: LogDefaults): LogTarget {
  const production = requireProduction(ctx, defaults.production);
  const tool = defaults.tool ? requireTool(ctx, defaults.tool) : null;
  validateEpisode(JSON.parse(production.episodes) as string[], defaults.episode, production.code);
  planNewAssets(ctx, production, tool?.id ?? NO_TOOL_YET, defaults);
  return { production, tool, defaults };
}

/** The tool a file is logged with: the one the artist gave, else the listed tool its provenance names, else none. */
export function toolFor(ctx: ApiContext, target: LogTarget, namedByFile: string | undefined): ToolRow | null {
  if (target.tool) return target.tool;
  return namedByFile ? (getToolByName(ctx.db, namedByFile) ?? null) : null;
}

export interface PreparedFile extends HashedFile {
  toolId: number;
}

/**
 * Logs prepared files in one transaction through the normal logging path (insertHashed): files made with different
 * tools get their own compliance plan (the chain starts with their tool). Results keep the input order.
 */
export function logPrepared(ctx: ApiContext, target: LogTarget, files: readonly PreparedFile[]): LoggedAsset[] {
  if (files.length === 0) return [];
  const byTool = new Map<number, number[]>();
  files.forEach((f, index) => byTool.set(f.toolId, [...(byTool.get(f.toolId) ?? []), index]));
  return inTransaction(ctx.db, () => {
    const results: LoggedAsset[] = new Array<LoggedAsset>(files.length);
    for (const [toolId, indexes] of byTool) {
      const compliance = planNewAssets(ctx, target.production, toolId, target.defaults);
      const group = indexes.map((i) => files[i] as PreparedFile);
      const logged = insertHashed(ctx, target.production.id, toolId,
        { ...target.defaults, classification: compliance.classification, compliance }, group);
      logged.forEach((asset, k) => { results[indexes[k] as number] = asset; });
    }
    return results;
  });
}
