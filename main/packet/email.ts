import { existsSync } from 'node:fs';
import path from 'node:path';
import type MailComposerClass from 'nodemailer/lib/mail-composer';
import { lazyRequire } from '../lazy-require';

const MailComposer = lazyRequire<typeof MailComposerClass>('nodemailer/lib/mail-composer');
import type Mail from 'nodemailer/lib/mailer';
import type { MimeNodeHeader } from 'nodemailer/lib/mime-node';
import { emailHtml, emailSubject, emailText } from './email-body';
import type { PacketManifest } from './manifest-types';
import { PACKET_FILE } from './packet-files';

export { sendEmail, classifySmtpError } from './smtp-send';
export type { SendResult } from './smtp-send';

export interface PacketEmailInput {
  manifest: PacketManifest;
  /** The packet ZIP to attach. */
  zipPath: string;
  /** summary.pdf, attached separately so it opens straight from the mail. */
  pdf: Buffer;
  from: Mail.Options['from'];
  /** Defaults to the production's Netflix contact. */
  to?: Mail.Options['to'];
  /** Usually the facility manager. */
  cc?: Mail.Options['cc'];
  /** Stable per packet, so a re-send is recognised as the same message; see packetMessageId(). */
  messageId: string;
}

/** The Message-ID GenLog uses for a packet: `<packet-ID@genlog.local>`. */
export function packetMessageId(packetId: string): string {
  return `<packet-${packetId}@genlog.local>`;
}

/** The e-mail that carries a packet: subject, text and HTML bodies, the ZIP and summary.pdf attached. */
export function composePacketEmail(input: PacketEmailInput): Mail.Options {
  const { manifest, zipPath, pdf, from, cc, messageId } = input;
  if (!from) throw new Error('The packet e-mail needs a sender (from).');
  if (!/^<[^<>@\s]+@[^<>@\s]+>$/.test(messageId)) {
    throw new Error(`The Message-ID must look like <packet-ID@genlog.local>, not ${JSON.stringify(messageId)}.`);
  }
  if (!existsSync(zipPath)) throw new Error(`The packet file to attach does not exist: ${zipPath}`);
  if (!Buffer.isBuffer(pdf) || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('The summary to attach is not a PDF.');
  const contact = manifest.production.netflixContact;
  const zipName = path.basename(zipPath);
  return {
    from,
    to: input.to ?? { name: contact.name, address: contact.email },
    cc,
    subject: emailSubject(manifest),
    messageId,
    text: emailText(manifest, zipName),
    html: emailHtml(manifest, zipName),
    attachments: [
      { filename: zipName, path: zipPath, contentType: 'application/zip' },
      { filename: PACKET_FILE.pdf, content: pdf, contentType: 'application/pdf' },
    ],
  };
}

// nodemailer takes headers as a map, one {key, value} pair or a list of pairs.
function withHeader(given: Mail.Headers | undefined, key: string, value: string): Mail.Headers {
  if (!given) return { [key]: value };
  if (Array.isArray(given)) return [...given, { key, value }];
  if (typeof given.key === 'string' && 'value' in given && Object.keys(given).length === 2) return [given as MimeNodeHeader, { key, value }];
  return { ...given, [key]: value };
}

/**
 * The message as an RFC 822 .eml file, attachments included, for sending from any mail client
 * when there is no SMTP server. It is marked unsent so Outlook opens it ready to send.
 */
export async function buildEml(options: Mail.Options): Promise<Buffer> {
  const Composer = MailComposer();
  return new Composer({ ...options, headers: withHeader(options.headers, 'X-Unsent', '1') }).compile().build();
}
