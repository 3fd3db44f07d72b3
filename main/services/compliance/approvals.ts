import type { ApiContext } from '../../api/context';
import { conflict, invalid, notFound } from '../../api/envelope';
import { inTransaction } from '../../../db/connection';
import { appendAssetEvent } from '../../../db/asset-events';
import { getApproval, insertApproval, listApprovalRows, subjectsOfApproval, type ApprovalRow } from '../../../db/approvals';
import { getEvidenceById } from '../../../db/evidence';
import { appendEvent } from '../../../db/events';
import { assetOutcomeRow } from '../../../db/outcomes';
import { getPlannedUseRow } from '../../../db/planned-uses';
import { getProductionById } from '../../../db/productions';
import { FINDING_RULE_IDS, parseRuleIds, type Assessment, type Decision } from '../../compliance';
import { requireProduction } from '../productions';
import { Assessor } from './assessor';
import { localDate, requirePastDate } from './dates';
import { readEmlPrefill, type EmlPrefill } from './eml';
import { evidenceSource, recordEvidence, toEvidence, withEvidence, type Evidence, type EvidenceRef } from './evidence-store';
import { refreshAssetOutcomes, refreshUseOutcomes } from './refresh';

/** A written approval (or denial). Never edited: a correction supersedes it. Keys are part of the CLI contract. */
export interface Approval {
  id: number;
  production: string;
  decision: Decision;
  approver: string;
  date: string;
  reference: string;
  subjectLine: string;
  /** Rule ids it covers (an approval recorded with "all" holds the ids open at that moment). */
  rules: string[];
  assets: number[];
  uses: number[];
  evidence: Evidence;
  supersedes: number | null;
  supersededBy: number | null;
  /** Not superseded: only current approvals count towards coverage. */
  current: boolean;
  createdBy: string;
  createdAt: string;
}

export interface ApprovalInput {
  assets?: number[];
  uses?: number[];
  rules?: string[];
  /** Cover every finding open on the subjects right now (resolved to rule ids when recorded). */
  all?: boolean;
  decision: Decision;
  approver: string;
  date: string;
  reference: string;
  subjectLine?: string;
  evidence: EvidenceRef;
  supersedes?: number;
  by?: string;
}

