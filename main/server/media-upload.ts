import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { basename, extname, join } from 'node:path';
import type { ApiContext } from '../api/context';
import { formatBytes } from '../format/byte-size';
import { listTools } from '../../db/tools';
import { matchTool, type ProvenanceRecord } from '../provenance';
import { formatForExtension, sniffFormat } from '../provenance/container/detect';
import { captureProvenance, mismatchesWhenLogged } from '../services/ingest/provenance-capture';
import { ownStagingDir } from '../services/staged-files';
import { canThumbnail, renderThumbnail, thumbnailsDir } from '../services/ingest/thumbnails';

/**
 * Largest upload copied to the staging folder so its provenance can be read. Provenance reading itself is bounded
 * (time and memory), but the copy costs disk space and time; bigger files are hashed only, and their asset says why
 * nothing was read.
 */
export const MAX_PROVENANCE_SPOOL_BYTES = 512 * 1024 * 1024;

/** What the log dialog needs to prefill the form: the record, the listed tool it names and what would contradict it. */
export type UploadProvenance = ProvenanceRecord & {
  matchedTool: string | null;
  /** Contradictions if the file is logged as generative-AI output. */
  mismatches: string[];
};

export interface ReceivedMedia {
  stagedId: string;
  fileName: string;
  sha256: string;
  size: number;
  kept: false;
  /** Null when the file is of a kind that carries no provenance GenLog reads. */
  provenance: UploadProvenance | null;
}

function onlyErrors(message: string): ProvenanceRecord {
  return { c2pa: null, iptc: null, exif: null, a1111: null, comfy: null, errors: [message], summary: { toolHints: [], aiGenerated: null } };
}

/** Files worth copying: named or shaped like a container the provenance readers understand. */
function carriesProvenance(fileName: string, head: Buffer): boolean {
  return formatForExtension(extname(fileName).slice(1)) !== null || sniffFormat(head) !== 'unknown';
}

/** Keeps the real extension (the reader checks content against it) but nothing else of a browser-given name. */
function spoolName(fileName: string): string {
  const ext = extname(fileName).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? `${randomUUID()}${ext}` : randomUUID();
}

function closeStream(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}

interface Spool {
  path: string;
  out: WriteStream;
}

/**
 * Hashes a browser upload as it streams in and, for files that can carry provenance, copies it to
 * <dataDir>/staging just long enough to read its provenance (and make an image's thumbnail); the copy is deleted
 * before this resolves. Only the hash, size, name, provenance record and thumbnail are kept, never the media.
 */
export function receiveMediaUpload(ctx: ApiContext, req: IncomingMessage, name: string, spoolLimit = MAX_PROVENANCE_SPOOL_BYTES): Promise<ReceivedMedia> {
  const fileName = basename(name) || 'upload';
  const hash = createHash('sha256');
  let size = 0;
  /** undefined until the first bytes decide; null when the file is not (or no longer) copied. */
  let spool: Spool | null | undefined;
  let tooLarge = false;
  let failed = false;
  let dropped: Promise<void> = Promise.resolve();

  /** Stops copying and removes the copy once its stream has let go of the file (it may still be opening). */
  const dropSpool = (): Promise<void> => {
    const s = spool;
    spool = null;
    if (s) {
      const closed = s.out.closed ? Promise.resolve() : new Promise<void>((r) => s.out.once('close', () => r()));
      s.out.destroy();
      dropped = closed.then(() => rm(s.path, { force: true }));
    }
    return dropped;
  };

  const openSpool = (): Spool => {
    const dir = ownStagingDir(ctx.dataDir);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, spoolName(fileName));
    return { path, out: createWriteStream(path, { flags: 'wx' }) };
  };

  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      void dropSpool().finally(() => reject(error));
    };
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      if (spool === undefined) {
        spool = carriesProvenance(fileName, chunk) ? openSpool() : null;
        spool?.out.on('error', fail);
      }
      size += chunk.length;
      hash.update(chunk);
      if (!spool) return;
      if (size > spoolLimit) {
        tooLarge = true;
        void dropSpool();
      } else if (!spool.out.write(chunk)) {
        req.pause();
        spool.out.once('drain', () => req.resume());
      }
    });
    req.on('error', fail);
    req.on('close', () => {
      if (!req.complete) fail(new Error('the upload was interrupted'));
    });
    req.on('end', () => {
      void finish().catch(fail);
    });

    async function finish(): Promise<void> {
      if (failed) return;
      const sha256 = hash.digest('hex');
      let record: ProvenanceRecord | null = null;
      let thumbnail: string | undefined;
      const s = spool;
      try {
        if (s) {
          await closeStream(s.out);
          // The only moment GenLog has a browser upload's bytes: its thumbnail is made now or never.
          const preview = canThumbnail(fileName)
            ? renderThumbnail(s.path, thumbnailsDir(ctx), sha256).catch(() => undefined)
            : Promise.resolve(undefined);
          record = await captureProvenance(s.path);
          thumbnail = await preview;
        } else if (tooLarge) {
          record = onlyErrors(
            `The file is larger than ${formatBytes(spoolLimit)}, so its provenance was not read from the browser upload. ` +
              'Log it in the desktop app or with `genlog log` to read it.',
          );
        }
      } finally {
        await dropSpool();
      }
      if (failed) return;
      const stagedId = ctx.staged.add({ fileName, sha256, size, ...(record ? { provenance: record } : {}), ...(thumbnail ? { thumbnail } : {}) });
      const provenance = record
        ? { ...record, matchedTool: matchTool(record, listTools(ctx.db).map((t) => t.name)), mismatches: mismatchesWhenLogged(record) }
        : null;
      resolve({ stagedId, fileName, sha256, size, kept: false, provenance });
    }
  });
}
