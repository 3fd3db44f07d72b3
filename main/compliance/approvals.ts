import type { AssessContext } from './types';

/** Approved approvals naming the rule. */
export function approvedCovering(ctx: Pick<AssessContext, 'approvals'>, rule: string): number[] {
  return ctx.approvals.filter((a) => a.decision === 'approved' && a.rules.includes(rule)).map((a) => a.id);
}

/** Denied approvals naming the rule: they are shown next to the finding but cover nothing. */
export function deniedNaming(ctx: Pick<AssessContext, 'approvals'>, rule: string): number[] {
  return ctx.approvals.filter((a) => a.decision === 'denied' && a.rules.includes(rule)).map((a) => a.id);
}
