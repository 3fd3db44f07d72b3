import { resolve } from 'node:path';
import { usageError, type Command, type CommandRun } from '../command';
import { keyValues, list, table } from '../format';
import { parseFactFlags, type Assessment, type Facts } from '../../compliance';
import type { ComplianceCatalog } from '../../services/compliance/catalog';
import type { AssetDetail } from '../../services/asset-changes';
import type { PlannedUse, PlannedUseDetail } from '../../services/compliance/planned-uses';
import type { Consent } from '../../services/compliance/consents';
import type { Approval } from '../../services/compliance/approvals';
import type { EmlPrefill } from '../../services/compliance/eml';
import type { StaleList } from '../../services/compliance/stale';
import type { Inbox } from '../../services/compliance/inbox';
import type { Dashboard } from '../../services/compliance/dashboard';

/** The fact flags of `log`, `facts`, `use add` and `use facts`. */
export const factOptions = {
  'on-screen': { type: 'string' }, inputs: { type: 'string' }, outputs: { type: 'string' }, alteration: { type: 'string' },
  'replica-exception': { type: 'string' }, talent: { type: 'string' }, 'unowned-material': { type: 'string' }, tools: { type: 'string' },
} as const;

export const FACT_FLAGS_USAGE = '[--on-screen V] [--inputs A,B] [--outputs A,B] [--alteration V] [--replica-exception V] ' +
  '[--talent "A,B"] [--unowned-material V] [--tools NAME,NAME]';

/** Fact flags as an API facts update and tool chain; only flags given appear. A bad value is a usage error. */
export function factFlags(r: CommandRun): { facts?: Partial<Facts>; tools?: string[] } {
  let facts: Partial<Facts>;
  try {
    facts = parseFactFlags({
      onScreen: r.optional('on-screen'), inputs: r.optional('inputs'), outputs: r.optional('outputs'), alteration: r.optional('alteration'),
      replicaException: r.optional('replica-exception'), talent: r.optional('talent'), unownedMaterial: r.optional('unowned-material'),
    });
  } catch (err) {
    throw usageError((err as Error).message);
  }
  const tools = r.optional('tools');
  return { facts: Object.keys(facts).length > 0 ? facts : undefined, tools: tools === undefined ? undefined : list(tools) };
}

function ids(r: CommandRun, flag: string): string[] | undefined {
  const v = r.optional(flag);
  if (v === undefined) return undefined;
  const l = list(v);
  if (l.length === 0) throw usageError(`--${flag} needs at least one id.`);
  return l;
}

function assessmentText(a: Assessment): string {
  const principles = Object.entries(a.principles).map(([p, v]) => `${p} ${v}`).join('  ');
  const cover = (f: Assessment['findings'][number]) =>
    [...f.coveredBy.map((id) => `approved #${id}`), ...f.deniedBy.map((id) => `denied #${id}`)].join(', ');
  const findings = a.findings.length === 0 ? 'No findings: disclose the use to the Netflix contact.\n'
    : table(['RULE', 'SEVERITY', 'FACT', 'WHY', 'APPROVALS'], a.findings.map((f) => [f.rule, f.severity, f.fact, f.explanation, cover(f)]));
  return `outcome     ${a.outcome}\nprinciples  ${principles}\n\n${findings}`;
}

function factsText(facts: Facts, tools: string[]): string {
  return keyValues([
    ['on screen', facts.onScreen], ['inputs', facts.inputs.join(', ')], ['outputs', facts.outputs.join(', ')],
    ['alteration', facts.alteration], ['replica exception', facts.replicaException], ['talent', facts.talent.join(', ')],
    ['unowned material', facts.unownedMaterial], ['tools', tools.join(' > ')],
  ]);
}

const useTable = (us: PlannedUse[]) =>
  table(['ID', 'PROD', 'TITLE', 'DEPT', 'CLASS', 'OUTCOME', 'TOOLS', 'ASSETS'],
    us.map((u) => [u.id, u.production, u.title, u.department, u.classification, u.outcome, u.tools.join(','), u.assets]));

