import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../main/app-context';
import type { ApiContext } from '../../main/api/context';
import { ok, tempDir, testClient, writeFile } from '../support/context';

export type Api = ReturnType<typeof testClient>;

/** A clock tests can move; noon UTC so the local calendar day is the same in every time zone a CI runs in. */
export function clock(start = '2025-09-15T12:00:00Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set: (iso: string) => { t = Date.parse(iso); },
    addDays: (n: number) => { t += n * 86_400_000; },
  };
}

export interface World {
  ctx: ApiContext;
  api: Api;
  dir: string;
  dbPath: string;
  time: ReturnType<typeof clock>;
  /** Logs one file with the given content and returns its id. */
  log(name: string, extra?: Record<string, unknown>): Promise<number>;
  /** A file to use as evidence. */
  evidence(name: string, content?: string): string;
}

/**
 * One production (SHOW1) and two tools: LocalSD passes P2 and P3 (local, keeps and trains on nothing); CloudGen is a
 * public-cloud tool without an agreement that trains on and keeps its inputs.
 */
export async function world(start?: string): Promise<World> {
  const time = clock(start);
  const dir = tempDir('genlog-compliance-');
  const dbPath = join(dir, 'data', 'genlog.db');
  const ctx = createContext({ dbPath, transport: 'test', actor: 'tester', now: time.now });
  const api = testClient(ctx);
  ok(await api.addProduction({ code: 'SHOW1', title: 'The Show', contactEmail: 'dana@netflix.com', episodes: [] }));
  ok(await api.addTool({ name: 'LocalSD', hosting: 'local', enterprise: 'no', trainsOnInputs: 'no', retainsData: 'no' }));
  ok(await api.addTool({ name: 'CloudGen', hosting: 'public-cloud', enterprise: 'no', trainsOnInputs: 'yes', retainsData: 'yes' }));
  let n = 0;
  return {
    ctx, api, dir, dbPath, time,
    async log(name, extra = {}) {
      const path = writeFile(dir, name, `${name} ${n++}`);
      const [a] = ok(await api.logAssets({ files: [{ path }], production: 'SHOW1', tool: 'LocalSD', by: 'ana', ...extra }));
      return a!.id;
    },
    evidence: (name, content = `evidence ${name}`) => writeFile(dir, name, content),
  };
}

/** Every row of every table compliance writes, and the evidence store, to prove a refused request wrote nothing. */
export function snapshot(ctx: Pick<ApiContext, 'db' | 'dataDir'>): string {
  const tables = ['assets', 'asset_events', 'asset_tools', 'planned_uses', 'planned_use_tools', 'evidence', 'consents', 'approvals',
    'approval_subjects', 'events', 'productions', 'tools'];
  const rows = Object.fromEntries(tables.map((t) => [t, ctx.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
  return JSON.stringify({ rows, files: storedFiles(ctx.dataDir) });
}

/** Files in the evidence store (hidden temp files included, so a leftover would show). */
export function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'evidence');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

/** The facts that pass every principle on LocalSD while temporary. */
export const SAFE = { unownedMaterial: 'no' } as const;

/** A realistic approval email as a mail client saves it (.eml). */
export function approvalEml(o: { from?: string; date?: string; messageId?: string | null; subject?: string } = {}): string {
  const lines = [
    'Return-Path: <dana.reyes@netflix.com>',
    'Received: from mail.netflix.com (mail.netflix.com [203.0.113.5]) by mx.pixelworks.example; Tue, 02 Sep 2025 05:00:03 -0700',
    `From: ${o.from ?? '"Dana Reyes" <dana.reyes@netflix.com>'}`,
    'To: VFX Supervisor <vfx-sup@pixelworks.example>',
    'Cc: post@pixelworks.example',
    `Subject: ${o.subject ?? 'RE: GenAI approval request - SHOW1 digital double, shot 042'}`,
    `Date: ${o.date ?? 'Tue, 02 Sep 2025 05:00:00 -0700'}`,
    ...(o.messageId === null ? [] : [`Message-ID: ${o.messageId ?? '<CAF=approval.8812.x7Q@mail.netflix.com>'}`]),
    'In-Reply-To: <req-042@pixelworks.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Hi team,',
    '',
    'Approved: the digital double of Alice Smith for shot 042 (W-TALENT-REPLICA), as per the consent on file.',
    'Please keep the model on the production workstation only.',
    '',
    'Dana',
    '--b1',
    'Content-Type: text/html; charset="UTF-8"',
    '',
    '<p>Hi team,</p><p>Approved: the digital double of Alice Smith for shot 042.</p>',
    '--b1--',
    '',
  ];
  return lines.join('\r\n');
}
