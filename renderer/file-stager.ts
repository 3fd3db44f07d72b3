import type { Envelope } from '../main/api/envelope';
import type { FileRef, InputOf } from './api-types';
import { uploadFile } from './http-client';
import type { FileProvenance } from './provenance/types';

/**
 * Turns a dropped or picked File into something logAssets accepts. The desktop app knows real paths, so the main
 * process hashes the file in place; a browser must upload the bytes to `genlog serve`, which hashes them.
 */
export interface FileStager {
  /** 'path': nothing to upload (the main process hashes and reads in place); 'upload': bytes travel first. */
  readonly mode: 'path' | 'upload';
  stage(file: File, onProgress: (loadedBytes: number) => void): Promise<Envelope<StagedMedia>>;
  /** An evidence file (approval email, signed consent): the server must keep its bytes, not only their hash. */
  stageEvidence(file: File, onProgress: (loadedBytes: number) => void): Promise<Envelope<StagedEvidence>>;
}

/** A file ready to log, and what it says about its origin when the stager learnt it on the way. */
export interface StagedMedia {
  ref: FileRef;
  /**
   * An upload's provenance, read by the server as it arrived (null: the file carries none GenLog reads).
   * Undefined in path mode: the file is read in place with readFileProvenance.
   */
  provenance?: FileProvenance | null;
}

/** How addApproval, addConsent and previewEmlApproval name an evidence file. */
export type EvidenceRef = InputOf<'addApproval'>['evidence'];

export interface StagedEvidence {
  ref: EvidenceRef;
  fileName: string;
  size: number;
  /** Known at once for a browser upload (the server hashes it as it arrives); the desktop app hashes on saving. */
  sha256: string | null;
}

export function pathStager(pathForFile: (file: File) => string): FileStager {
  const stager: FileStager = {
    mode: 'path',
    async stage(file, onProgress) {
      let path: string;
      try {
        path = pathForFile(file);
      } catch {
        path = '';
      }
      if (!path) {
        return { ok: false, error: { code: 'invalid_input', message: `${file.name} is not a file on disk (drop files from a folder, not from another app).` } };
      }
      onProgress(file.size);
      return { ok: true, value: { ref: { path } } };
    },
    async stageEvidence(file, onProgress) {
      const res = await stager.stage(file, onProgress);
      return res.ok ? { ok: true, value: { ref: res.value.ref as EvidenceRef, fileName: file.name, size: file.size, sha256: null } } : res;
    },
  };
  return stager;
}

export function uploadStager(token: string): FileStager {
  return {
    mode: 'upload',
    async stage(file, onProgress) {
      const res = await uploadFile(token, file, onProgress);
      return res.ok ? { ok: true, value: { ref: { stagedId: res.value.stagedId }, provenance: res.value.provenance ?? null } } : res;
    },
    async stageEvidence(file, onProgress) {
      const res = await uploadFile(token, file, onProgress, { keep: true });
      if (!res.ok) return res;
      const { stagedId, fileName, size, sha256 } = res.value;
      return { ok: true, value: { ref: { stagedId }, fileName, size, sha256 } };
    },
  };
}
