import type nodemailerModule from 'nodemailer';
import { lazyRequire } from '../lazy-require';

const nodemailer = lazyRequire<typeof nodemailerModule>('nodemailer');
import type Mail from 'nodemailer/lib/mailer';
import { parseSmtpUrl, smtpTransportOptions } from './smtp-url';
import type { SmtpSettings, SmtpTimeouts } from './smtp-url';

export type SendResult =
  | { status: 'sent'; messageId: string; response: string; accepted: string[]; rejected: string[] }
  | { status: 'failed'; permanent: boolean; error: string };

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

// Connection-level trouble: nothing says the server refused the message, so it may go through later.
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EPROXY', 'EABORT']);
// Settings that will fail the same way every time until a person changes them.
const CONFIG_CODES = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'EENVELOPE', 'EMAXRECIPIENTS', 'EFILEACCESS', 'EOTP']);

const answered = (command?: string) => (command ? `answered ${command.split(' ')[0]}` : 'answered');

/**
 * Turns a nodemailer error into a SendResult. An SMTP 5xx reply is permanent (the same message
 * would be refused again), 4xx is temporary; a connection that fails, times out or drops - even in
 * the middle of DATA - is temporary and never counts as sent.
 */
export function classifySmtpError(err: unknown, settings?: SmtpSettings): SendResult & { status: 'failed' } {
  const e = (err ?? {}) as SmtpError;
  const reply = (e.response ?? e.message ?? String(err)).trim();
  const server = settings ? `${settings.host}:${settings.port}` : 'the mail server';
  if (e.code === 'ETLS' || e.code === 'EREQUIRETLS') {
    return {
      status: 'failed', permanent: true,
      error: `Cannot send through ${server}: the secure connection failed (${reply}). Check the TLS mode of the SMTP address: ` +
        'smtps:// for TLS from the start, or ?tls=optional / ?tls=off for a server without STARTTLS.',
    };
  }
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) {
    return { status: 'failed', permanent: true, error: `The mail server ${server} ${answered(e.command)} with a permanent error: ${reply}` };
  }
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    return { status: 'failed', permanent: false, error: `The mail server ${server} ${answered(e.command)} with a temporary error, try again later: ${reply}` };
  }
  if (e.code && CONFIG_CODES.has(e.code)) {
    return { status: 'failed', permanent: true, error: `Cannot send through ${server}: ${e.message ?? reply}.` };
  }
  const detail = e.message ?? reply;
  const reason = e.code && TRANSIENT_CODES.has(e.code) ? 'the connection failed or dropped before the server confirmed the message' : 'the send did not complete';
  return { status: 'failed', permanent: false, error: `Not sent: ${reason} (${server}: ${detail}). It can be retried later.` };
}

/**
 * Sends one message through the SMTP server in `smtpUrl` (see parseSmtpUrl for the form, e.g.
 * smtp://user:pass@mail.example.com:587, or smtp://127.0.0.1:2525?tls=off for a local test server).
 * Never throws: a bad URL, an unreachable server or a refusal come back as { status: 'failed' }.
 * 'sent' means the server answered 250 to the message data; `rejected` lists recipients it refused.
 */
export async function sendEmail(smtpUrl: string, options: Mail.Options, timeouts?: SmtpTimeouts): Promise<SendResult> {
  let settings: SmtpSettings;
  try {
    settings = parseSmtpUrl(smtpUrl);
  } catch (err) {
    return { status: 'failed', permanent: true, error: (err as Error).message };
  }
  const transporter = nodemailer().createTransport(smtpTransportOptions(settings, timeouts));
  try {
    const info = await transporter.sendMail(options);
    const list = (xs: unknown[] | undefined) => (xs ?? []).map((x) => (typeof x === 'string' ? x : (x as { address: string }).address));
    return { status: 'sent', messageId: info.messageId, response: info.response, accepted: list(info.accepted), rejected: list(info.rejected) };
  } catch (err) {
    return classifySmtpError(err, settings);
  } finally {
    transporter.close();
  }
}