const consentTable = (cs: Consent[]) =>
  table(['ID', 'PROD', 'TALENT', 'KINDS', 'SIGNED', 'EXPIRES', 'IN FORCE', 'EVIDENCE'],
    cs.map((c) => [c.id, c.production, c.talent, c.kinds.join(','), c.signed, c.expires ?? '', c.inForce ? 'yes' : 'no', c.evidence.sha256.slice(0, 12)]));

const approvalTable = (as: Approval[]) =>
  table(['ID', 'PROD', 'DECISION', 'APPROVER', 'DATE', 'RULES', 'FOR', 'STATUS', 'REFERENCE'],
    as.map((a) => [a.id, a.production, a.decision, a.approver, a.date, a.rules.join(','),
      a.assets.length ? `assets ${a.assets.join(',')}` : `uses ${a.uses.join(',')}`,
      a.current ? (a.supersedes ? `supersedes #${a.supersedes}` : 'current') : `superseded by #${a.supersededBy}`, a.reference]));

const staleTable = (s: StaleList) =>
  table(['ID', 'PROD', 'AGE (DAYS)', 'LIMIT', 'BY', 'CREATED', 'FILE'],
    s.items.map((a) => [a.id, a.production, a.ageDays, a.staleDays, a.createdBy, a.createdAt.slice(0, 10), a.fileName]));

const inboxTable = (items: Inbox['items']) =>
  table(['KIND', 'ID', 'PROD', 'OUTCOME', 'CREATED', 'OPEN FINDINGS', 'TITLE'],
    items.map((i) => [i.kind, i.id, i.production, i.outcome, i.createdAt.slice(0, 10), i.openFindings.map((f) => f.rule).join(','), i.title]));

const approvalUsage = '(--assets ID,ID | --uses ID,ID) (--rules R,R | --all) --decision approved|denied';
const approvalOptions = {
  assets: { type: 'string' }, uses: { type: 'string' }, rules: { type: 'string' }, all: { type: 'boolean' }, decision: { type: 'string' },
  approver: { type: 'string' }, date: { type: 'string' }, reference: { type: 'string' }, supersedes: { type: 'string' }, by: { type: 'string' },
} as const;

/** Subjects and rules of `approval add` / `approval import`; exactly one of each pair. */
function approvalTargets(r: CommandRun) {
  const assets = ids(r, 'assets');
  const uses = ids(r, 'uses');
  if ((assets === undefined) === (uses === undefined)) throw usageError('give either --assets ID,ID or --uses ID,ID.');
  const rules = r.optional('rules');
  const all = r.values.all === true;
  if ((rules === undefined) === !all) throw usageError('give either --rules R,R or --all.');
  return {
    assets, uses, all: all || undefined, rules: rules === undefined ? undefined : list(rules),
    decision: r.required('decision'), supersedes: r.optional('supersedes'), by: r.optional('by'),
  };
}

