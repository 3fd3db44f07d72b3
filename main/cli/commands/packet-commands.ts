import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, usageError, type Command, type CommandRun } from '../command';
import { bytes, keyValues, table } from '../format';
import type { ManifestSummary, OutboxRun, Packet, PacketDetail, PacketSettings } from '../../services/packets';
import type { VerifyResult } from '../../packet';

const scopeText = (p: Packet) =>
  [p.episode ?? 'all eps', p.since || p.until ? `${p.since ?? '…'}..${p.until ?? '…'}` : ''].filter(Boolean).join(' ');
const countsText = (p: Packet) =>
  `${p.counts.blocked} blocked, ${p.counts.escalate} awaiting, ${p.counts.cleared} cleared, ${p.counts.disclose} disclose`;

const packetTable = (ps: Packet[]) =>
  table(['ID', 'PROD', 'SCOPE', 'STATE', 'ASSETS', 'OUTCOMES', 'CREATED', 'APPROVED BY', 'SENT', 'NOTE'],
    ps.map((p) => [p.id, p.production, scopeText(p), p.state, p.assets, countsText(p), p.createdAt.slice(0, 16).replace('T', ' '),
      p.approvedBy, p.sentAt?.slice(0, 16).replace('T', ' '), p.lastError ?? (p.supersededBy ? `superseded by ${p.supersededBy}` : '')]));

function manifestText(m: ManifestSummary | null): string {
  if (!m) return 'The packet file is missing or changed on disk: it cannot be shown, approved or sent.\n';
  const attention = m.attention.length === 0 ? 'Nothing blocked or awaiting approval.\n'
    : table(['ASSET', 'OUTCOME', 'OPEN RULES', 'FILE'], m.attention.map((a) => [a.id, a.outcome, a.openRules.join(','), a.fileName]));
  return keyValues([
    ['title', m.productionTitle], ['vendor', m.vendor], ['netflix contact', `${m.netflixContact.name} <${m.netflixContact.email}>`],
    ['tools', m.tools.join(', ')], ['planned uses', m.plannedUses], ['consents', m.consents], ['approvals', m.approvals],
    ['supersedes', m.supersedes ?? ''], ['signing key', m.signingKeyFingerprint],
  ]) + `\nNeeds attention\n${attention}`;
}

const packetDetail = (p: PacketDetail) =>
  keyValues([
    ['id', p.id], ['uuid', p.uuid], ['production', p.production], ['scope', scopeText(p)], ['state', p.state],
    ['file', `${p.path} (${p.file})`], ['sha256', p.sha256], ['size', bytes(p.size)], ['assets', p.assets], ['outcomes', countsText(p)],
    ['created', `${p.createdAt} by ${p.createdBy}`], ['approved', p.approvedAt ? `${p.approvedAt} by ${p.approvedBy}` : 'no (draft)'],
    ['supersedes', p.supersedes ?? ''], ['superseded by', p.supersededBy ?? ''], ['message-id', p.messageId],
    ['sent', p.sentAt ? `${p.sentAt}: ${p.smtpResponse}` : ''], ['attempts', p.attempts], ['last error', p.lastError ?? ''],
    ['next attempt', p.nextAttemptAt ?? ''], ['eml exported', p.emlExportedAt ? `${p.emlExportedAt} by ${p.emlExportedBy}` : ''],
  ]) + `\n${manifestText(p.manifest)}\nHistory\n` + table(['AT', 'BY', 'ACTION', 'FROM', 'TO', 'DETAIL'],
    p.history.map((e) => [e.at.slice(0, 19).replace('T', ' '), e.by, e.action, e.from, e.to, e.reason]));

const runText = (r: OutboxRun) =>
  (r.interrupted.length ? `Found mid-send from an earlier run (now unknown, never re-sent by itself): ${r.interrupted.join(', ')}\n` : '') +
  (r.packets.length === 0 ? 'Nothing to send.\n'
    : table(['ID', 'RESULT', 'DETAIL'], r.packets.map((p) => [p.id, p.result, p.result === 'sent' ? p.response : `${p.error}${p.nextAttemptAt ? ` (next try after ${p.nextAttemptAt})` : ''}`])));

function printed(r: CommandRun, value: unknown, human: string): void {
  r.io.stdout(r.json ? `${JSON.stringify(value, null, 2)}\n` : human);
}

function intFlag(r: CommandRun, flag: string): number | undefined {
  const v = r.optional(flag);
  if (v === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(v)) throw usageError(`--${flag} must be a number, not "${v}".`);
  return Number(v);
}

/** '' given on the command line clears a setting. */
const clearable = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v);

