import { z } from 'zod';
import { method } from '../method';
import * as s from '../schemas';
import { DECISIONS } from '../../compliance';
import { factsUpdateSchema, toolChainSchema } from '../../services/compliance/facts-input';
import { changeAssetFacts } from '../../services/compliance/asset-facts';
import { assessAsset } from '../../services/compliance/asset-compliance';
import {
  addPlannedUse,
  assessPlannedUse,
  changePlannedUse,
  getPlannedUse,
  listPlannedUses,
} from '../../services/compliance/planned-uses';
import { addConsent, listConsents } from '../../services/compliance/consents';
import { addApproval, listApprovals, previewEmlApproval } from '../../services/compliance/approvals';
import { getDashboard } from '../../services/compliance/dashboard';
import { listApprovalInbox } from '../../services/compliance/inbox';
import { listStaleTemporaries } from '../../services/compliance/stale';
import { complianceCatalog } from '../../services/compliance/catalog';
import '../../services/compliance/outcome-filter';

const useId = s.recordId('planned use');
const approvalId = s.recordId('approval');

/** An evidence file: a path (desktop, CLI) or a browser upload kept with /api/upload?keep=1. */
const evidenceRef = z.union([
  z.object({ path: z.string().min(1, 'the evidence file path is empty') }),
  z.object({ stagedId: z.string().uuid() }),
], { error: 'evidence must be { path } or { stagedId }' });

const dateField = (what: string) => z.string().trim().min(1, `${what} is required`);
const text = (what: string, max = 10_000) => z.string().trim().min(1, `${what} is required`).max(max);
const productionFilter = z.string().trim().min(1).optional();

const plannedUseFacts = {
  facts: factsUpdateSchema.optional(),
  tools: toolChainSchema.optional(),
  classification: s.classification.optional(),
};

export const complianceMethods = {
  setFacts: method(
    z.object({ id: s.assetId, facts: factsUpdateSchema.optional(), tools: toolChainSchema.optional(), by: s.actorName.optional(), reason: z.string().max(10_000).optional() }),
    "Change an asset's facts and tool chain; its outcome is re-judged at once",
    (ctx, i) => changeAssetFacts(ctx, i),
  ),
  assessAsset: method(z.object({ id: s.assetId }), 'Assess an asset against the rules: outcome, principles, findings',
    (ctx, i) => assessAsset(ctx, i.id)),

  addPlannedUse: method(
    z.object({
      production: text('production', 100),
      title: text('title', 500),
      department: z.string().trim().max(200).default(''),
      description: z.string().max(100_000).default(''),
      preset: z.string().trim().min(1).optional(),
      ...plannedUseFacts,
      by: s.actorName.optional(),
    }),
    'Disclose a planned GenAI use before assets exist',
    (ctx, i) => addPlannedUse(ctx, i),
  ),
  listPlannedUses: method(z.object({ production: productionFilter }), 'List planned uses', (ctx, i) => listPlannedUses(ctx, i)),
  getPlannedUse: method(z.object({ id: useId }), 'One planned use with its assessment and history', (ctx, i) => getPlannedUse(ctx, i.id)),
  setPlannedUseFacts: method(
    z.object({ id: useId, ...plannedUseFacts, by: s.actorName.optional(), reason: z.string().max(10_000).optional() }),
    "Change a planned use's facts, tools or classification",
    (ctx, i) => changePlannedUse(ctx, i),
  ),
  assessPlannedUse: method(z.object({ id: useId }), 'Assess a planned use', (ctx, i) => assessPlannedUse(ctx, i.id)),

  addConsent: method(
    z.object({
      talent: text('talent', 200),
      production: text('production', 100),
      kinds: z.array(z.string()).min(1, 'give at least one consent kind').max(20),
      scope: text('scope', 10_000),
      signed: dateField('signed'),
      expires: z.string().trim().min(1).optional(),
      evidence: evidenceRef,
      by: s.actorName.optional(),
    }),
    "File a talent's signed consent with its evidence",
    (ctx, i) => addConsent(ctx, i),
  ),
  listConsents: method(z.object({ production: productionFilter, talent: z.string().trim().min(1).optional() }), 'List consent records',
    (ctx, i) => listConsents(ctx, i)),

  addApproval: method(
    z.object({
      assets: z.array(s.assetId).max(100_000).optional(),
      uses: z.array(useId).max(10_000).optional(),
      rules: z.array(z.string().trim().min(1)).max(50).optional(),
      all: z.boolean().optional(),
      decision: z.enum(DECISIONS, { error: `decision must be one of ${DECISIONS.join(', ')}` }),
      approver: text('approver', 200),
      date: dateField('date'),
      reference: text('reference', 2000),
      subjectLine: z.string().max(2000).optional(),
      evidence: evidenceRef,
      supersedes: approvalId.optional(),
      by: s.actorName.optional(),
    }),
    'Record a written approval or denial (a correction supersedes an earlier one)',
    (ctx, i) => addApproval(ctx, i),
  ),
  previewEmlApproval: method(z.object({ evidence: evidenceRef }), 'Read approver, date, subject and reference from an approval .eml',
    (ctx, i) => previewEmlApproval(ctx, i.evidence)),
  listApprovals: method(
    z.object({ production: productionFilter, asset: s.assetId.optional(), use: useId.optional() }),
    'List approvals (superseded and denied ones included)',
    (ctx, i) => listApprovals(ctx, i),
  ),

  getDashboard: method(z.object({ production: text('production', 100), limit: s.wholeNumber('limit', 1, 1000).default(50) }),
    'Compliance dashboard of one production', (ctx, i) => getDashboard(ctx, i)),
  listApprovalInbox: method(
    z.object({
      production: productionFilter,
      outcomes: z.array(z.enum(['escalate', 'blocked'])).min(1).optional(),
      offset: s.wholeNumber('offset', 0).default(0),
      limit: s.wholeNumber('limit', 1, 5000).default(100),
    }),
    'Assets and planned uses awaiting approval, oldest first, with their open findings',
    (ctx, i) => listApprovalInbox(ctx, i),
  ),
  listStaleTemporaries: method(
    z.object({ production: productionFilter, limit: s.wholeNumber('limit', 1, 100_000).default(1000) }),
    'Temporary assets older than their production\'s review period',
    (ctx, i) => listStaleTemporaries(ctx, i),
  ),
  getComplianceCatalog: method(z.object({}), 'Questions, presets and rule ids with explanations', () => complianceCatalog()),
};
