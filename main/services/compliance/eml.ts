import { readFile, stat } from 'node:fs/promises';
import { invalid } from '../../api/envelope';
import { localDate } from './dates';
import { formatBytes } from '../../format/byte-size';

/** What an approval email tells us before anyone types: each field null when the email does not say. */
export interface EmlPrefill {
  /** The sender's display name, else their address. */
  approver: string | null;
  approverAddress: string | null;
  /** The Date header as a calendar day on this machine (YYYY-MM-DD). */
  date: string | null;
  subject: string | null;
  /** The Message-ID without angle brackets: unique, and findable in any mail client. */
  reference: string | null;
}

const MAX_EML_BYTES = 50 * 1024 * 1024;

export async function readEmlPrefill(path: string): Promise<EmlPrefill> {
  const { size } = await stat(path);
  if (size > MAX_EML_BYTES) throw invalid(`"${path}" is larger than ${formatBytes(MAX_EML_BYTES)}; that is not an approval email.`);
  // Loaded on demand: the mail parser costs ~0.4 s at startup, which every other CLI command would pay.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(await readFile(path), { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  const sender = mail.from?.value.find((a) => a.address || a.name);
  const prefill: EmlPrefill = {
    approver: sender ? sender.name.trim() || sender.address?.trim() || null : null,
    approverAddress: sender?.address?.trim() || null,
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? localDate(mail.date) : null,
    subject: mail.subject?.trim() || null,
    reference: mail.messageId?.trim().replace(/^<(.*)>$/, '$1') || null,
  };
  if (Object.values(prefill).every((v) => v === null)) {
    throw invalid(`"${path}" does not look like an email: it has no From, Date, Subject or Message-ID header. Save the approval email as .eml.`);
  }
  return prefill;
}
