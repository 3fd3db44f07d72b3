import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';

/**
 * How the connection is secured:
 * - implicit: TLS from the first byte (smtps://, usually port 465)
 * - starttls: plain connect, then STARTTLS, refusing to send if the server does not offer it
 *   (the default for smtp://, so a password never crosses the network in clear)
 * - optional: STARTTLS when the server offers it, plain otherwise
 * - off:      never STARTTLS; for a relay on the same machine or a test server on 127.0.0.1
 */
export type SmtpTlsMode = 'implicit' | 'starttls' | 'optional' | 'off';

export interface SmtpSettings {
  host: string;
  port: number;
  tls: SmtpTlsMode;
  user?: string;
  pass?: string;
}

export interface SmtpTimeouts {
  /** To open the TCP (or TLS) connection. */
  connectionTimeoutMs?: number;
  /** From connecting to the server's 220 greeting. */
  greetingTimeoutMs?: number;
  /** Longest silence on an open connection. */
  socketTimeoutMs?: number;
}

export const DEFAULT_SMTP_TIMEOUTS: Required<SmtpTimeouts> = {
  connectionTimeoutMs: 15_000,
  greetingTimeoutMs: 15_000,
  socketTimeoutMs: 60_000,
};

const SMTP_URL_HELP =
  'Use smtp://user:password@host:port (STARTTLS required), smtps://user:password@host:465 (TLS), and add ' +
  '?tls=optional or ?tls=off to smtp:// only for a server without STARTTLS, such as a local relay or a test server.';

/**
 * Reads an SMTP URL: smtp://[user[:pass]@]host[:port][?tls=starttls|optional|off] or
 * smtps://[user[:pass]@]host[:port]. User name and password are percent-decoded.
 * Defaults: port 587 for smtp:// with STARTTLS required, port 465 for smtps://.
 */
export function parseSmtpUrl(smtpUrl: string): SmtpSettings {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error(`The SMTP address is not a valid URL. ${SMTP_URL_HELP}`);
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme !== 'smtp' && scheme !== 'smtps') throw new Error(`The SMTP address must start with smtp:// or smtps://, not ${scheme}://. ${SMTP_URL_HELP}`);
  if (!url.hostname) throw new Error(`The SMTP address names no server. ${SMTP_URL_HELP}`);

  let tls: SmtpTlsMode = scheme === 'smtps' ? 'implicit' : 'starttls';
  for (const [key, value] of url.searchParams) {
    if (key !== 'tls') throw new Error(`The SMTP address has an unknown setting "${key}". ${SMTP_URL_HELP}`);
    if (scheme === 'smtps') {
      if (value !== 'on' && value !== 'implicit') throw new Error(`smtps:// always uses TLS; "tls=${value}" does not apply. ${SMTP_URL_HELP}`);
    } else if (value === 'starttls' || value === 'optional' || value === 'off') {
      tls = value;
    } else {
      throw new Error(`The SMTP address has an unknown TLS mode "tls=${value}". ${SMTP_URL_HELP}`);
    }
  }
  const port = url.port ? Number(url.port) : scheme === 'smtps' ? 465 : 587;
  const settings: SmtpSettings = { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port, tls };
  try {
    if (url.username) settings.user = decodeURIComponent(url.username);
    if (url.password) settings.pass = decodeURIComponent(url.password);
  } catch {
    throw new Error('The user name or password in the SMTP address is not properly percent-encoded.');
  }
  return settings;
}

/** nodemailer SMTP transport options for the settings, with timeouts so nothing waits forever. */
export function smtpTransportOptions(settings: SmtpSettings, timeouts: SmtpTimeouts = {}): SMTPTransportOptions {
  const t = { ...DEFAULT_SMTP_TIMEOUTS, ...timeouts };
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'implicit',
    requireTLS: settings.tls === 'starttls',
    ignoreTLS: settings.tls === 'off',
    auth: settings.user !== undefined ? { user: settings.user, pass: settings.pass ?? '' } : undefined,
    connectionTimeout: t.connectionTimeoutMs,
    greetingTimeout: t.greetingTimeoutMs,
    socketTimeout: t.socketTimeoutMs,
    dnsTimeout: t.connectionTimeoutMs,
    logger: false,
  };
}
