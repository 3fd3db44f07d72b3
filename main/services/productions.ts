import type { ApiContext } from '../api/context';
import { conflict, notFound } from '../api/envelope';
import { nextStep } from '../api/next-step';
import {
  getProductionByCode,
  getProductionById,
  insertProduction,
  listProductions,
  updateProduction,
  type ProductionRow,
} from '../../db/productions';
import { renamePendingProduction } from '../../db/inbox';
import { inTransaction } from '../../db/connection';

export interface Production {
  id: number;
  code: string;
  title: string;
  contactEmail: string;
  vendor: string;
  episodes: string[];
  createdAt: string;
  /** Temporary assets older than this many days are listed for review (genlog stale). */
  staleDays: number;
}

export interface ProductionInput {
  code: string;
  title: string;
  contactEmail: string;
  vendor: string;
  episodes: string[];
  /** Omitted: 30 for a new production, unchanged on edit. */
  staleDays?: number;
}

export function toProduction(r: ProductionRow): Production {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    contactEmail: r.contact_email,
    vendor: r.vendor,
    episodes: JSON.parse(r.episodes) as string[],
    createdAt: r.created_at,
    staleDays: r.stale_days,
  };
}

export function requireProduction(ctx: ApiContext, code: string): ProductionRow {
  const p = getProductionByCode(ctx.db, code);
  if (!p) throw notFound(`No production with code "${code}". Add it first (${nextStep(ctx, { cli: 'genlog production add', app: 'Productions page' })}) or check the spelling.`);
  return p;
}

export function addProduction(ctx: ApiContext, input: ProductionInput): Production {
  if (getProductionByCode(ctx.db, input.code)) throw conflict(`A production with code "${input.code}" already exists.`);
  const id = insertProduction(ctx.db, { ...input, createdAt: ctx.now().toISOString() });
  return toProduction(getProductionById(ctx.db, id)!);
}

export function editProduction(ctx: ApiContext, id: number, input: ProductionInput): Production {
  const existing = getProductionById(ctx.db, id);
  if (!existing) throw notFound(`No production with id ${id}.`);
  const clash = getProductionByCode(ctx.db, input.code);
  if (clash && clash.id !== id) throw conflict(`A production with code "${input.code}" already exists.`);
  inTransaction(ctx.db, () => {
    updateProduction(ctx.db, id, input);
    if (input.code !== existing.code) renamePendingProduction(ctx.db, existing.code, input.code);
  });
  return toProduction(getProductionById(ctx.db, id)!);
}

export function allProductions(ctx: ApiContext): Production[] {
  return listProductions(ctx.db).map(toProduction);
}
