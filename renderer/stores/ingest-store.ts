import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { Classification, FileRef, InputOf, LoggedAsset } from '../api-types';
import type { FileStager } from '../file-stager';
import type { Call, Outcome } from './call';

export interface LogForm {
  production: string;
  episode: string;
  tool: string;
  prompt: string;
  notes: string;
  classification: Classification;
  by: string;
  /** A planned use of the production: its facts, tools and classification become the defaults. */
  use?: number;
  /** Questionnaire answers given while logging (only those answered; the rest come from the use or the defaults). */
  facts?: NonNullable<InputOf<'logAssets'>['facts']>;
}

export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export type IngestPhase = 'closed' | 'form' | 'uploading' | 'logging' | 'done';

export interface IngestState {
  phase: IngestPhase;
  files: File[];
  progress: IngestProgress;
  result: LoggedAsset[] | null;
  /** What the artist chose last time: logging a second batch for the same shot needs no retyping. */
  remembered: Partial<LogForm>;
  /** Opens the log dialog with these files, or adds them to the files already waiting. */
  addFiles(files: File[]): void;
  removeFile(index: number): void;
  submit(form: LogForm): Promise<Outcome<LoggedAsset[]>>;
  /** Stops before anything is logged (uploads already sent are only hashes on the server, never logged). */
  cancel(): void;
  close(): void;
}

const NO_PROGRESS: IngestProgress = { filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 };

/** Logging files: staging each (upload or path), then one all-or-nothing logAssets call. */
export function createIngestStore(api: GenlogClient, call: Call, stager: FileStager, deps: { changed(): void; notify(kind: 'info' | 'success', message: string): void }) {
  let cancelled = false;
  return createStore<IngestState>()((set, get) => ({
    phase: 'closed',
    files: [],
    progress: NO_PROGRESS,
    result: null,
    remembered: {},
    addFiles(files) {
      if (files.length === 0) return;
      const { phase } = get();
      if (phase === 'uploading' || phase === 'logging') {
        deps.notify('info', 'Still logging the previous files; drop these again when it is done.');
        return;
      }
      const known = phase === 'form' ? get().files : [];
      const fresh = files.filter((f) => !known.some((k) => k.name === f.name && k.size === f.size && k.lastModified === f.lastModified));
      set({ phase: 'form', files: [...known, ...fresh], result: null, progress: NO_PROGRESS });
    },
    removeFile(index) {
      const files = get().files.filter((_, i) => i !== index);
      set(files.length ? { files } : { files, phase: 'closed' });
    },
    async submit(form) {
      const { files } = get();
      cancelled = false;
      const bytesTotal = files.reduce((n, f) => n + f.size, 0);
      set({ phase: 'uploading', remembered: form, progress: { filesDone: 0, filesTotal: files.length, bytesDone: 0, bytesTotal } });
      const refs: FileRef[] = [];
      let before = 0;
      for (const file of files) {
        const staged = await call(stager.stage(file, (loaded) => {
          set((s) => ({ progress: { ...s.progress, bytesDone: before + Math.min(loaded, file.size) } }));
        }), `read ${file.name}`);
        if (!staged.ok || cancelled) {
          set({ phase: cancelled ? 'closed' : 'form' });
          return { ok: false, error: staged.ok ? { code: 'failed', message: 'Cancelled; nothing was logged.' } : staged.error };
        }
        refs.push(staged.value);
        before += file.size;
        set((s) => ({ progress: { ...s.progress, filesDone: s.progress.filesDone + 1, bytesDone: before } }));
      }
      set({ phase: 'logging' });
      const res = await call(api.logAssets({ ...form, by: form.by.trim() || undefined, files: refs }), `log ${files.length === 1 ? files[0]!.name : `${files.length} files`}`);
      if (!res.ok) {
        set({ phase: 'form' });
        return res;
      }
      const dupes = res.value.filter((a) => a.duplicate).length;
      set({ phase: 'done', result: res.value, files: [] });
      const fresh = res.value.length - dupes;
      deps.notify('success', `Logged ${fresh} new asset${fresh === 1 ? '' : 's'}${dupes ? `; ${dupes} already in the log` : ''}.`);
      deps.changed();
      return res;
    },
    cancel() {
      const { phase } = get();
      if (phase === 'uploading') cancelled = true;
      else if (phase !== 'logging') set({ phase: 'closed', files: [], result: null });
    },
    close() {
      if (get().phase === 'uploading' || get().phase === 'logging') return;
      set({ phase: 'closed', files: [], result: null });
    },
  }));
}

export type IngestStore = ReturnType<typeof createIngestStore>;
