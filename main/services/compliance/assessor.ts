import type { Db } from '../../../db/connection';
import { consentsOfProduction } from '../../../db/consents';
import { currentApprovalsOfAsset, currentApprovalsOfUse, type CurrentApproval } from '../../../db/approvals';
import { assetChainRows } from '../../../db/asset-tools';
import { useChainRows, type PlannedUseRow } from '../../../db/planned-uses';
import type { AssetOutcomeRow } from '../../../db/outcomes';
import { getToolById } from '../../../db/tools';
import {
  assess,
  type ApprovalRef,
  type Assessment,
  type Classification,
  type ConsentKind,
  type ConsentRef,
  type Facts,
  type ToolTerms,
} from '../../compliance';
import { storedFacts } from './facts-input';
import { localDate } from './dates';
import { toolTerms } from './tool-chain';

export interface SubjectParts {
  productionId: number;
  classification: Classification;
  facts: Facts;
  chain: readonly number[];
}

function approvalRefs(rows: CurrentApproval[]): ApprovalRef[] {
  return rows.map((r) => ({ id: r.id, decision: r.decision, rules: JSON.parse(r.rules) as string[] }));
}

/**
 * Runs the rule engine over stored rows. One assessor serves one operation: it loads each production's consents
 * and each tool's terms once, and subjects without approvals that share production, classification, chain and
 * facts (a bulk log, a migrated db) share one assessment, so large batches cost little more than their writes.
 */
export class Assessor {
  readonly today: string;
  private readonly consents = new Map<number, ConsentRef[]>();
  private readonly tools = new Map<number, ToolTerms>();
  private readonly shared = new Map<string, Assessment>();

  constructor(private readonly db: Db, now: Date) {
    this.today = localDate(now);
  }

  consentsOf(productionId: number): ConsentRef[] {
    let list = this.consents.get(productionId);
    if (!list) {
      list = consentsOfProduction(this.db, productionId).map((c) => ({
        id: c.id, talent: c.talent, productionId: c.production_id, kinds: JSON.parse(c.kinds) as ConsentKind[], signed: c.signed, expires: c.expires,
      }));
      this.consents.set(productionId, list);
    }
    return list;
  }

  private terms(toolId: number): ToolTerms {
    let t = this.tools.get(toolId);
    if (!t) {
      const row = getToolById(this.db, toolId);
      if (!row) throw new Error(`Tool ${toolId} is missing from the tool list.`);
      t = toolTerms(row);
      this.tools.set(toolId, t);
    }
    return t;
  }

  assess(parts: SubjectParts, approvals: readonly ApprovalRef[]): Assessment {
    if (approvals.length === 0) {
      const key = `${parts.productionId}|${parts.classification}|${parts.chain.join(',')}|${JSON.stringify(parts.facts)}`;
      const hit = this.shared.get(key);
      if (hit) return hit;
      const fresh = this.run(parts, approvals);
      this.shared.set(key, fresh);
      return fresh;
    }
    return this.run(parts, approvals);
  }

  private run(parts: SubjectParts, approvals: readonly ApprovalRef[]): Assessment {
    return assess(
      { productionId: parts.productionId, classification: parts.classification, facts: parts.facts, tools: parts.chain.map((id) => this.terms(id)) },
      { consents: this.consentsOf(parts.productionId), approvals, today: this.today },
    );
  }

  assetParts(row: Pick<AssetOutcomeRow, 'id' | 'production_id' | 'classification' | 'facts' | 'tool_id' | 'has_chain'>): SubjectParts {
    const chain = row.has_chain ? assetChainRows(this.db, row.id) : row.tool_id === null ? [] : [row.tool_id];
    return { productionId: row.production_id, classification: row.classification, facts: storedFacts(row.facts), chain };
  }

  /** `without` leaves out one approval, e.g. the one being superseded while resolving "all current findings". */
  assetApprovals(assetId: number, without?: number): ApprovalRef[] {
    return approvalRefs(currentApprovalsOfAsset(this.db, assetId)).filter((a) => a.id !== without);
  }

  assessAsset(row: AssetOutcomeRow, without?: number): Assessment {
    return this.assess(this.assetParts(row), row.has_approvals ? this.assetApprovals(row.id, without) : []);
  }

  useParts(row: Pick<PlannedUseRow, 'id' | 'production_id' | 'classification' | 'facts'>): SubjectParts {
    return { productionId: row.production_id, classification: row.classification, facts: storedFacts(row.facts), chain: useChainRows(this.db, row.id) };
  }

  assessUse(row: Pick<PlannedUseRow, 'id' | 'production_id' | 'classification' | 'facts'>, without?: number): Assessment {
    return this.assess(this.useParts(row), approvalRefs(currentApprovalsOfUse(this.db, row.id)).filter((a) => a.id !== without));
  }
}