export function toApproval(ctx: ApiContext, r: ApprovalRow): Approval {
  const subjects = subjectsOfApproval(ctx.db, r.id);
  return {
    id: r.id,
    production: r.production_code,
    decision: r.decision,
    approver: r.approver,
    date: r.decided_on,
    reference: r.reference,
    subjectLine: r.subject_line,
    rules: JSON.parse(r.rules) as string[],
    assets: subjects.assetIds,
    uses: subjects.useIds,
    evidence: toEvidence(ctx, getEvidenceById(ctx.db, r.evidence_id)!),
    supersedes: r.supersedes_id,
    supersededBy: r.superseded_by,
    current: r.superseded_by === null,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

interface ResolvedSubjects {
  productionId: number;
  assetIds: number[];
  useIds: number[];
  /** Current assessment of each subject, leaving out the approval being superseded. */
  assessments: Assessment[];
}

function resolveSubjects(ctx: ApiContext, input: ApprovalInput): ResolvedSubjects {
  const assetIds = [...new Set(input.assets ?? [])];
  const useIds = [...new Set(input.uses ?? [])];
  if ((assetIds.length > 0) === (useIds.length > 0)) {
    throw invalid('Name what the approval is for: either assets or planned uses (one kind per approval).');
  }
  const assessor = new Assessor(ctx.db, ctx.now());
  const productions = new Set<number>();
  const assessments: Assessment[] = [];
  const missing: number[] = [];
  for (const id of assetIds) {
    const row = assetOutcomeRow(ctx.db, id);
    if (!row) { missing.push(id); continue; }
    productions.add(row.production_id);
    assessments.push(assessor.assessAsset(row, input.supersedes));
  }
  for (const id of useIds) {
    const row = getPlannedUseRow(ctx.db, id);
    if (!row) { missing.push(id); continue; }
    productions.add(row.production_id);
    assessments.push(assessor.assessUse(row, input.supersedes));
  }
  if (missing.length > 0) throw notFound(`No ${assetIds.length > 0 ? 'asset' : 'planned use'} with id ${missing.join(', ')}.`);
  if (productions.size > 1) {
    const codes = [...productions].map((p) => getProductionById(ctx.db, p)?.code ?? p).join(', ');
    throw invalid(`One approval covers one production; these belong to ${codes}. Record one approval per production.`);
  }
  return { productionId: [...productions][0]!, assetIds, useIds, assessments };
}

function resolveRules(input: ApprovalInput, subjects: ResolvedSubjects): string[] {
  if (input.all === true && input.rules !== undefined) throw invalid('Give either rule ids or "all", not both.');
  if (input.all === true) {
    const open = new Set(subjects.assessments.flatMap((a) => a.findings.filter((f) => f.coveredBy.length === 0).map((f) => f.rule)));
    if (open.size === 0) {
      throw conflict('Nothing to approve: none of these has an open finding. Name rule ids explicitly to record it anyway.');
    }
    return FINDING_RULE_IDS.filter((id) => open.has(id));
  }
  if (!input.rules || input.rules.length === 0) throw invalid('Name the rule ids the approval covers (e.g. W-FINAL,P4), or "all".');
  try {
    return parseRuleIds(input.rules);
  } catch (err) {
    throw invalid((err as Error).message);
  }
}

function checkSupersedes(ctx: ApiContext, id: number | undefined, productionId: number): void {
  if (id === undefined) return;
  const old = getApproval(ctx.db, id);
  if (!old) throw notFound(`No approval with id ${id} to supersede.`);
  if (old.superseded_by !== null) throw conflict(`Approval ${id} was already superseded by approval ${old.superseded_by}; supersede that one instead.`);
  if (old.production_id !== productionId) throw invalid(`Approval ${id} belongs to production ${old.production_code}; a correction must stay in its production.`);
}

function nonEmpty(value: string, what: string): string {
  const v = value.trim();
  if (!v) throw invalid(`${what} is required.`);
  return v;
}

/**
 * Records an approval or denial with its evidence. Everything is validated before the evidence is copied; the
 * approval, its subjects, history and the subjects' new outcomes (and those of the approval it supersedes) are
 * written in one transaction.
 */
export async function addApproval(ctx: ApiContext, input: ApprovalInput): Promise<Approval> {
  const approver = nonEmpty(input.approver, 'The approver');
  const reference = nonEmpty(input.reference, 'The reference');
  const date = requirePastDate(input.date, 'The approval date', localDate(ctx.now()));
  const subjects = resolveSubjects(ctx, input);
  checkSupersedes(ctx, input.supersedes, subjects.productionId);
  const rules = resolveRules(input, subjects);
  const by = input.by ?? ctx.actor();
  const id = await withEvidence(ctx, input.evidence, (placed) =>
    inTransaction(ctx.db, () => {
      const evidence = recordEvidence(ctx, placed, by);
      const at = ctx.now().toISOString();
      const approvalId = insertApproval(ctx.db, {
        productionId: subjects.productionId, decision: input.decision, approver, decidedOn: date, reference,
        subjectLine: input.subjectLine?.trim() ?? '', rules, evidenceId: evidence.id, supersedesId: input.supersedes ?? null,
        createdBy: by, createdAt: at,
      }, [...subjects.assetIds.map((assetId) => ({ assetId })), ...subjects.useIds.map((useId) => ({ useId }))]);
      const summary = `${input.decision} by ${approver} on ${date}: ${rules.join(', ')}`;
      appendEvent(ctx.db, { entity: 'approval', entityId: approvalId, at, by, action: 'recorded', to: summary, reason: `evidence ${evidence.sha256}` });
      for (const assetId of subjects.assetIds) {
        appendAssetEvent(ctx.db, { assetId, at, by, action: 'approval', field: 'approval', to: `#${approvalId} ${summary}`, reason: reference });
      }
      for (const useId of subjects.useIds) {
        appendEvent(ctx.db, { entity: 'planned_use', entityId: useId, at, by, action: 'approval', field: 'approval', to: `#${approvalId} ${summary}`, reason: reference });
      }
      const assets = new Set(subjects.assetIds);
      const uses = new Set(subjects.useIds);
      if (input.supersedes !== undefined) {
        appendEvent(ctx.db, { entity: 'approval', entityId: input.supersedes, at, by, action: 'superseded', to: String(approvalId), reason: reference });
        const old = subjectsOfApproval(ctx.db, input.supersedes);
        old.assetIds.forEach((a) => assets.add(a));
        old.useIds.forEach((u) => uses.add(u));
      }
      const assessor = new Assessor(ctx.db, ctx.now());
      refreshAssetOutcomes(ctx, assets, assessor);
      refreshUseOutcomes(ctx, uses, assessor);
      return approvalId;
    }),
  );
  return toApproval(ctx, getApproval(ctx.db, id)!);
}

export function listApprovals(ctx: ApiContext, filter: { production?: string; asset?: number; use?: number }): Approval[] {
  const productionId = filter.production ? requireProduction(ctx, filter.production).id : undefined;
  return listApprovalRows(ctx.db, { productionId, assetId: filter.asset, useId: filter.use }).map((r) => toApproval(ctx, r));
}

/** Reads an approval email (.eml) so a form or the CLI can prefill approver, date, subject and reference. */
export async function previewEmlApproval(ctx: ApiContext, ref: EvidenceRef): Promise<EmlPrefill & { fileName: string }> {
  const source = evidenceSource(ctx, ref);
  return { ...(await readEmlPrefill(source.path)), fileName: source.fileName };
}
