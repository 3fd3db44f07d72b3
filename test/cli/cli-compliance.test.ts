import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { createContext } from '../../main/app-context';
import { ok, tempDir, testClient, writeFile } from '../support/context';
import { approvalEml, snapshot } from '../compliance-api/helpers';

const bin = join(__dirname, '..', '..', 'bin', 'genlog.js');

interface Run { code: number; stdout: string; stderr: string }

/** The built CLI, spawned without blocking, so the tests below (and the refusal cases) run side by side. */
function genlog(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, GENLOG_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs tasks a few at a time: a handful of CLI processes in parallel, not dozens competing for two cores. */
async function inBatches<T>(tasks: (() => Promise<T>)[], size: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < tasks.length; i += size) out.push(...(await Promise.all(tasks.slice(i, i + size).map((t) => t()))));
  return out;
}

/**
 * A db seeded in-process (fast), then driven through the built CLI as a script would. `old.png` was logged 60 days
 * ago (a stale temporary asset); `double.exr` is a deliverable digital replica of Alice Smith (blocked: no consent).
 */
async function seeded() {
  const dir = tempDir('genlog-cli-compliance-');
  const db = join(dir, 'data', 'g.db');
  const ctx = createContext({ dbPath: db, transport: 'test', actor: 'seed', now: () => new Date(Date.now() - 60 * 86_400_000) });
  const api = testClient(ctx);
  ok(await api.addProduction({ code: 'SHOW1', title: 'The Show', contactEmail: 'dana@netflix.com' }));
  ok(await api.addTool({ name: 'LocalSD', hosting: 'local', trainsOnInputs: 'no', retainsData: 'no' }));
  ok(await api.addTool({ name: 'CloudGen', hosting: 'public-cloud', trainsOnInputs: 'yes', retainsData: 'yes' }));
  const log = async (name: string, more: Record<string, unknown>) =>
    ok(await api.logAssets({ files: [{ path: writeFile(dir, name, name) }], production: 'SHOW1', tool: 'LocalSD', ...more }))[0]!.id;
  const oldId = await log('old.png', { facts: { unownedMaterial: 'no' } });
  const doubleId = await log('double.exr', { classification: 'deliverable', facts: { outputs: ['digital-replica'], talent: ['Alice Smith'], unownedMaterial: 'no' } });
  ctx.db.close();
  const file = (name: string, content = name) => writeFile(dir, name, content);
  const run = (...args: string[]) => genlog(['--db', db, ...args]);
  const json = async (...args: string[]) => {
    const r = await run('--json', ...args);
    if (r.code !== 0) throw new Error(`genlog ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const state = () => {
    const raw = new Database(db, { readonly: true });
    try {
      return snapshot({ db: raw, dataDir: join(dir, 'data') });
    } finally {
      raw.close();
    }
  };
  return { dir, db, oldId, doubleId, file, run, json, state };
}

// Each CLI process takes about a second on a busy two-core machine; the tests run side by side and get time for it.
describe.concurrent('genlog compliance commands (spawned)', { timeout: 120_000 }, () => {
  it('use add / list / assess, log --use with fact flags, facts, assess and list --outcome', async ({ expect }) => {
    const { file, json, doubleId } = await seeded();
    const use = await json('use', 'add', '--production', 'SHOW1', '--title', 'Stadium crowd', '--preset', 'crowd-replacement', '--department', 'Comp',
      '--tools', 'CloudGen', '--unowned-material', 'no');
    expect(use).toMatchObject({ production: 'SHOW1', title: 'Stadium crowd', department: 'Comp', preset: 'crowd-replacement', classification: 'deliverable',
      tools: ['CloudGen'], outcome: 'blocked', facts: { outputs: ['replaces-union-work'], unownedMaterial: 'no' } });
    expect((await json('use', 'list')).map((u: { id: number }) => u.id)).toEqual([use.id]);
    expect(await json('use', 'assess', String(use.id))).toMatchObject({ outcome: 'blocked', principles: { P2: 'no', P3: 'no' } });

    const [asset] = await json('log', file('crowd.exr'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana', '--use', String(use.id), '--on-screen', 'prominent');
    expect(asset).toMatchObject({ plannedUseId: use.id, classification: 'deliverable', outcome: 'blocked', duplicate: false });

    const changed = await json('facts', String(asset.id), '--inputs', '', '--outputs', 'digital-replica', '--talent', 'Alice Smith, Bob Jones', '--tools', 'LocalSD',
      '--replica-exception', 'none', '--alteration', 'customary', '--reason', 'double, not a crowd');
    expect(changed).toMatchObject({
      // --on-screen from the log, unownedMaterial from the planned use, the rest from these flags
      facts: { onScreen: 'prominent', unownedMaterial: 'no', inputs: [], outputs: ['digital-replica'], talent: ['Alice Smith', 'Bob Jones'] },
      toolChain: ['LocalSD'], plannedUse: { id: use.id }, outcome: 'blocked',
    });

    const assessed = await json('assess', String(asset.id));
    expect(Object.keys(assessed)).toEqual(expect.arrayContaining(['outcome', 'principles', 'findings']));
    expect(Object.keys(assessed.principles)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    for (const v of Object.values(assessed.principles)) expect(['yes', 'no', 'unsure']).toContain(v);
    for (const f of assessed.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'fact', 'explanation', 'coveredBy']));
    expect(assessed.findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`))
      .toEqual(['W-FINAL:escalate', 'W-TALENT-REPLICA:blocked', 'P4:escalate', 'P5:escalate']);
    expect((await json('list', '--outcome', 'blocked')).map((a: { id: number }) => a.id)).toEqual([asset.id, doubleId]);
  });

  it('consent add / list, approval add (rules, --supersedes), approval import from .eml, approval list', async ({ expect }) => {
    const { file, json, doubleId } = await seeded();
    const consent = await json('consent', 'add', '--talent', 'Alice Smith', '--production', 'SHOW1', '--kinds', 'digital-replica,synthetic-voice',
      '--scope', 'Digital double for ep. 1', '--signed', '2025-09-01', '--expires', '2099-01-01', '--evidence', file('consent.pdf', '%PDF consent'));
    expect(consent).toMatchObject({ talent: 'Alice Smith', kinds: ['digital-replica', 'synthetic-voice'], signed: '2025-09-01', expires: '2099-01-01', inForce: true,
      evidence: { fileName: 'consent.pdf', size: 12 } });
    expect(await json('consent', 'list')).toEqual([consent]);

    const first = await json('approval', 'add', '--assets', String(doubleId), '--rules', 'W-FINAL,P4', '--decision', 'approved', '--approver', 'Dana Reyes',
      '--date', '2025-09-10', '--reference', 'NF-1', '--evidence', file('first.eml', approvalEml({ messageId: '<one@netflix.com>' })));
    expect(first).toMatchObject({ rules: ['W-FINAL', 'P4'], assets: [doubleId], decision: 'approved', current: true });
    const imported = await json('approval', 'import', file('reply.eml', approvalEml()), '--assets', String(doubleId), '--all', '--decision', 'approved');
    expect(imported).toMatchObject({ approver: 'Dana Reyes', date: '2025-09-02', reference: 'CAF=approval.8812.x7Q@mail.netflix.com',
      subjectLine: 'RE: GenAI approval request - SHOW1 digital double, shot 042', rules: ['W-TALENT-REPLICA'] });
    expect((await json('list', '--outcome', 'cleared')).map((a: { id: number }) => a.id)).toEqual([doubleId]);

    const correction = await json('approval', 'add', '--assets', String(doubleId), '--rules', 'W-FINAL,P4', '--decision', 'denied', '--approver', 'Dana Reyes',
      '--date', '2025-09-11', '--reference', 'NF-2', '--evidence', file('denied.eml', approvalEml({ messageId: '<two@netflix.com>' })), '--supersedes', String(first.id));
    expect(correction).toMatchObject({ supersedes: first.id, decision: 'denied', current: true });
    expect((await json('approval', 'list')).map((a: { id: number; current: boolean; supersededBy: number | null }) => [a.id, a.current, a.supersededBy])).toEqual([
      [first.id, false, correction.id], [imported.id, true, null], [correction.id, true, null],
    ]);
    const now = await json('assess', String(doubleId));
    expect(now.outcome).toBe('escalate');
    expect(now.findings.find((f: { rule: string }) => f.rule === 'W-FINAL')).toMatchObject({ coveredBy: [], deniedBy: [correction.id] });
  });

  it('stale lists temporary assets older than the production review period', async ({ expect }) => {
    const { json, oldId } = await seeded();
    const stale = await json('stale', '--production', 'SHOW1');
    expect(stale.map((a: { id: number; staleDays: number; fileName: string }) => [a.id, a.staleDays, a.fileName])).toEqual([[oldId, 30, 'old.png']]);
    expect(stale[0].ageDays).toBeGreaterThanOrEqual(59);
  });

  it('refuses unknown values, unknown ids, missing evidence and non-dates with exit 1 or 2, nothing written', async ({ expect }) => {
    const { file, run, state, oldId, dir } = await seeded();
    const id = String(oldId);
    const evidence = file('e.eml', approvalEml());
    const approval = ['approval', 'add', '--assets', id, '--rules', 'W-FINAL', '--decision', 'approved', '--approver', 'D', '--date', '2025-09-10', '--reference', 'R', '--evidence', evidence];
    const consent = ['consent', 'add', '--talent', 'A', '--production', 'SHOW1', '--kinds', 'digital-replica', '--scope', 's', '--signed', '2025-09-01', '--evidence', evidence];
    const swap = (args: string[], flag: string, value: string) => args.map((a, i) => (args[i - 1] === flag ? value : a));
    const cases: [string[], 1 | 2, RegExp][] = [
      [['facts', id, '--on-screen', 'maybe'], 2, /--on-screen: unknown value "maybe"/],
      [['facts', '999', '--on-screen', 'none'], 1, /No asset with id 999/],
      [['log', file('n.png'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'a', '--use', '999'], 1, /No planned use with id 999/],
      [['list', '--outcome', 'nope'], 2, /outcome/],
      [['use', 'add', '--production', 'SHOW1', '--title', 'T', '--preset', 'nope'], 2, /Unknown planned-use preset "nope"/],
      [swap(consent, '--evidence', join(dir, 'missing.pdf')), 1, /missing\.pdf": it does not exist/],
      [swap(consent, '--signed', '2025-02-30'), 2, /not a date/],
      [swap(approval, '--rules', 'W-NOPE'), 2, /Unknown rule id "W-NOPE"/],
      [[...approval, '--uses', '1'], 2, /either --assets/],
      [['approval', 'import', evidence, '--assets', id, '--rules', 'W-FINAL'], 2, /--decision is required/],
    ];
    const before = state();
    const results = await inBatches(cases.map(([args]) => () => run(...args)), 3);
    cases.forEach(([args, code, message], i) => {
      const r = results[i]!;
      // stderr shown only on a wrong exit code, so a failure says why.
      expect({ args, code: r.code, stderr: r.code === code ? '' : r.stderr }).toEqual({ args, code, stderr: '' });
      // The message is the first line; a usage error (exit 2) adds the command's usage below it.
      const lines = r.stderr.trim().split('\n');
      expect(lines[0]).toMatch(message);
      if (code === 1) expect(lines).toHaveLength(1);
    });
    expect(state()).toBe(before);
  });
});
