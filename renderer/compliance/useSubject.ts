import { useEffect, useState } from 'react';
import { useStores } from '../app/stores-context';
import type { Approval, ApprovalSubject, Finding } from './types';

/** Assessed one by one for the dialog; a larger selection is approved by rule id without the per-rule detail. */
const MAX_ASSESSED = 50;

export interface SubjectRule {
  rule: string;
  severity: Finding['severity'];
  explanation: string;
  /** Subjects on which no current approval covers it yet. */
  openOn: number;
  /** Subjects on which it was found at all. */
  foundOn: number;
}

/** The findings of everything an approval is about, merged by rule (blocked wins over escalate). */
export function mergeFindings(lists: Finding[][]): SubjectRule[] {
  const byRule = new Map<string, SubjectRule>();
  for (const findings of lists) {
    for (const f of findings) {
      const r = byRule.get(f.rule) ?? { rule: f.rule, severity: f.severity, explanation: f.explanation, openOn: 0, foundOn: 0 };
      r.foundOn += 1;
      if (f.coveredBy.length === 0) r.openOn += 1;
      if (f.severity === 'blocked') r.severity = 'blocked';
      byRule.set(f.rule, r);
    }
  }
  return [...byRule.values()];
}

/** The current findings of the subject (given, or assessed now), merged by rule; null while loading. */
export function useSubjectRules(subject: ApprovalSubject, given?: Finding[]): SubjectRule[] | null {
  const { api, call } = useStores();
  const [rules, setRules] = useState<SubjectRule[] | null>(given ? mergeFindings([given]) : null);
  const key = `${subject.kind}:${subject.ids.join(',')}`;
  useEffect(() => {
    if (given) return;
    let live = true;
    void (async () => {
      const ids = subject.ids.slice(0, MAX_ASSESSED);
      const results = await Promise.all(ids.map((id) => (subject.kind === 'asset'
        ? call(api.assessAsset({ id }), `assess asset ${id}`)
        : call(api.assessPlannedUse({ id }), `assess planned use ${id}`))));
      if (live) setRules(mergeFindings(results.flatMap((r) => (r.ok ? [r.value.findings] : []))));
    })();
    return () => { live = false; };
    // Keyed on the subject's identity, not on the object passed in each render.
  }, [key]);
  return rules;
}

/** Current (not superseded) approvals naming any of the subject's assets or uses: what a new record may supersede. */
export function useSupersedable(subject: ApprovalSubject): Approval[] {
  const { api, call } = useStores();
  const [list, setList] = useState<Approval[]>([]);
  const key = `${subject.kind}:${subject.ids.join(',')}`;
  useEffect(() => {
    let live = true;
    const only = subject.ids.length === 1 ? subject.ids[0] : undefined;
    const filter = only === undefined ? { production: subject.production }
      : subject.kind === 'asset' ? { asset: only } : { use: only };
    void call(api.listApprovals(filter), 'load the approvals on file').then((res) => {
      if (!live || !res.ok) return;
      const ids = new Set(subject.ids);
      const mine = (a: Approval) => (subject.kind === 'asset' ? a.assets : a.uses).some((id) => ids.has(id));
      setList(res.value.filter((a) => a.current && mine(a)).sort((a, b) => b.id - a.id));
    });
    return () => { live = false; };
  }, [key]);
  return list;
}
