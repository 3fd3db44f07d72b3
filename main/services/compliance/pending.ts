import type { ApiContext } from '../../api/context';
import { inTransaction } from '../../../db/connection';
import { productionsWithConsentChangeBetween } from '../../../db/consents';
import {
  applyPlainOutcomes,
  assetsWithTalentFacts,
  setAssetOutcome,
  stagePlainUnassessed,
  hasUnassessedAssets,
  unassessedAssets,
  unassessedUseIds,
  usesWithTalentFacts,
} from '../../../db/outcomes';
import { getSetting, setSetting } from '../../../db/settings';
import { Assessor } from './assessor';
import { localDate } from './dates';
import { storedFacts } from './facts-input';
import { refreshAssetOutcomes, refreshUseOutcomes } from './refresh';

const BATCH = 5000;
/** Rows per transaction on the bulk path: large enough that 1M migrated rows take seconds, not minutes. */
const PLAIN_BATCH = 50_000;
/** The day outcomes were last brought up to date; consents start and expire by the calendar. */
const ASSESSED_ON = 'compliance.assessedOn';

type Ctx = Pick<ApiContext, 'db' | 'now'>;

export interface PendingResult {
  assets: number;
  uses: number;
  /** Productions re-judged because a consent started or expired since the last day GenLog ran. */
  consentDayProductions: number[];
}

/**
 * Brings stored outcomes up to date when a database is opened: rows never assessed (a db migrated from before
 * compliance, rows written by an older GenLog) in batches of one transaction each, then, once per calendar day,
 * the talent subjects of productions where a consent started or expired since the last run.
 */
export function assessPendingOutcomes(ctx: Ctx): PendingResult {
  const result: PendingResult = { assets: 0, uses: 0, consentDayProductions: [] };
  const assessor = new Assessor(ctx.db, ctx.now());
  // The usual case (every row assessed) must not take the write lock: each CLI start passes here, and render
  // nodes start many at once.
  for (;;) {
    if (!hasUnassessedAssets(ctx.db)) break;
    const updated = inTransaction(ctx.db, () => {
      const groups = stagePlainUnassessed(ctx.db, PLAIN_BATCH);
      if (groups.length === 0) return 0;
      return applyPlainOutcomes(ctx.db, groups.map((g) => ({
        ...g,
        outcome: assessor.assess({ productionId: g.production_id, classification: g.classification, facts: storedFacts(g.facts),
          chain: g.tool_id === null ? [] : [g.tool_id] }, []).outcome,
      })));
    });
    if (updated === 0) break;
    result.assets += updated;
  }
  // Whatever is left has a stated chain or approvals: judged one by one.
  for (;;) {
    const rows = unassessedAssets(ctx.db, BATCH);
    if (rows.length === 0) break;
    inTransaction(ctx.db, () => {
      for (const row of rows) setAssetOutcome(ctx.db, row.id, assessor.assessAsset(row).outcome);
    });
    result.assets += rows.length;
  }
  for (;;) {
    const ids = unassessedUseIds(ctx.db, BATCH);
    if (ids.length === 0) break;
    inTransaction(ctx.db, () => refreshUseOutcomes(ctx, ids, assessor));
    result.uses += ids.length;
  }
  result.consentDayProductions = ensureOutcomesCurrent(ctx);
  return result;
}

const checkedOn = new WeakMap<ApiContext['db'], string>();

/**
 * Consents are judged as of today, so a stored outcome can go stale overnight when a consent starts or expires.
 * Cheap to call before anything that reads stored outcomes: it does work at most once per day per database.
 */
export function ensureOutcomesCurrent(ctx: Ctx): number[] {
  const today = localDate(ctx.now());
  if (checkedOn.get(ctx.db) === today) return [];
  const changed = refreshForConsentDates(ctx, today);
  checkedOn.set(ctx.db, today);
  return changed;
}

function refreshForConsentDates(ctx: Ctx, today: string): number[] {
  const last = getSetting(ctx.db, ASSESSED_ON);
  if (last === today) return [];
  return inTransaction(ctx.db, () => {
    const productions = last === undefined ? [] : productionsWithConsentChangeBetween(ctx.db, last < today ? last : today, last < today ? today : last);
    const assessor = new Assessor(ctx.db, ctx.now());
    for (const p of productions) {
      refreshAssetOutcomes(ctx, assetsWithTalentFacts(ctx.db, p), assessor);
      refreshUseOutcomes(ctx, usesWithTalentFacts(ctx.db, p), assessor);
    }
    setSetting(ctx.db, ASSESSED_ON, today);
    return productions;
  });
}
