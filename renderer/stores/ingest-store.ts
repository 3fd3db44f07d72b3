import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { IngestProgress } from '../../main/ingest/progress';
import type { Classification, FileRef, InputOf, LoggedAsset } from '../api-types';
import type { FileStager } from '../file-stager';
import type { IngestJob } from '../ingest/types';
import type { FileProvenance } from '../provenance/types';
import type { Call, Outcome } from './call';
import { followIngestJob } from './follow-ingest-job';
import { formatCount, plural } from '../ui/format';

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

/** One file waiting in the log dialog: staged (uploaded or located) as soon as it is dropped, and read. */
export interface IntakeItem {
  key: string;
  file: File;
  status: 'staging' | 'ready' | 'failed';
  /** Bytes uploaded so far (a browser), or the whole size once located (the desktop app). */
  loaded: number;
  ref: FileRef | null;
  error: string | null;
  /** reading: not known yet; read: `provenance` holds it (null: the file carries none); unavailable: see provenanceError. */
  provenanceState: 'reading' | 'read' | 'unavailable';
  provenance: FileProvenance | null;
  provenanceError: string | null;
}

/** Hashing progress of a desktop ingest job (files, bytes, ETA), as getIngestJob reports it. */
export type { IngestProgress } from '../../main/ingest/progress';

export type IngestPhase = 'closed' | 'form' | 'uploading' | 'logging' | 'done';

export interface IngestState {
  phase: IngestPhase;
  items: IntakeItem[];
  progress: IngestProgress;
  /** True once Cancel was asked of a running desktop ingest, until it has stopped. */
  cancelling: boolean;
  /** Whether Cancel can stop what is running now (uploads, or a desktop ingest job; not a browser's logAssets call). */
  cancellable: boolean;
  result: LoggedAsset[] | null;
  /** Image sequences the last desktop ingest logged with frames missing (the frames present were logged). */
  gaps: IngestJob['gaps'];
  /** What the artist chose last time: logging a second batch for the same shot needs no retyping. */
  remembered: Partial<LogForm>;
  /** Opens the log dialog with these files (or adds them to those waiting) and starts reading them at once. */
  addFiles(files: File[]): void;
  removeFile(index: number): void;
  /**
   * Logs the files once every one is staged and read. `check` then sees the items as read and may refuse (a
   * message naming its field, "tool: ..."), so a decision taken while files were still being read is checked again.
   */
  submit(form: LogForm, check?: (items: IntakeItem[]) => string | null): Promise<Outcome<LoggedAsset[]>>;
  /**
   * Uploads still running: stops, nothing is logged. A desktop ingest: asks the job to stop; its unfinished batch
   * is dropped whole, so no asset is ever half logged.
   */
  cancel(): void;
  close(): void;
}

const NO_PROGRESS: IngestProgress = { filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, etaSeconds: null };
/** How often a running desktop ingest is asked for progress. */
export const INGEST_POLL_MS = 150;
/** Files read for provenance at once in the desktop app (the main process bounds the rest). */
const PATH_READS_AT_ONCE = 4;