export const complianceCommands: Command[] = [
  {
    name: 'facts',
    usage: `genlog facts ID ${FACT_FLAGS_USAGE} [--reason TEXT] [--by NAME]`,
    summary: "Show or change an asset's compliance facts (a list flag replaces the list; '' empties it)",
    options: { ...factOptions, reason: { type: 'string' }, by: { type: 'string' } },
    positionals: 1,
    run(r) {
      const { facts, tools } = factFlags(r);
      if (!facts && !tools) return r.call('getAsset', { id: r.positionals[0] });
      return r.call('setFacts', { id: r.positionals[0], facts, tools, reason: r.optional('reason'), by: r.optional('by') });
    },
    human: (a: AssetDetail) => `${factsText(a.facts, a.toolChain)}\n${assessmentText(a.assessment)}`,
  },
  {
    name: 'assess',
    usage: 'genlog assess ID',
    summary: "Check an asset against Netflix's principles and written-approval rules",
    options: {},
    positionals: 1,
    run: (r) => r.call('assessAsset', { id: r.positionals[0] }),
    human: assessmentText,
  },
  {
    name: 'use add',
    usage: `genlog use add --production CODE --title TEXT [--preset ID] [--department D] [--description TEXT] [--class temporary|deliverable] ${FACT_FLAGS_USAGE} [--by NAME]`,
    summary: 'Disclose a planned GenAI use before assets exist (--preset: see genlog use presets)',
    options: {
      ...factOptions, production: { type: 'string' }, title: { type: 'string' }, preset: { type: 'string' }, department: { type: 'string' },
      description: { type: 'string' }, class: { type: 'string' }, by: { type: 'string' },
    },
    run(r) {
      return r.call('addPlannedUse', {
        production: r.required('production'), title: r.required('title'), preset: r.optional('preset'), department: r.optional('department'),
        description: r.optional('description'), classification: r.optional('class'), ...factFlags(r), by: r.optional('by'),
      });
    },
    human: (u: PlannedUse) => useTable([u]),
  },
  {
    name: 'use presets',
    usage: 'genlog use presets',
    summary: "Planned-use presets drawn from Netflix's use-case matrix",
    options: {},
    run: async (r) => (await r.call<ComplianceCatalog>('getComplianceCatalog', {})).presets,
    human: (ps: ComplianceCatalog['presets']) => table(['PRESET', 'CLASS', 'TITLE', 'DESCRIPTION'], ps.map((p) => [p.id, p.classification, p.title, p.description])),
  },
  {
    name: 'use list',
    usage: 'genlog use list [--production CODE]',
    summary: 'List planned uses with their outcome',
    options: { production: { type: 'string' } },
    run: (r) => r.call('listPlannedUses', { production: r.optional('production') }),
    human: useTable,
  },
  {
    name: 'use show',
    usage: 'genlog use show ID',
    summary: 'Show a planned use with its facts, assessment and history',
    options: {},
    positionals: 1,
    run: (r) => r.call('getPlannedUse', { id: r.positionals[0] }),
    human: (u: PlannedUseDetail) => `${useTable([u])}\n${factsText(u.facts, u.tools)}\n${assessmentText(u.assessment)}`,
  },
  {
    name: 'use facts',
    usage: `genlog use facts ID ${FACT_FLAGS_USAGE} [--class temporary|deliverable] [--reason TEXT] [--by NAME]`,
    summary: "Change a planned use's facts, tools or classification",
    options: { ...factOptions, class: { type: 'string' }, reason: { type: 'string' }, by: { type: 'string' } },
    positionals: 1,
    run: (r) => r.call('setPlannedUseFacts', {
      id: r.positionals[0], ...factFlags(r), classification: r.optional('class'), reason: r.optional('reason'), by: r.optional('by'),
    }),
    human: (u: PlannedUseDetail) => `${factsText(u.facts, u.tools)}\n${assessmentText(u.assessment)}`,
  },
  {
    name: 'use assess',
    usage: 'genlog use assess ID',
    summary: "Check a planned use against Netflix's principles and written-approval rules",
    options: {},
    positionals: 1,
    run: (r) => r.call('assessPlannedUse', { id: r.positionals[0] }),
    human: assessmentText,
  },
  {
    name: 'consent add',
    usage: 'genlog consent add --talent NAME --production CODE --kinds a,b --scope TEXT --signed YYYY-MM-DD [--expires YYYY-MM-DD] --evidence FILE [--by NAME]',
    summary: "File a talent's signed consent (kinds: digital-replica, synthetic-voice, performance-alteration, replaces-union-work)",
    options: {
      talent: { type: 'string' }, production: { type: 'string' }, kinds: { type: 'string' }, scope: { type: 'string' },
      signed: { type: 'string' }, expires: { type: 'string' }, evidence: { type: 'string' }, by: { type: 'string' },
    },
    run: (r) => r.call('addConsent', {
      talent: r.required('talent'), production: r.required('production'), kinds: list(r.required('kinds')), scope: r.required('scope'),
      signed: r.required('signed'), expires: r.optional('expires'), evidence: { path: resolve(r.required('evidence')) }, by: r.optional('by'),
    }),
    human: (c: Consent) => consentTable([c]),
  },
  {
    name: 'consent list',
    usage: 'genlog consent list [--production CODE] [--talent NAME]',
    summary: 'List consent records',
    options: { production: { type: 'string' }, talent: { type: 'string' } },
    run: (r) => r.call('listConsents', { production: r.optional('production'), talent: r.optional('talent') }),
    human: consentTable,
  },
  {
    name: 'approval add',
    usage: `genlog approval add ${approvalUsage} --approver NAME --date YYYY-MM-DD --reference TEXT --evidence FILE [--supersedes ID] [--by NAME]`,
    summary: 'Record a written approval or denial with its evidence (corrections supersede, never edit)',
    options: { ...approvalOptions, evidence: { type: 'string' } },
    run: (r) => r.call('addApproval', {
      ...approvalTargets(r), approver: r.required('approver'), date: r.required('date'), reference: r.required('reference'),
      evidence: { path: resolve(r.required('evidence')) },
    }),
    human: (a: Approval) => approvalTable([a]),
  },
  {
    name: 'approval import',
    usage: `genlog approval import FILE.eml ${approvalUsage} [--approver NAME] [--date YYYY-MM-DD] [--reference TEXT] [--supersedes ID] [--by NAME]`,
    summary: 'Record an approval from the approval email: approver, date, subject and reference come from the .eml, which is kept as evidence',
    options: approvalOptions,
    positionals: 1,
    async run(r) {
      const targets = approvalTargets(r);
      const evidence = { path: resolve(r.positionals[0]!) };
      const mail = await r.call<EmlPrefill>('previewEmlApproval', { evidence });
      const approver = r.optional('approver') ?? mail.approver;
      const date = r.optional('date') ?? mail.date;
      const reference = r.optional('reference') ?? mail.reference;
      if (!approver) throw usageError('the email has no sender; give --approver NAME.');
      if (!date) throw usageError('the email has no Date header; give --date YYYY-MM-DD.');
      if (!reference) throw usageError('the email has no Message-ID; give --reference TEXT.');
      return r.call('addApproval', { ...targets, approver, date, reference, subjectLine: mail.subject ?? '', evidence });
    },
    human: (a: Approval) => approvalTable([a]),
  },
  {
    name: 'approval list',
    usage: 'genlog approval list [--production CODE] [--asset ID] [--use ID]',
    summary: 'List approvals, superseded and denied ones included',
    options: { production: { type: 'string' }, asset: { type: 'string' }, use: { type: 'string' } },
    run: (r) => r.call('listApprovals', { production: r.optional('production'), asset: r.optional('asset'), use: r.optional('use') }),
    human: approvalTable,
  },
  {
    name: 'stale',
    usage: 'genlog stale [--production CODE] [--limit N]',
    summary: "Temporary assets older than their production's review period (30 days unless set)",
    options: { production: { type: 'string' }, limit: { type: 'string' } },
    async run(r) {
      const stale = await r.call<StaleList>('listStaleTemporaries', { production: r.optional('production'), limit: r.optional('limit') });
      r.io.stderr(`${stale.items.length} of ${stale.total} stale temporary asset(s).\n`);
      return r.json ? stale.items : stale;
    },
    human: staleTable,
  },
  {
    // `genlog inbox ...` is the watch-folder inbox (issue 5); this is the approvals inbox.
    name: 'approval inbox',
    usage: 'genlog approval inbox [--production CODE] [--limit N] [--offset N]',
    summary: 'Assets and planned uses awaiting written approval, oldest first, with their open findings',
    options: { production: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
    async run(r) {
      const inbox = await r.call<Inbox>('listApprovalInbox', { production: r.optional('production'), limit: r.optional('limit'), offset: r.optional('offset') });
      r.io.stderr(`${inbox.items.length} of ${inbox.total} item(s) awaiting approval.\n`);
      return inbox.items;
    },
    human: inboxTable,
  },
  {
    name: 'dashboard',
    usage: 'genlog dashboard --production CODE',
    summary: 'Counts by outcome, pending approvals, blocked items and stale temporary assets of a production',
    options: { production: { type: 'string' } },
    run: (r) => r.call('getDashboard', { production: r.required('production') }),
    human: (d: Dashboard) => keyValues([
      ['production', d.production],
      ['assets', Object.entries(d.assets).map(([k, v]) => `${k} ${v}`).join(', ')],
      ['planned uses', Object.entries(d.uses).map(([k, v]) => `${k} ${v}`).join(', ')],
      ['pending approvals', d.pendingApprovals.total],
      ['blocked', d.blocked.total],
      ['stale temporaries', `${d.staleTemporaries.total} (older than ${d.staleTemporaries.staleDays} days)`],
    ]),
  },
];
