import type { ApiContext } from '../../api/context';
import { invalid } from '../../api/envelope';
import { allSettings, setSetting } from '../../../db/settings';
import { inTransaction } from '../../../db/connection';
import { DEFAULT_PACKET_SIZE_CAP } from '../../packet';
import { facilityKeyInfo, type FacilityKeyInfo } from './facility-key';
import { nextStep } from '../../api/next-step';

/** How the SMTP connection is secured: STARTTLS required, STARTTLS when offered, never, or TLS from the first byte. */
export const SMTP_TLS_MODES = ['starttls', 'optional', 'off', 'tls'] as const;
export type SmtpTlsSetting = (typeof SMTP_TLS_MODES)[number];

const KEY = {
  host: 'packet.smtp.host',
  port: 'packet.smtp.port',
  tls: 'packet.smtp.tls',
  user: 'packet.smtp.user',
  /** base64 of the protector's encryption of the password; never the password itself. */
  password: 'packet.smtp.passwordProtected',
  from: 'packet.fromAddress',
  manager: 'packet.facilityManagerEmail',
  sizeCap: 'packet.sizeCapBytes',
} as const;

export interface StoredPacketSettings {
  smtpHost: string | null;
  smtpPort: number | null;
  smtpTls: SmtpTlsSetting;
  smtpUser: string | null;
  /** base64 ciphertext, or null. */
  smtpPasswordProtected: string | null;
  fromAddress: string | null;
  facilityManagerEmail: string | null;
  sizeCapBytes: number;
}

/** What the settings page shows: never the password, only whether one is stored. */
export interface PacketSettings {
  smtpHost: string | null;
  smtpPort: number | null;
  smtpTls: SmtpTlsSetting;
  smtpUser: string | null;
  smtpPasswordSet: boolean;
  /** False in the CLI and the browser: only the desktop app can keep a password (encrypted by the OS keychain). */
  canStorePassword: boolean;
  /** The sender as set; the facility manager when not set. */
  fromAddress: string | null;
  facilityManagerEmail: string | null;
  sizeCapBytes: number;
  /** True when a server is set, so the outbox can send on its own. */
  smtpConfigured: boolean;
  facilityKey: FacilityKeyInfo;
}

export interface PacketSettingsChange {
  /** '' or null clears a setting. */
  smtpHost?: string | null;
  smtpPort?: number | null;
  smtpTls?: SmtpTlsSetting;
  smtpUser?: string | null;
  smtpPassword?: string | null;
  fromAddress?: string | null;
  facilityManagerEmail?: string | null;
  sizeCapMb?: number;
}

const orNull = (v: string | undefined) => (v === undefined || v === '' ? null : v);

export function storedPacketSettings(ctx: Pick<ApiContext, 'db'>): StoredPacketSettings {
  const s = allSettings(ctx.db);
  const port = orNull(s[KEY.port]);
  const cap = Number(s[KEY.sizeCap]);
  const tls = s[KEY.tls] as SmtpTlsSetting | undefined;
  return {
    smtpHost: orNull(s[KEY.host]),
    smtpPort: port === null ? null : Number(port),
    smtpTls: tls && (SMTP_TLS_MODES as readonly string[]).includes(tls) ? tls : 'starttls',
    smtpUser: orNull(s[KEY.user]),
    smtpPasswordProtected: orNull(s[KEY.password]),
    fromAddress: orNull(s[KEY.from]),
    facilityManagerEmail: orNull(s[KEY.manager]),
    sizeCapBytes: Number.isFinite(cap) && cap > 0 ? cap : DEFAULT_PACKET_SIZE_CAP,
  };
}

export function readPacketSettings(ctx: ApiContext): PacketSettings {
  const s = storedPacketSettings(ctx);
  return {
    smtpHost: s.smtpHost,
    smtpPort: s.smtpPort,
    smtpTls: s.smtpTls,
    smtpUser: s.smtpUser,
    smtpPasswordSet: s.smtpPasswordProtected !== null,
    canStorePassword: ctx.protector !== undefined,
    fromAddress: s.fromAddress ?? s.facilityManagerEmail,
    facilityManagerEmail: s.facilityManagerEmail,
    sizeCapBytes: s.sizeCapBytes,
    smtpConfigured: s.smtpHost !== null,
    facilityKey: facilityKeyInfo(ctx),
  };
}

