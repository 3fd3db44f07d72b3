import type { ApiContext } from '../../api/context';
import type { AssetRow } from '../../../db/assets';
import { currentApprovalsOfAsset, listApprovalRows, subjectsOfApproval } from '../../../db/approvals';
import { assetOutcomeRow } from '../../../db/outcomes';
import { listPlannedUseRows, useChainRows } from '../../../db/planned-uses';
import type { ProductionRow } from '../../../db/productions';
import { getToolById, type ToolRow } from '../../../db/tools';
import type { Assessment, Finding as EngineFinding } from '../../compliance';
import {
  MANIFEST_SCHEMA_VERSION,
  type ApprovalRef,
  type ConsentRef,
  type Finding,
  type JsonValue,
  type ManifestAsset,
  type OutcomeCounts,
  type PacketManifest,
  type PlannedUse,
  type Tool,
  type ToolDisclosure,
} from '../../packet';
import { manifestTool } from './manifest-tools';
import { Assessor } from '../compliance/assessor';
import { toApproval } from '../compliance/approvals';
import { listConsents } from '../compliance/consents';
import { storedFacts } from '../compliance/facts-input';
import { assetChainIds } from '../compliance/tool-chain';
import { assetsInScope, type PacketScope } from './scope';

export interface ManifestHeader {
  packetId: string;
  createdBy: string;
  createdAt: string;
  supersedes: string | null;
  signingKeyFingerprint: string;
}

export interface CollectedPacket {
  manifest: PacketManifest;
  /** Row ids of the assets in the packet (for packet_assets). */
  assetIds: number[];
}

