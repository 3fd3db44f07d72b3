import type { ApiContext } from '../../api/context';
import { invalid } from '../../api/envelope';
import { listAssets, type AssetRow } from '../../../db/assets';
import type { ProductionRow } from '../../../db/productions';
import { isIsoDate } from '../../compliance';
import { validateEpisode } from '../log-assets';

/** Which assets of a production a packet covers: one episode or all, and an inclusive date range of creation. */
export interface PacketScope {
  episode: string | null;
  /** YYYY-MM-DD inclusive, or null for open-ended. */
  since: string | null;
  until: string | null;
}

export function checkedScope(production: ProductionRow, raw: { episode?: string; since?: string; until?: string }): PacketScope {
  const episode = raw.episode?.trim() || null;
  if (episode !== null) validateEpisode(JSON.parse(production.episodes) as string[], episode, production.code);
  for (const [name, value] of [['since', raw.since], ['until', raw.until]] as const) {
    if (value !== undefined && !isIsoDate(value)) throw invalid(`--${name} "${value}" is not a date (use YYYY-MM-DD, e.g. 2026-01-31).`);
  }
  const since = raw.since ?? null;
  const until = raw.until ?? null;
  if (since !== null && until !== null && since > until) throw invalid(`The date range is empty: since ${since} is after until ${until}.`);
  return { episode, since, until };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Every active (not retired) asset of the production in scope, oldest first. Dates are UTC days, as in the log. */
export function assetsInScope(ctx: Pick<ApiContext, 'db'>, productionId: number, scope: PacketScope): AssetRow[] {
  return listAssets(ctx.db, {
    productionId,
    retired: 'exclude',
    from: scope.since ?? undefined,
    to: scope.until === null ? undefined : nextDay(scope.until),
    extra: scope.episode === null ? [] : [{ sql: 'a.episode = ?', params: [scope.episode] }],
  }, { sort: 'id', direction: 'asc', offset: 0, limit: -1 });
}

/** "episode E101, 2026-01-01 to 2026-01-31" for messages. */
export function describeScope(s: PacketScope): string {
  const episode = s.episode ? `episode ${s.episode}` : 'all episodes';
  if (s.since === null && s.until === null) return episode;
  return `${episode}, ${s.since ?? 'the start'} to ${s.until ?? 'today'}`;
}