export function writePacketSettings(ctx: ApiContext, c: PacketSettingsChange): PacketSettings {
  let protectedPassword: string | null | undefined;
  if (c.smtpPassword !== undefined) {
    if (c.smtpPassword === null || c.smtpPassword === '') protectedPassword = null;
    else if (!ctx.protector) {
      throw invalid('The SMTP password can only be stored by the GenLog desktop app, which keeps it encrypted with the ' +
        `operating system keychain. ${nextStep(ctx, {
          cli: 'From the command line, give it in --smtp URL or the GENLOG_SMTP_URL environment variable.',
          app: 'Set it in the desktop app; a browser cannot store it.',
        })}`);
    } else protectedPassword = ctx.protector.encrypt(Buffer.from(c.smtpPassword, 'utf8')).toString('base64');
  }
  const put = (key: string, value: string | number | null | undefined) => {
    if (value !== undefined) setSetting(ctx.db, key, value === null ? '' : String(value));
  };
  inTransaction(ctx.db, () => {
    put(KEY.host, c.smtpHost?.trim() ?? c.smtpHost);
    put(KEY.port, c.smtpPort);
    put(KEY.tls, c.smtpTls);
    put(KEY.user, c.smtpUser);
    put(KEY.password, protectedPassword);
    put(KEY.from, c.fromAddress?.trim() ?? c.fromAddress);
    put(KEY.manager, c.facilityManagerEmail?.trim() ?? c.facilityManagerEmail);
    if (c.sizeCapMb !== undefined) put(KEY.sizeCap, Math.round(c.sizeCapMb * 1024 * 1024));
  });
  return readPacketSettings(ctx);
}

/** The sender: the address set for packets, else the facility manager. */
export function senderAddresses(ctx: Pick<ApiContext, 'db' | 'transport'>): { from: string; cc: string | undefined } {
  const s = storedPacketSettings(ctx);
  const from = s.fromAddress ?? s.facilityManagerEmail;
  if (!from) {
    const where = nextStep(ctx, { cli: 'genlog outbox settings --manager EMAIL, or the settings page', app: 'on the Settings page' });
    throw invalid(`Set the facility manager's email address first (${where}): packets are sent from it, with the manager in copy.`);
  }
  return { from, cc: s.facilityManagerEmail ?? undefined };
}

/**
 * The SMTP address to send through, from settings: undefined when no server is set. A stored password needs the
 * protector that encrypted it (the desktop app); without it the caller must give the whole URL instead.
 */
export function smtpUrlFromSettings(ctx: Pick<ApiContext, 'db' | 'protector' | 'transport'>): string | undefined {
  const s = storedPacketSettings(ctx);
  if (!s.smtpHost) return undefined;
  let password: string | undefined;
  if (s.smtpPasswordProtected) {
    if (!ctx.protector) {
      throw invalid(`The SMTP password is kept encrypted by the GenLog desktop app and cannot be read here. ${nextStep(ctx, {
        cli: 'Send from the app, or give the server with --smtp smtp://user:password@host:port or GENLOG_SMTP_URL.',
        app: 'Send from the desktop app.',
      })}`);
    }
    try {
      password = ctx.protector.decrypt(Buffer.from(s.smtpPasswordProtected, 'base64')).toString('utf8');
    } catch (err) {
      throw invalid(`The stored SMTP password cannot be decrypted (${(err as Error).message}); enter it again in settings.`);
    }
  }
  const host = s.smtpHost.includes(':') ? `[${s.smtpHost}]` : s.smtpHost;
  const auth = s.smtpUser ? `${encodeURIComponent(s.smtpUser)}${password !== undefined ? `:${encodeURIComponent(password)}` : ''}@` : '';
  const port = s.smtpPort ? `:${s.smtpPort}` : '';
  if (s.smtpTls === 'tls') return `smtps://${auth}${host}${port}`;
  const query = s.smtpTls === 'starttls' ? '' : `?tls=${s.smtpTls}`;
  return `smtp://${auth}${host}${port}${query}`;
}