export const packetCommands: Command[] = [
  {
    name: 'packet build',
    usage: 'genlog packet build --production CODE [--episode E] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--out FILE] [--by NAME]',
    summary: 'Build a draft disclosure packet (signed ZIP) of a production\'s assets',
    options: { production: { type: 'string' }, episode: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, out: { type: 'string' }, by: { type: 'string' } },
    async run(r) {
      const p = await r.call<Packet>('buildPacket', {
        production: r.required('production'), episode: r.optional('episode'), since: r.optional('since'), until: r.optional('until'),
        out: r.optional('out'), by: r.optional('by'),
      });
      r.io.stderr(`Built draft packet ${p.id} with ${p.assets} asset(s)${p.supersedes ? `, superseding packet ${p.supersedes}` : ''}. ` +
        `Review its summary.pdf, then: genlog packet approve ${p.id} --by NAME\n`);
      return p;
    },
    human: (p: Packet) => keyValues([['id', p.id], ['path', p.path], ['sha256', p.sha256], ['assets', p.assets], ['outcomes', countsText(p)]]),
  },
  {
    name: 'packet rebuild',
    usage: 'genlog packet rebuild ID [--by NAME]',
    summary: 'Rebuild a draft packet from the log as it is now (approved packets are frozen)',
    options: { by: { type: 'string' } },
    positionals: 1,
    run: (r) => r.call('rebuildPacket', { id: r.positionals[0], by: r.optional('by') }),
    human: (p: Packet) => packetTable([p]),
  },
  {
    name: 'packet list',
    usage: 'genlog packet list [--production CODE] [--state draft|queued|sending|sent|failed|unknown]',
    summary: 'List disclosure packets, newest first',
    options: { production: { type: 'string' }, state: { type: 'string' } },
    run: (r) => r.call('listPackets', { production: r.optional('production'), state: r.optional('state') }),
    human: packetTable,
  },
  {
    name: 'packet show',
    usage: 'genlog packet show ID',
    summary: 'Show a packet: state, file, what needs attention, history',
    options: {},
    positionals: 1,
    run: (r) => r.call('getPacket', { id: r.positionals[0] }),
    human: packetDetail,
  },
  {
    name: 'packet pdf',
    usage: 'genlog packet pdf ID --out FILE.pdf',
    summary: "Write a packet's summary.pdf, to read it before approving",
    options: { out: { type: 'string' } },
    positionals: 1,
    async run(r) {
      const out = resolve(r.required('out'));
      const pdf = await r.call<{ base64: string }>('getPacketPdf', { id: r.positionals[0] });
      try {
        writeFileSync(out, Buffer.from(pdf.base64, 'base64'));
      } catch (err) {
        throw new CliError(`Cannot write ${out}: ${(err as Error).message}`, 1);
      }
      return { id: Number(r.positionals[0]) || r.positionals[0], path: out };
    },
    human: (v: { path: string }) => `${v.path}\n`,
  },
  {
    name: 'packet approve',
    usage: 'genlog packet approve ID --by NAME',
    summary: 'Approve a draft packet as facility manager: it is frozen and queued for sending',
    options: { by: { type: 'string' } },
    positionals: 1,
    async run(r) {
      const p = await r.call<Packet>('approvePacket', { id: r.positionals[0], by: r.required('by') });
      r.io.stderr(`Packet ${p.id} approved by ${p.approvedBy} and queued. Send it with genlog outbox send, or export it with genlog packet eml ${p.id} --out FILE.eml\n`);
      return p;
    },
    human: (p: Packet) => packetTable([p]),
  },
  {
    name: 'packet verify',
    needsDb: false,
    usage: 'genlog packet verify FILE [--fingerprint "SHA256:..."]',
    summary: 'Verify a packet ZIP: every hash, the signature, the manifest schema (exit 0 only when valid)',
    options: { fingerprint: { type: 'string' } },
    positionals: 1,
    async run(r) {
      const v = await r.call<VerifyResult & { path: string }>('verifyPacketFile', { path: r.positionals[0], expectedFingerprint: r.optional('fingerprint') });
      const result = { valid: v.valid, problems: v.problems, path: v.path };
      if (v.valid) return result;
      printed(r, result, `NOT VALID: ${v.path}\n${v.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      throw new CliError(`the packet is not valid: ${v.problems.join('; ')}`, 1);
    },
    human: (v: { path: string }) => `valid: ${v.path} (every hash, the signature and the manifest check out)\n`,
  },
  {
    name: 'packet eml',
    usage: 'genlog packet eml ID --out FILE.eml [--by NAME]',
    summary: 'Write an approved packet as a ready-to-send e-mail (.eml, attachments included) for a mail program',
    options: { out: { type: 'string' }, by: { type: 'string' } },
    positionals: 1,
    async run(r) {
      const p = await r.call<Packet & { emlPath: string }>('exportPacketEml', { id: r.positionals[0], out: r.required('out'), by: r.optional('by') });
      r.io.stderr(`Wrote ${p.emlPath}. After sending it, record that: genlog outbox confirm ${p.id} --by NAME\n`);
      return p;
    },
    human: (p: { emlPath: string }) => `${p.emlPath}\n`,
  },
  {
    name: 'packet resend',
    usage: 'genlog packet resend ID --by NAME [--reason TEXT]',
    summary: 'Queue a sent, failed or unknown packet to be sent again (same Message-ID)',
    options: { by: { type: 'string' }, reason: { type: 'string' } },
    positionals: 1,
    run: (r) => r.call('resendPacket', { id: r.positionals[0], by: r.required('by'), reason: r.optional('reason') }),
    human: (p: Packet) => packetTable([p]),
  },
  {
    name: 'outbox list',
    usage: 'genlog outbox list',
    summary: 'Approved packets and where each is in the outbox (queued, sent, failed, unknown)',
    options: {},
    run: (r) => r.call('listOutbox', {}),
    human: packetTable,
  },
  {
    name: 'outbox send',
    usage: 'genlog outbox send [--smtp smtp://user:pass@host:587] [--by NAME]',
    summary: 'Send every queued packet (SMTP from --smtp, else $GENLOG_SMTP_URL, else settings); exit 1 if any is not sent',
    options: { smtp: { type: 'string' }, by: { type: 'string' } },
    async run(r) {
      const smtpUrl = r.optional('smtp') ?? (process.env.GENLOG_SMTP_URL || undefined);
      const run = await r.call<OutboxRun>('sendOutbox', { smtpUrl, all: true, by: r.optional('by') });
      const unsent = run.packets.filter((p) => p.result !== 'sent');
      if (unsent.length === 0) return run;
      printed(r, run, runText(run));
      const first = unsent[0]!;
      throw new CliError(`${unsent.length} packet(s) not sent (${first.result === 'retrying' ? 'still queued' : 'failed'}): ${first.error}`, 1);
    },
    human: runText,
  },
  {
    name: 'outbox confirm',
    usage: 'genlog outbox confirm ID [--by NAME] [--note TEXT]',
    summary: 'Record that a packet reached the Netflix contact (after an interrupted send, or an .eml sent by hand)',
    options: { by: { type: 'string' }, note: { type: 'string' } },
    positionals: 1,
    run: (r) => r.call('confirmPacketSent', { id: r.positionals[0], by: r.optional('by'), note: r.optional('note') }),
    human: (p: Packet) => packetTable([p]),
  },
  {
    name: 'outbox settings',
    usage: 'genlog outbox settings [--host H] [--port N] [--tls starttls|optional|off|tls] [--user U] [--from EMAIL] [--manager EMAIL] ' +
      '[--size-cap-mb N] [--forget-password]',
    summary: "Show or change the SMTP server, sender, facility manager and packet size cap ('' clears a value)",
    options: {
      host: { type: 'string' }, port: { type: 'string' }, tls: { type: 'string' }, user: { type: 'string' }, from: { type: 'string' },
      manager: { type: 'string' }, 'size-cap-mb': { type: 'string' }, 'forget-password': { type: 'boolean' },
    },
    run(r) {
      const port = r.optional('port');
      const change = {
        smtpHost: clearable(r.optional('host')), smtpPort: port === '' ? null : intFlag(r, 'port'), smtpTls: r.optional('tls'),
        smtpUser: clearable(r.optional('user')), fromAddress: clearable(r.optional('from')),
        facilityManagerEmail: clearable(r.optional('manager')), sizeCapMb: intFlag(r, 'size-cap-mb'),
        smtpPassword: r.values['forget-password'] ? null : undefined,
      };
      const given = Object.values(change).some((v) => v !== undefined);
      return given ? r.call('setPacketSettings', change) : r.call('getPacketSettings', {});
    },
    human: (s: PacketSettings) => keyValues([
      ['smtp server', s.smtpHost ? `${s.smtpHost}:${s.smtpPort ?? 'default'} (tls ${s.smtpTls})` : 'not set'],
      ['smtp user', s.smtpUser ?? ''], ['smtp password', s.smtpPasswordSet ? 'stored (encrypted by the desktop app)' : 'not stored'],
      ['from', s.fromAddress ?? 'not set'], ['facility manager', s.facilityManagerEmail ?? 'not set'], ['packet size cap', bytes(s.sizeCapBytes)],
      ['facility key', s.facilityKey.fingerprint ?? s.facilityKey.problem ?? ''],
    ]),
  },
];