/** The Netflix contact's name is not recorded, so it is read from the address: "amy.lee@netflix.com" -> "Amy Lee". */
export function contactName(email: string): string {
  const local = email.split('@')[0] ?? '';
  const words = local.split(/[._+-]+/).filter((w) => /[a-z]/i.test(w));
  if (words.length === 0) return 'Netflix contact';
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

function toFinding(f: EngineFinding): Finding {
  return {
    rule: f.rule, severity: f.severity, fact: f.fact, explanation: f.explanation, howToClear: f.howToClear,
    coveredBy: f.coveredBy.map(String), deniedBy: f.deniedBy.map(String),
  };
}

class ToolCatalog {
  private readonly rows = new Map<number, ToolRow>();
  /** Tool id -> asset ids (strings) that used it. */
  readonly usedBy = new Map<number, string[]>();

  constructor(private readonly ctx: Pick<ApiContext, 'db'>) {}

  tool(id: number): Tool {
    let row = this.rows.get(id);
    if (!row) {
      row = getToolById(this.ctx.db, id);
      if (!row) throw new Error(`Tool ${id} is missing from the tool list.`);
      this.rows.set(id, row);
    }
    return manifestTool(row);
  }

  use(id: number, assetId: string | null): Tool {
    const t = this.tool(id);
    const list = this.usedBy.get(id) ?? [];
    if (assetId !== null && !list.includes(assetId)) list.push(assetId);
    this.usedBy.set(id, list);
    return t;
  }

  disclosure(): ToolDisclosure[] {
    return [...this.usedBy.entries()]
      .map(([id, usedBy]) => ({ ...this.tool(id), dataTerms: this.rows.get(id)!.notes.trim() || null, usedBy }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

function manifestAsset(a: AssetRow, assessment: Assessment, tools: Tool[], approvals: string[]): ManifestAsset {
  const facts = storedFacts(a.facts);
  return {
    id: String(a.id),
    fileName: a.file_name,
    sha256: a.sha256,
    size: a.size,
    mediaType: a.media_type,
    classification: a.classification,
    onScreen: facts.onScreen,
    episode: a.episode || null,
    tools,
    artist: a.created_by,
    createdAt: a.created_at,
    prompt: a.prompt || null,
    facts: facts as unknown as Record<string, JsonValue>,
    principles: assessment.principles,
    findings: assessment.findings.map(toFinding),
    outcome: assessment.outcome,
    approvals,
  };
}

/**
 * Reads everything a packet discloses about a production in scope, judged now by the rule engine (never from a
 * stored outcome that could be stale): assets with facts, tool chain, principles, findings and covering approvals;
 * planned uses; every tool used; consent and approval references (hashes of the evidence, never the documents).
 */
export function collectManifest(
  ctx: ApiContext,
  production: ProductionRow,
  scope: PacketScope,
  header: ManifestHeader,
): CollectedPacket {
  const assessor = new Assessor(ctx.db, ctx.now());
  const tools = new ToolCatalog(ctx);
  const rows = assetsInScope(ctx, production.id, scope);
  const assets = rows.map((a) => {
    const outcomeRow = assetOutcomeRow(ctx.db, a.id)!;
    const chain = assetChainIds(ctx.db, a).map((id) => tools.use(id, String(a.id)));
    const approved = currentApprovalsOfAsset(ctx.db, a.id).filter((r) => r.decision === 'approved').map((r) => String(r.id));
    return manifestAsset(a, assessor.assessAsset(outcomeRow), chain, approved);
  });

  const inPacket = new Set(rows.map((a) => a.id));
  const byUse = new Map<number, string[]>();
  for (const a of rows) if (a.planned_use_id !== null) byUse.set(a.planned_use_id, [...(byUse.get(a.planned_use_id) ?? []), String(a.id)]);
  const dated = scope.since !== null || scope.until !== null;
  const plannedUses: PlannedUse[] = listPlannedUseRows(ctx.db, production.id)
    .filter((u) => u.retired_at === null)
    // A planned use has no episode; with a date range it belongs to the packet of the days it was disclosed in.
    .filter((u) => byUse.has(u.id) || !dated || ((scope.since === null || u.created_at.slice(0, 10) >= scope.since) &&
      (scope.until === null || u.created_at.slice(0, 10) <= scope.until)))
    .map((u) => {
      for (const id of useChainRows(ctx.db, u.id)) tools.use(id, null);
      return {
        id: `use-${u.id}`, title: u.title, department: u.department, description: u.description,
        classification: u.classification, outcome: assessor.assessUse(u).outcome, assets: byUse.get(u.id) ?? [],
      };
    });
  const useIds = new Set(plannedUses.map((u) => Number(u.id.slice(4))));

  const approvals: ApprovalRef[] = listApprovalRows(ctx.db, { productionId: production.id })
    .filter((r) => {
      const s = subjectsOfApproval(ctx.db, r.id);
      return s.assetIds.some((id) => inPacket.has(id)) || s.useIds.some((id) => useIds.has(id));
    })
    .map((r) => toApproval(ctx, r))
    .map((a) => ({
      id: String(a.id), decision: a.decision, approver: a.approver, date: a.date, reference: a.reference, rules: a.rules,
      evidenceSha256: a.evidence.sha256, supersedes: a.supersedes === null ? null : String(a.supersedes),
    }));

  const consents: ConsentRef[] = listConsents(ctx, { production: production.code }).map((c) => ({
    id: String(c.id), talent: c.talent, kinds: c.kinds, signed: c.signed, expires: c.expires, evidenceSha256: c.evidence.sha256,
  }));

  const counts: OutcomeCounts = { disclose: 0, escalate: 0, blocked: 0, cleared: 0 };
  for (const a of assets) counts[a.outcome] += 1;

  const manifest: PacketManifest = {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    packetId: header.packetId,
    production: {
      code: production.code,
      title: production.title,
      vendor: production.vendor.trim() || 'VFX facility (vendor not set)',
      netflixContact: { name: contactName(production.contact_email), email: production.contact_email },
    },
    createdBy: header.createdBy,
    createdAt: header.createdAt,
    approvedBy: null,
    approvedAt: null,
    scope: { episodes: scope.episode === null ? [] : [scope.episode], since: scope.since, until: scope.until },
    plannedUses,
    assets,
    toolDisclosure: tools.disclosure(),
    consents,
    approvals,
    counts,
    supersedes: header.supersedes,
    signingKeyFingerprint: header.signingKeyFingerprint,
  };
  return { manifest, assetIds: rows.map((a) => a.id) };
}
