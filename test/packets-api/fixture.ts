import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyProtector } from '../../main/packet';
import { PACKET_FILE, type PacketManifest } from '../../main/packet';
import { readZip } from '../../main/packet/zip-io';
import { createContext } from '../../main/app-context';
import type { ApiContext } from '../../main/api/context';
import { ok, tempDir, testClient, writeFile } from '../support/context';

export const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
export const fileSha = (path: string) => sha(readFileSync(path));

/** A clock the test moves; starts at a fixed day so dates in packets are predictable. */
export class Clock {
  constructor(public t = new Date('2026-03-10T10:00:00.000Z')) {}
  now = () => new Date(this.t);
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/** A stand-in for Electron safeStorage: reversible, and visibly not plain text. */
export const xorProtector: KeyProtector = {
  encrypt: (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
  decrypt: (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
};

export interface World {
  ctx: ApiContext;
  api: ReturnType<typeof testClient>;
  dir: string;
  clock: Clock;
  file: (name: string, content?: string) => string;
  ids: { moodboard: number; poster: number; replica: number; ep2: number };
  consentFile: string;
  approvalFile: string;
}

/**
 * A small, realistic production built through the public API: two tools (an enterprise one and a consumer one
 * that trains on inputs), a disclose-only moodboard, a deliverable poster cleared by a written approval, a
 * digital replica with no consent (blocked), an episode-2 asset, a planned use and a consent record.
 */
export async function world(opts: { protector?: KeyProtector } = {}): Promise<World> {
  const dir = tempDir('genlog-packets-');
  const clock = new Clock();
  const ctx = createContext({ dbPath: join(dir, 'genlog.db'), transport: 'test', actor: 'tester', now: clock.now, protector: opts.protector });
  const api = testClient(ctx);
  const file = (name: string, content = `content of ${name}`) => writeFile(dir, name, content);
  ok(await api.addProduction({ code: 'HL', title: 'Harbour Lights', contactEmail: 'dana.whitfield@netflix.com', vendor: 'Northlight VFX', episodes: ['101', '102'] }));
  ok(await api.addTool({ name: 'Firefly', vendor: 'Adobe', version: 'Image 4', hosting: 'enterprise-cloud', enterprise: 'yes', trainsOnInputs: 'no', retainsData: 'no', notes: 'Enterprise terms: no training on customer content.' }));
  ok(await api.addTool({ name: 'FaceForge', vendor: 'Synthetic Faces', hosting: 'public-cloud', enterprise: 'no', trainsOnInputs: 'yes', retainsData: 'yes' }));
  const use = ok(await api.addPlannedUse({ production: 'HL', title: 'Moodboards for the harbour', department: 'Art', facts: { onScreen: 'none', unownedMaterial: 'no' }, tools: ['Firefly'] }));
  const log = async (name: string, extra: Record<string, unknown>) =>
    ok(await api.logAssets({ files: [{ path: file(name) }], production: 'HL', tool: 'Firefly', by: 'Priya Natarajan', ...extra } as never))[0]!.id;
  const moodboard = await log('HL_101_moodboard.png', { episode: '101', use: use.id, prompt: 'foggy harbour at dawn' });
  const poster = await log('HL_101_poster.png', { episode: '101', classification: 'deliverable', facts: { onScreen: 'prominent', unownedMaterial: 'no' }, prompt: '=HYPERLINK("x") campaign poster' });
  const replica = await log('HL_101_anchor_replica.mov', {
    episode: '101', classification: 'deliverable', tools: ['FaceForge'],
    facts: { onScreen: 'incidental', outputs: ['digital-replica'], talent: ['Ruth Calloway'], inputs: ['talent-likeness'], unownedMaterial: 'no' },
  });
  const ep2 = await log('HL_102_sky.exr', { episode: '102', facts: { onScreen: 'none', unownedMaterial: 'no' } });
  const consentFile = file('consent-ada.pdf', '%PDF-1.4 signed consent of Ada Stone');
  ok(await api.addConsent({ talent: 'Ada Stone', production: 'HL', kinds: ['digital-replica'], scope: 'episode 102 double', signed: '2026-02-01', evidence: { path: consentFile } }));
  const approvalFile = file('approval.eml', 'From: dana.whitfield@netflix.com\nSubject: Re: poster\n\nApproved.\n');
  ok(await api.addApproval({ assets: [poster], all: true, decision: 'approved', approver: 'Dana Whitfield', date: '2026-03-01', reference: 'Re: poster', evidence: { path: approvalFile } }));
  return { ctx, api, dir, clock, file, ids: { moodboard, poster, replica, ep2 }, consentFile, approvalFile };
}

export async function zipFiles(path: string): Promise<Map<string, Buffer>> {
  return (await readZip(path)).files;
}

export async function manifestOf(path: string): Promise<PacketManifest> {
  return JSON.parse((await zipFiles(path)).get(PACKET_FILE.manifest)!.toString('utf8')) as PacketManifest;
}

/** Packet rows straight from the db, for checks the API does not expose. */
export function packetCount(ctx: ApiContext): number {
  return (ctx.db.prepare('SELECT count(*) AS n FROM packets').get() as { n: number }).n;
}
