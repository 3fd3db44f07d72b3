import type { FileEnds } from '../../ingest';
import { previewedRecord } from './previewed-provenance';
import { matchTool, provenanceMismatches, readProvenance, uncheckedProblems, withoutTrustListNotes, type ProvenanceRecord } from '../../provenance';

/**
 * Files whose provenance is read at the same time: file reads and parsing overlap, C2PA checks and EXIF/XMP parsing
 * spread over the parser threads, and hashing keeps the other cores busy meanwhile.
 */
export const PROVENANCE_CONCURRENCY = 8;

/** What a file says that fills an asset's fields when the artist typed nothing. */
export interface ProvenancePrefill {
  prompt?: string;
  /** "Model: ..." (the log has no model column; the full record keeps it too). */
  notes?: string;
  model?: string;
  /** ISO time the file says it was made. */
  createdAt?: string;
  /** The tool-list entry the file names, when one matches. */
  tool?: string;
}

/** Earliest creation time believed: older EXIF dates are unset clocks ("1970:01:01", "0000:00:00"). */
const EARLIEST_CREATED = Date.parse('1990-01-01T00:00:00Z');
/** Clocks drift; a date further in the future than this is wrong, not early. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** The file's provenance: what a preview of the unchanged file read moments ago, else read now. */
export async function captureProvenance(path: string, ends?: FileEnds): Promise<ProvenanceRecord> {
  return (await previewedRecord(path)) ?? readFreshProvenance(path, ends);
}

/** readProvenance never rejects because of a file; this also turns a bug or bad option into a recorded error. */
export async function readFreshProvenance(path: string, ends?: FileEnds): Promise<ProvenanceRecord> {
  try {
    return await readProvenance(path, ends ? { ends } : {});
  } catch (error) {
    const message = `Provenance could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { c2pa: null, iptc: null, exif: null, a1111: null, comfy: null, errors: [message], summary: { toolHints: [], aiGenerated: null } };
  }
}

/** The file's own creation time as an ISO instant, or undefined when it is missing or implausible. */
export function plausibleCreatedAt(text: string | undefined, now: Date): string | undefined {
  if (!text) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at) || at < EARLIEST_CREATED || at > now.getTime() + FUTURE_SLACK_MS) return undefined;
  return new Date(at).toISOString();
}

export function prefillFrom(record: ProvenanceRecord, toolNames: readonly string[], now: Date): ProvenancePrefill {
  const s = record.summary;
  const prefill: ProvenancePrefill = {};
  if (s.prompt?.trim()) prefill.prompt = s.prompt;
  if (s.model?.trim()) {
    prefill.model = s.model;
    prefill.notes = `Model: ${s.model}`;
  }
  const createdAt = plausibleCreatedAt(s.createdAt, now);
  if (createdAt) prefill.createdAt = createdAt;
  const tool = matchTool(record, toolNames);
  if (tool) prefill.tool = tool;
  return prefill;
}

/** Contradictions between the file and how GenLog logs it: always as generative-AI output. */
export function mismatchesWhenLogged(record: ProvenanceRecord): string[] {
  return provenanceMismatches(record, { generated: true });
}

/** Contradictions of a file dismissed from the inbox: the artist said it is not GenAI output, the file may say it is. */
export function mismatchesWhenDismissed(record: ProvenanceRecord): string[] {
  return provenanceMismatches(record, { generated: false, dismissed: true });
}

/** A logged asset whose file needs saying aloud, not only in its detail. */
export interface ProvenanceAlert {
  assetId: number;
  fileName: string;
  messages: string[];
}

/**
 * What must never be only in an asset's detail: a failed C2PA validation, a check that could not be made (a damaged
 * time stamp, an ingredient's failed manifest) even when the manifest itself is not invalid, contradictions, and
 * what could not be read. That no trust list vouches for the signer is true of every signed file and not raised.
 */
export function provenanceAlerts(record: ProvenanceRecord): string[] {
  const validation = record.c2pa?.validation;
  return [
    ...(validation?.state === 'invalid' ? [`C2PA validation FAILED: ${withoutTrustListNotes(validation.problems).join('; ') || 'no reason given'}`] : []),
    ...uncheckedProblems(validation).map((p) => `C2PA validation problem: ${p}`),
    ...mismatchesWhenLogged(record).map((m) => `provenance MISMATCH: ${m}`),
    ...record.errors.map((e) => `provenance error: ${e}`),
  ];
}
