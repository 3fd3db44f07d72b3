import type { Outcome, PacketManifest, Tool } from './manifest-types';

// Cross-references that JSON Schema cannot express. Each problem starts with a JSON pointer.

const OUTCOMES: Outcome[] = ['disclose', 'escalate', 'blocked', 'cleared'];

export function toolKey(tool: Pick<Tool, 'name' | 'vendor' | 'version'>): string {
  return `${tool.name}\u0000${tool.vendor}\u0000${tool.version ?? ''}`;
}

function duplicates(ids: string[], pointer: (i: number) => string, what: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push(`${pointer(i)}: ${what} "${id}" appears more than once`);
    seen.add(id);
  });
  return out;
}

export function consistencyProblems(m: PacketManifest): string[] {
  const problems: string[] = [];
  const assetIds = new Set(m.assets.map((a) => a.id));
  const approvalIds = new Set(m.approvals.map((a) => a.id));
  const decisions = new Map(m.approvals.map((a) => [a.id, a.decision]));
  const disclosed = new Set(m.toolDisclosure.map(toolKey));

  problems.push(...duplicates(m.assets.map((a) => a.id), (i) => `/assets/${i}/id`, 'asset id'));
  problems.push(...duplicates(m.approvals.map((a) => a.id), (i) => `/approvals/${i}/id`, 'approval id'));
  problems.push(...duplicates(m.consents.map((c) => c.id), (i) => `/consents/${i}/id`, 'consent id'));
  problems.push(...duplicates(m.plannedUses.map((u) => u.id), (i) => `/plannedUses/${i}/id`, 'planned use id'));
  problems.push(...duplicates(m.toolDisclosure.map(toolKey), (i) => `/toolDisclosure/${i}`, 'tool'));

  if (m.scope.since && m.scope.until && m.scope.since > m.scope.until) {
    problems.push(`/scope/until: ${m.scope.until} is before /scope/since ${m.scope.since}`);
  }
  if (m.supersedes !== null && m.supersedes === m.packetId) problems.push('/supersedes: a packet cannot supersede itself');

  for (const outcome of OUTCOMES) {
    const actual = m.assets.filter((a) => a.outcome === outcome).length;
    if (m.counts[outcome] !== actual) {
      problems.push(`/counts/${outcome}: says ${m.counts[outcome]} but ${actual} asset(s) have outcome "${outcome}"`);
    }
  }

  m.assets.forEach((asset, i) => {
    asset.approvals.forEach((id, j) => {
      if (!approvalIds.has(id)) problems.push(`/assets/${i}/approvals/${j}: no approval with id "${id}" in /approvals`);
    });
    asset.findings.forEach((f, j) => {
      f.coveredBy.forEach((id, k) => {
        const decision = decisions.get(id);
        if (decision === undefined) problems.push(`/assets/${i}/findings/${j}/coveredBy/${k}: no approval with id "${id}" in /approvals`);
        else if (decision !== 'approved') problems.push(`/assets/${i}/findings/${j}/coveredBy/${k}: approval "${id}" was ${decision}, it covers nothing`);
      });
      (f.deniedBy ?? []).forEach((id, k) => {
        if (!decisions.has(id)) problems.push(`/assets/${i}/findings/${j}/deniedBy/${k}: no approval with id "${id}" in /approvals`);
      });
    });
    asset.tools.forEach((t, j) => {
      if (!disclosed.has(toolKey(t))) problems.push(`/assets/${i}/tools/${j}: tool "${t.name}" is missing from /toolDisclosure`);
    });
    const granted = asset.approvals.some((id) => m.approvals.some((a) => a.id === id && a.decision === 'approved'));
    if (asset.outcome === 'cleared' && !granted) {
      problems.push(`/assets/${i}/approvals: outcome "cleared" needs an approval with decision "approved" that covers it`);
    }
  });

  m.plannedUses.forEach((use, i) => {
    use.assets.forEach((id, j) => {
      if (!assetIds.has(id)) problems.push(`/plannedUses/${i}/assets/${j}: no asset with id "${id}" in /assets`);
    });
  });
  m.toolDisclosure.forEach((tool, i) => {
    tool.usedBy.forEach((id, j) => {
      if (!assetIds.has(id)) problems.push(`/toolDisclosure/${i}/usedBy/${j}: no asset with id "${id}" in /assets`);
    });
  });
  return problems;
}
