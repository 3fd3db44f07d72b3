import type { Envelope } from '../main/api/envelope';
import type { FileRef, InputOf } from './api-types';
import { uploadFile } from './http-client';

/**
 * Turns a dropped or picked File into something logAssets accepts. The desktop app knows real paths, so the main
 * process hashes the file in place; a browser must upload the bytes to `genlog serve`, which hashes them.
 */
export interface FileStager {
  /** 'path': nothing to upload (progress comes from the log call); 'upload': bytes travel first. */
  readonly mode: 'path' | 'upload';
  stage(file: File, onProgress: (loadedBytes: number) => void): Promise<Envelope<FileRef>>;
  /** An evidence file (approval email, signed consent): the server must keep its bytes, not only their hash. */
  stageEvidence(file: File, onProgress: (loadedBytes: number) => void): Promise<Envelope<StagedEvidence>>;
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
      return { ok: true, value: { path } };
    },
    async stageEvidence(file, onProgress) {
      const res = await stager.stage(file, onProgress);
      return res.ok ? { ok: true, value: { ref: res.value as EvidenceRef, fileName: file.name, size: file.size, sha256: null } } : res;
    },
  };
  return stager;
}

export function uploadStager(token: string): FileStager {
  return {
    mode: 'upload',
    async stage(file, onProgress) {
      const res = await uploadFile(token, file, onProgress);
      return res.ok ? { ok: true, value: { stagedId: res.value.stagedId } } : res;
    },
    async stageEvidence(file, onProgress) {
      const res = await uploadFile(token, file, onProgress, { keep: true });
      if (!res.ok) return res;
      const { stagedId, fileName, size, sha256 } = res.value;
      return { ok: true, value: { ref: { stagedId }, fileName, size, sha256 } };
    },
  };
}
