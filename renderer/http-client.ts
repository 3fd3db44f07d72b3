import { makeClient } from '../main/api/client';
import type { Envelope } from '../main/api/envelope';
import type { GenlogClient } from '../main/api/table';
import type { FileProvenance } from './provenance/types';

const UNREACHABLE = 'The GenLog server is not answering. Is `genlog serve` still running? Start it again and open the new URL.';

function isEnvelope(x: unknown): x is Envelope<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { ok?: unknown }).ok === 'boolean';
}

/** Reads the server's answer; anything that is not an envelope (proxy page, crash) becomes an error envelope. */
export async function readEnvelope(res: Response): Promise<Envelope<unknown>> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return { ok: false, error: { code: 'failed', message: `The GenLog server answered ${res.status} without a readable reply.` } };
  }
  if (isEnvelope(body)) return body;
  return { ok: false, error: { code: 'failed', message: `The GenLog server answered ${res.status} with an unexpected reply.` } };
}

/** The API over `genlog serve`: POST /api/<method> with the per-run token. */
export function createHttpClient(token: string, fetcher: typeof fetch = fetch): GenlogClient {
  return makeClient(async (method, input) => {
    try {
      const res = await fetcher(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return await readEnvelope(res);
    } catch {
      return { ok: false, error: { code: 'failed', message: UNREACHABLE } };
    }
  });
}

export interface StagedUpload {
  stagedId: string;
  fileName: string;
  sha256: string;
  size: number;
  /** Media uploads: what the file says about its origin (null when it is of a kind that carries none). */
  provenance?: FileProvenance | null;
}

/**
 * Streams one file to the server, which hashes it as it arrives (browsers cannot tell us where a dropped file
 * lives). XMLHttpRequest rather than fetch because only it reports upload progress.
 */
export function uploadFile(
  token: string,
  file: File,
  onProgress: (loaded: number) => void,
  /** keep: the server keeps the bytes (evidence for an approval or consent), not only their hash. */
  options: { keep?: boolean } = {},
): Promise<Envelope<StagedUpload>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}${options.keep ? '&keep=1' : ''}`);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      try {
        const body: unknown = JSON.parse(xhr.responseText);
        if (isEnvelope(body)) return resolve(body as Envelope<StagedUpload>);
      } catch {
        // fall through to the generic message
      }
      resolve({ ok: false, error: { code: 'failed', message: `Uploading ${file.name} failed (server answered ${xhr.status}).` } });
    };
    xhr.onerror = () => resolve({ ok: false, error: { code: 'failed', message: UNREACHABLE } });
    xhr.send(file);
  });
}
