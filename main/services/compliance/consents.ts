import type { ApiContext } from '../../api/context';
import { invalid } from '../../api/envelope';
import { inTransaction } from '../../../db/connection';
import { getConsent, insertConsent, listConsentRows, type ConsentRow } from '../../../db/consents';
import { getEvidenceById } from '../../../db/evidence';
import { appendEvent } from '../../../db/events';
import { assetsWithTalentFacts, usesWithTalentFacts } from '../../../db/outcomes';
import { CONSENT_KINDS, isIsoDate, talentKey, type ConsentKind } from '../../compliance';
import { requireProduction } from '../productions';
import { Assessor } from './assessor';
import { localDate, requirePastDate } from './dates';
import { recordEvidence, toEvidence, withEvidence, type Evidence, type EvidenceRef } from './evidence-store';
import { refreshAssetOutcomes, refreshUseOutcomes } from './refresh';

/** A signed talent consent. Key names are part of the CLI contract: add, never rename. */
export interface Consent {
  id: number;
  talent: string;
  production: string;
  kinds: ConsentKind[];
  scope: string;
  signed: string;
  expires: string | null;
  /** Signed on or before today and not expired: the rule engine counts it today. */
  inForce: boolean;
  evidence: Evidence;
  createdBy: string;
  createdAt: string;
}

export interface ConsentInput {
  talent: string;
  production: string;
  kinds: string[];
  scope: string;
  signed: string;
  expires?: string;
  evidence: EvidenceRef;
  by?: string;
}

export function toConsent(ctx: ApiContext, r: ConsentRow): Consent {
  const today = localDate(ctx.now());
  return {
    id: r.id,
    talent: r.talent,
    production: r.production_code,
    kinds: JSON.parse(r.kinds) as ConsentKind[],
    scope: r.scope,
    signed: r.signed,
    expires: r.expires,
    inForce: r.signed <= today && (r.expires === null || today <= r.expires),
    evidence: toEvidence(ctx, getEvidenceById(ctx.db, r.evidence_id)!),
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

function consentKinds(given: readonly string[]): ConsentKind[] {
  const wanted = given.map((k) => k.trim().toLowerCase()).filter((k) => k !== '');
  if (wanted.length === 0) throw invalid(`Give at least one consent kind (${CONSENT_KINDS.join(', ')}).`);
  const unknown = wanted.filter((k) => !(CONSENT_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw invalid(`Unknown consent kind ${unknown.map((k) => `"${k}"`).join(', ')} (allowed: ${CONSENT_KINDS.join(', ')}).`);
  }
  return CONSENT_KINDS.filter((k) => wanted.includes(k));
}

/**
 * Files a signed consent with its evidence and re-judges, in the same transaction, every asset and planned use of
 * the production whose facts put talent at stake.
 */
export async function addConsent(ctx: ApiContext, input: ConsentInput): Promise<Consent> {
  const production = requireProduction(ctx, input.production);
  const talent = input.talent.trim();
  if (!talent) throw invalid('The talent name is required.');
  const kinds = consentKinds(input.kinds);
  const today = localDate(ctx.now());
  const signed = requirePastDate(input.signed, 'The signed date', today);
  const expires = input.expires ?? null;
  if (expires !== null) {
    if (!isIsoDate(expires)) throw invalid(`The expiry date "${expires}" is not a date (use YYYY-MM-DD, e.g. 2026-08-31).`);
    if (expires <= signed) throw invalid(`The expiry date ${expires} must be after the signed date ${signed}.`);
  }
  const scope = input.scope.trim();
  if (!scope) throw invalid('The scope is required (what the consent allows, in the words of the form).');
  const by = input.by ?? ctx.actor();
  const id = await withEvidence(ctx, input.evidence, (placed) =>
    inTransaction(ctx.db, () => {
      const evidence = recordEvidence(ctx, placed, by);
      const at = ctx.now().toISOString();
      const consentId = insertConsent(ctx.db, {
        talent, productionId: production.id, kinds, scope, signed, expires, evidenceId: evidence.id, createdBy: by, createdAt: at,
      });
      appendEvent(ctx.db, {
        entity: 'consent', entityId: consentId, at, by, action: 'recorded', to: `${talent}: ${kinds.join(', ')}`,
        reason: `evidence ${evidence.sha256}`,
      });
      const assessor = new Assessor(ctx.db, ctx.now());
      refreshAssetOutcomes(ctx, assetsWithTalentFacts(ctx.db, production.id), assessor);
      refreshUseOutcomes(ctx, usesWithTalentFacts(ctx.db, production.id), assessor);
      return consentId;
    }),
  );
  return toConsent(ctx, getConsent(ctx.db, id)!);
}

export function listConsents(ctx: ApiContext, filter: { production?: string; talent?: string }): Consent[] {
  const productionId = filter.production ? requireProduction(ctx, filter.production).id : undefined;
  const talent = filter.talent ? talentKey(filter.talent) : undefined;
  return listConsentRows(ctx.db, productionId)
    .filter((r) => talent === undefined || talentKey(r.talent) === talent)
    .map((r) => toConsent(ctx, r));
}