const keyOf = (f: File) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`;

function withoutPath(p: FileProvenance & { path?: string }): FileProvenance {
  const { path: _path, ...rest } = p;
  return rest;
}

/**
 * Logging files. Each file is staged as soon as it is dropped (uploaded in a browser, located in the desktop app)
 * and what it says about itself is read, so the form can be prefilled before the artist types. Logging is then one
 * all-or-nothing logAssets call (browser), or a background ingest job with real hashing progress (desktop).
 */
export function createIngestStore(api: GenlogClient, call: Call, stager: FileStager, deps: { changed(): void; notify(kind: 'info' | 'success', message: string): void }) {
  /** Bumped when the dialog closes: work still finishing for an earlier session is ignored. */
  let session = 0;
  let cancelUploads: (() => void) | null = null;
  let jobId: string | null = null;
  let uploads: Promise<unknown> = Promise.resolve();
  let pathReads = 0;
  const waitingReads: (() => void)[] = [];
  const pending = new Map<string, Promise<void>>();

  return createStore<IngestState>()((set, get) => {
    const alive = (s: number, key: string) => s === session && get().items.some((i) => i.key === key);
    const patch = (key: string, p: Partial<IntakeItem>) =>
      set((s) => ({ items: s.items.map((i) => (i.key === key ? { ...i, ...p } : i)) }));

    async function readInPlace(path: string, s: number, key: string): Promise<void> {
      if (pathReads >= PATH_READS_AT_ONCE) await new Promise<void>((r) => waitingReads.push(r));
      pathReads++;
      try {
        if (!alive(s, key)) return;
        // Not through `call`: a file that cannot be read is reported next to it, and logging it names the problem.
        const res = await api.readFileProvenance({ path });
        if (!alive(s, key)) return;
        patch(key, res.ok
          ? { provenanceState: 'read', provenance: withoutPath(res.value) }
          : { provenanceState: 'unavailable', provenanceError: res.error.message });
      } finally {
        pathReads--;
        waitingReads.shift()?.();
      }
    }

    async function stageItem(item: IntakeItem, s: number): Promise<void> {
      if (!alive(s, item.key)) return;
      const res = await call(stager.stage(item.file, (loaded) => {
        if (alive(s, item.key)) patch(item.key, { loaded: Math.min(loaded, item.file.size) });
      }), `read ${item.file.name}`);
      if (!alive(s, item.key)) return;
      if (!res.ok) {
        patch(item.key, { status: 'failed', error: res.error.message, provenanceState: 'unavailable' });
        return;
      }
      patch(item.key, { status: 'ready', ref: res.value.ref, loaded: item.file.size });
      if (res.value.provenance !== undefined) patch(item.key, { provenanceState: 'read', provenance: res.value.provenance });
      else if ('path' in res.value.ref) await readInPlace(res.value.ref.path, s, item.key);
      else patch(item.key, { provenanceState: 'read', provenance: null });
    }

    function start(item: IntakeItem): void {
      const s = session;
      // Uploads go one after another (each reports its own progress); the desktop app only reads, a few at a time.
      const run = stager.mode === 'upload' ? uploads.then(() => stageItem(item, s)) : stageItem(item, s);
      uploads = stager.mode === 'upload' ? run : uploads;
      pending.set(item.key, run.catch(() => undefined));
    }

    async function waitForStaging(): Promise<'ready' | 'cancelled'> {
      const waiting = get().items.filter((i) => i.status === 'staging' || i.provenanceState === 'reading').map((i) => pending.get(i.key));
      if (waiting.length === 0) return 'ready';
      set({ phase: 'uploading', cancellable: true });
      const stopped = new Promise<'cancelled'>((r) => { cancelUploads = () => r('cancelled'); });
      const outcome = await Promise.race([Promise.all(waiting).then(() => 'ready' as const), stopped]);
      cancelUploads = null;
      set({ cancellable: false });
      return outcome;
    }

    async function logUploads(form: LogForm, refs: FileRef[], doing: string): Promise<Outcome<LoggedAsset[]>> {
      set({ phase: 'logging' });
      return call(api.logAssets({ ...form, by: form.by.trim() || undefined, files: refs }), doing);
    }

    /** The desktop app: a background ingest job hashes in place and reports files, bytes and ETA until it ends. */
    async function logInPlace(form: LogForm, paths: string[], doing: string): Promise<Outcome<LoggedAsset[]>> {
      set({ phase: 'logging', cancelling: false, progress: { ...NO_PROGRESS, filesTotal: paths.length } });
      const { facts, use, ...fields } = form;
      // The files chosen are logged all or none, as files named one by one on the command line: one that cannot be
      // read stops the log with its name, and the form stays to remove it or try again.
      const started = await call(api.startIngest({
        ...fields, by: form.by.trim() || undefined, paths, recursive: false, skipUnreadable: false,
        ...(use !== undefined ? { use } : {}), ...(facts ? { facts } : {}),
      }), doing);
      if (!started.ok) return started;
      const thisJob = started.value.jobId;
      jobId = thisJob;
      set({ cancellable: true });
      try {
        const end = await followIngestJob(api, call, thisJob, {
          pollMs: INGEST_POLL_MS,
          doing,
          onStatus: ({ progress: p }) => set({ progress: { filesDone: p.filesDone, filesTotal: p.filesTotal, bytesDone: p.bytesDone, bytesTotal: p.bytesTotal, etaSeconds: p.etaSeconds } }),
          stillWanted: () => jobId === thisJob,
        });
        if (!end) return { ok: false, error: { code: 'failed', message: 'The ingest is no longer followed.' } };
        if (!end.ok) return end;
        const { state, error, assets, logged, gaps } = end.value;
        if (state === 'done') {
          set({ gaps });
          return { ok: true, value: assets ?? [] };
        }
        // Batches committed before a cancel or a failure stay logged: the log must show them.
        if (logged > 0) deps.changed();
        const message = error ?? 'The ingest stopped.';
        if (state === 'cancelled') {
          deps.notify('info', message);
          return { ok: false, error: { code: 'failed', message } };
        }
        return call(Promise.resolve({ ok: false as const, error: { code: 'failed' as const, message } }), doing);
      } finally {
        jobId = null;
        set({ cancelling: false, cancellable: false });
      }
    }

    return {
      phase: 'closed',
      items: [],
      progress: NO_PROGRESS,
      cancelling: false,
      cancellable: false,
      result: null,
      gaps: [],
      remembered: {},
      addFiles(files) {
        if (files.length === 0) return;
        const { phase } = get();
        if (phase === 'uploading' || phase === 'logging') {
          deps.notify('info', 'Still logging the previous files; drop these again when it is done.');
          return;
        }
        const known = phase === 'form' ? get().items : [];
        if (phase !== 'form') session++;
        const fresh: IntakeItem[] = files.filter((f) => !known.some((k) => k.key === keyOf(f))).map((file) => ({
          key: keyOf(file), file, status: 'staging', loaded: 0, ref: null, error: null,
          provenanceState: 'reading', provenance: null, provenanceError: null,
        }));
        set({ phase: 'form', items: [...known, ...fresh], result: null, gaps: [], progress: NO_PROGRESS });
        for (const item of fresh) start(item);
      },
      removeFile(index) {
        const items = get().items.filter((_, i) => i !== index);
        if (items.length) set({ items });
        else get().close();
      },
      async submit(form, check) {
        const count = get().items.length;
        const doing = `log ${count === 1 ? get().items[0]!.file.name : `${count} files`}`;
        set({ remembered: form });
        if ((await waitForStaging()) === 'cancelled') {
          set({ phase: 'form' });
          get().close();
          return { ok: false, error: { code: 'failed', message: 'Cancelled; nothing was logged.' } };
        }
        const { items } = get();
        const failed = items.find((i) => i.status === 'failed' || !i.ref);
        if (failed) {
          set({ phase: 'form' });
          return { ok: false, error: { code: 'invalid_input', message: `${failed.file.name} could not be read (${failed.error ?? 'unknown reason'}); remove it or drop it again.` } };
        }
        const refused = check?.(items);
        if (refused) {
          set({ phase: 'form' });
          return { ok: false, error: { code: 'invalid_input', message: refused } };
        }
        const refs = items.map((i) => i.ref as FileRef);
        const paths = refs.flatMap((r) => ('path' in r ? [r.path] : []));
        const res = stager.mode === 'path' && paths.length === refs.length
          ? await logInPlace(form, paths, doing)
          : await logUploads(form, refs, doing);
        if (!res.ok) {
          set({ phase: 'form' });
          return res;
        }
        const dupes = res.value.filter((a) => a.duplicate).length;
        session++;
        set({ phase: 'done', result: res.value, items: [] });
        const fresh = res.value.length - dupes;
        // Nothing new is not said like a success: the result's title says it the same way.
        if (fresh || !dupes) deps.notify('success', `Logged ${plural(fresh, 'new asset')}${dupes ? `; ${formatCount(dupes)} already in the log` : ''}.`);
        else deps.notify('info', `Nothing new logged: ${dupes === 1 ? 'the file was' : `all ${formatCount(dupes)} were`} already in the log.`);
        deps.changed();
        return res;
      },
      cancel() {
        const { phase } = get();
        if (phase === 'uploading') cancelUploads?.();
        else if (phase === 'logging') {
          if (jobId && !get().cancelling) {
            set({ cancelling: true });
            void call(api.cancelIngest({ jobId }), 'cancel logging');
          }
        } else get().close();
      },
      close() {
        const { phase } = get();
        if (phase === 'uploading' || phase === 'logging') return;
        session++;
        pending.clear();
        set({ phase: 'closed', items: [], result: null, gaps: [] });
      },
    };
  });
}

export type IngestStore = ReturnType<typeof createIngestStore>;
