import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { FolderIngestInput, IngestJob } from '../ingest/types';
import type { Call, Outcome } from './call';
import { followIngestJob } from './follow-ingest-job';
import { formatCount, plural } from '../ui/format';

export const INGEST_POLL_MS = 200;

export type FolderIngestPhase = 'closed' | 'form' | 'running' | 'ended';

export interface FolderIngestState {
  phase: FolderIngestPhase;
  jobId: string | null;
  /** The job as last polled; once ended, with every asset it logged. */
  job: IngestJob | null;
  cancelling: boolean;
  /** Cancel was pressed for this job (it may have finished before the request arrived: the result says so). */
  cancelAsked: boolean;
  /** The last request: a second folder for the same show needs no retyping. */
  remembered: Partial<FolderIngestInput>;
  /**
   * Why the last ingest stopped before it listed a single file (the folder does not exist, holds nothing to log...):
   * the form is shown again, filled in, with this under the path field.
   */
  refused: string | null;
  open(): void;
  close(): void;
  start(input: FolderIngestInput): Promise<Outcome<{ jobId: string }>>;
  /**
   * The last ingest again with `tool` for the files that named none: what it logged is found again as already in
   * the log, without being read again, so only those files are logged now.
   */
  logAgainWithTool(tool: string): Promise<Outcome<{ jobId: string }> | null>;
  /** Finished batches stay logged; the batch being hashed is dropped. */
  cancel(): Promise<void>;
  /**
   * Follows an ingest still running in the main process, started before this window was (re)loaded: its progress,
   * Cancel and result come back instead of it running on unseen.
   */
  resume(): Promise<void>;
}

export interface FolderIngestDeps {
  notify(kind: 'info' | 'success', message: string): void;
  assetsChanged(): void;
  /** Drafts waiting in the inbox were confirmed by the ingest (it logged their files). */
  inboxChanged(): void;
  /** Overridable in tests. */
  pollMs?: number;
}

/** Failed while listing the folder: nothing was read or logged, so there is no result to show, only a bad path. */
function stoppedBeforeListing(job: IngestJob): boolean {
  return job.state === 'failed' && job.logged + job.duplicates === 0 && job.progress.filesTotal === 0 && job.progress.filesDone === 0;
}

/**
 * A finished ingest that logged nothing new, and why: "Nothing new was logged from the folder: 3 files could not be
 * read." / "…: all 4 were already in the log." Not a success, so not said like one.
 */
export function nothingLoggedText(job: IngestJob): string {
  const unread = job.unreadable.reduce((n, u) => n + Math.max(1, u.files.length), 0);
  const needTool = job.needTool.length;
  const why: string[] = [];
  if (unread) why.push(`${plural(unread, 'file')} could not be read`);
  if (needTool) why.push(`${plural(needTool, 'file names', 'files name')} no listed tool`);
  const dupes = formatCount(job.duplicates);
  if (job.duplicates) why.push(why.length ? `${dupes} already in the log` : job.duplicates === 1 ? 'the one found was already in the log' : `all ${dupes} were already in the log`);
  if (!why.length) why.push('no file to log was found');
  return `Nothing new was logged from the folder: ${why.join('; ')}.`;
}

/** "Log a folder…": a background ingest job on the main side, polled here for its progress bar and result. */
export function createFolderIngestStore(api: GenlogClient, call: Call, deps: FolderIngestDeps) {
  const pollMs = deps.pollMs ?? INGEST_POLL_MS;
  return createStore<FolderIngestState>()((set, get) => {
    async function follow(jobId: string) {
      const end = await followIngestJob(api, call, jobId, {
        pollMs,
        doing: 'follow the folder ingest',
        onStatus: (job) => set({ job }),
        stillWanted: () => get().jobId === jobId && get().phase === 'running',
      });
      if (!end) return;
      if (end.ok && stoppedBeforeListing(end.value)) {
        set({ phase: 'form', jobId: null, job: null, cancelling: false, refused: end.value.error || 'The folder could not be read.' });
        return;
      }
      set({ phase: 'ended', cancelling: false, ...(end.ok ? { job: end.value } : {}) });
      const job = get().job;
      if (job && job.logged + job.duplicates > 0) deps.assetsChanged();
      if (job && job.draftsSettled > 0) deps.inboxChanged();
      if (job?.state !== 'done') return;
      if (job.logged > 0) deps.notify('success', `Logged ${plural(job.logged, 'new asset')} from the folder.`);
      else deps.notify('info', nothingLoggedText(job));
    }

    return {
      phase: 'closed',
      jobId: null,
      job: null,
      cancelling: false,
      cancelAsked: false,
      remembered: {},
      refused: null,
      open() {
        if (get().phase === 'closed') set({ phase: 'form', job: null, jobId: null, refused: null });
      },
      close() {
        if (get().phase === 'running') return;
        set({ phase: 'closed', job: null, jobId: null, refused: null });
      },
      async start(input) {
        set({ remembered: input, refused: null });
        const res = await call(api.startIngest(input), `log ${input.paths.join(', ')}`);
        if (!res.ok) return res;
        set({ phase: 'running', jobId: res.value.jobId, job: null, cancelling: false, cancelAsked: false });
        void follow(res.value.jobId);
        return res;
      },
      async logAgainWithTool(tool) {
        const last = get().remembered;
        if (get().phase !== 'ended' || !last.paths?.length || !last.production) return null;
        const res = await get().start({ ...(last as FolderIngestInput), tool });
        // The tool was for the files that named none: the form keeps what the artist chose there ("from each file").
        set({ remembered: last });
        return res;
      },
      async resume() {
        if (get().phase !== 'closed') return;
        // A look made at start-up, not something the artist asked for: a failure is not worth a notice on launch.
        const res = await api.listIngestJobs({}).catch(() => null);
        const running = res?.ok ? res.value[0] : undefined;
        if (!running || get().phase !== 'closed') return;
        const { request, ...job } = running;
        set({ phase: 'running', jobId: job.jobId, job, remembered: request as Partial<FolderIngestInput>, cancelling: false, cancelAsked: false, refused: null });
        void follow(running.jobId);
      },
      async cancel() {
        const { jobId, phase } = get();
        if (!jobId || phase !== 'running') return;
        set({ cancelling: true, cancelAsked: true });
        const res = await call(api.cancelIngest({ jobId }), 'cancel the folder ingest');
        if (!res.ok) set({ cancelling: false });
      },
    };
  });
}

export type FolderIngestStore = ReturnType<typeof createFolderIngestStore>;
