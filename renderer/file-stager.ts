import type { Envelope } from '../main/api/envelope';
import type { FileRef } from './api-types';
import { uploadFile } from './http-client';

/**
 * Turns a dropped or picked File into something logAssets accepts. The desktop app knows real paths, so the main
 * process hashes the file in place; a browser must upload the bytes to `genlog serve`, which hashes them.
 */
export interface FileStager {
  /** 'path': nothing to upload (progress comes from the log call); 'upload': bytes travel first. */
  readonly mode: 'path' | 'upload';
  stage(file: File, onProgress: (loadedBytes: number) => void): Promise<Envelope<FileRef>>;
}

export function pathStager(pathForFile: (file: File) => string): FileStager {
  return {
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
  };
}

export function uploadStager(token: string): FileStager {
  return {
    mode: 'upload',
    async stage(file, onProgress) {
      const res = await uploadFile(token, file, onProgress);
      return res.ok ? { ok: true, value: { stagedId: res.value.stagedId } } : res;
    },
  };
}
