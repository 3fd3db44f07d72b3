import { randomUUID } from 'node:crypto';
import type { ApiContext } from '../../api/context';
import { conflict, invalid, notFound } from '../../api/envelope';
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { SameFrames, ScanSkip } from '../../ingest';
import type { LoggedAsset } from '../log-assets';
import { IngestStoppedError, ingestFolder, type FolderIngestRequest, type FolderIngestResult, type SequenceGap, type UnreadableItem } from './folder-ingest';
import type { IngestJobProgress } from './ingest-progress';
import { resolveTarget } from './log-prepared';
import { checkGlobs, refuseExcludingEverything } from './watch-globs';
import { assetIngestKeys } from './asset-ingest';
import type { ProvenanceAlert } from './provenance-capture';
import type { AssetIngestKeys } from '../asset-json';

export type IngestJobState = 'running' | 'done' | 'failed' | 'cancelled';

/** What a UI poll or the CLI sees of an ingest job. */
export interface IngestJobStatus {
  jobId: string;
  state: IngestJobState;
  /** The files and folders the job logs, as asked for. */
  paths: string[];
  progress: IngestJobProgress;
  /** New assets logged so far (committed batches). */
  logged: number;
  duplicates: number;
  needTool: string[];
  skipped: ScanSkip[];
  /** Files (or sequences) found but not logged: a file could not be read or changed while it was read. */
  unreadable: UnreadableItem[];
  /** Image sequences logged with missing frames. */
  gaps: SequenceGap[];
  /** Files or sequences found that hold the same frame numbers written differently (other padding or case). */
  sameFrames: SameFrames[];
  /** New assets whose files failed C2PA validation, contradict how they were logged, or could not be fully read. */
  alerts: ProvenanceAlert[];
  /** Files found but not logged because the run stopped before their batch was committed (0 for a finished run). */
  notReached: number;
  /** Inbox drafts waiting to be confirmed whose content this job logged: confirmed as those assets. */
  draftsSettled: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** Every logged asset, once the job has ended, when asked for (includeAssets). */
  assets?: (LoggedAsset & AssetIngestKeys)[];
}

interface Job {
  status: Omit<IngestJobStatus, 'assets'>;
  request: FolderIngestRequest;
  assets: LoggedAsset[];
  controller: AbortController;
  finished: Promise<void>;
}

/** Ended jobs kept for polling; the oldest are forgotten first. */
const KEEP_ENDED = 50;
const jobsByContext = new WeakMap<ApiContext, Map<string, Job>>();

function jobsOf(ctx: ApiContext): Map<string, Job> {
  let jobs = jobsByContext.get(ctx);
  if (!jobs) {
    jobs = new Map();
    jobsByContext.set(ctx, jobs);
  }
  return jobs;
}

function forgetOldJobs(jobs: Map<string, Job>): void {
  const ended = [...jobs].filter(([, j]) => j.status.state !== 'running');
  for (const [id] of ended.slice(0, Math.max(0, ended.length - KEEP_ENDED))) jobs.delete(id);
}

const EMPTY_PROGRESS: IngestJobProgress = {
  phase: 'scanning', filesTotal: 0, filesDone: 0, filesReused: 0, bytesTotal: 0, bytesDone: 0, etaSeconds: null,
  itemsTotal: 0, itemsLogged: 0, duplicates: 0,
};

/**
 * Starts logging files and folders in the background and returns at once; poll getIngestJob for progress and the
 * result, cancelIngest to stop. The request is checked (production, tool, planned use) before the job starts.
 */
export function startIngest(ctx: ApiContext, req: FolderIngestRequest): { jobId: string } {
  resolveTarget(ctx, req);
  refuseBadFilters(req);
  const jobs = jobsOf(ctx);
  forgetOldJobs(jobs);
  refuseOverlap(jobs, req);
  const jobId = randomUUID();
  const controller = new AbortController();
  const status: Job['status'] = {
    jobId, state: 'running', paths: [...req.paths], progress: { ...EMPTY_PROGRESS }, logged: 0, duplicates: 0, needTool: [], skipped: [], unreadable: [], gaps: [], sameFrames: [], alerts: [], notReached: 0, draftsSettled: 0, error: null,
    startedAt: ctx.now().toISOString(), finishedAt: null,
  };
  const job: Job = { status, request: req, assets: [], controller, finished: Promise.resolve() };
  const end = (state: IngestJobState, assets: LoggedAsset[], error: string | null) => {
    job.assets = assets;
    status.state = state;
    status.error = error;
    status.logged = assets.filter((a) => !a.duplicate).length;
    status.duplicates = assets.length - status.logged;
    status.finishedAt = ctx.now().toISOString();
  };
  // A stopped run reports its committed batches and its scan the way a finished one does.
  const report = (result: FolderIngestResult) => {
    status.needTool = result.needTool;
    status.skipped = result.skipped;
    status.unreadable = result.unreadable;
    status.gaps = result.gaps;
    status.sameFrames = result.sameFrames;
    status.alerts = result.alerts;
    status.notReached = result.notReached;
    status.draftsSettled = result.draftsSettled;
  };
  job.finished = ingestFolder(ctx, req, { signal: controller.signal, onProgress: (p) => { status.progress = p; } })
    .then((result) => {
      report(result);
      end('done', result.assets, null);
    })
    .catch((error: unknown) => {
      if (error instanceof IngestStoppedError) {
        report(error.partial);
        end(error.cancelled ? 'cancelled' : 'failed', error.partial.assets, error.message);
      }
      else end('failed', [], error instanceof Error ? error.message : String(error));
    });
  jobs.set(jobId, job);
  return { jobId };
}

/** The path itself, its links followed where it exists (two names for one folder are one folder). */
function realOrResolved(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether logging `outer` (with subfolders or not) reads `inner`: the same path, or one it holds. */
function reads(outer: string, recursive: boolean, inner: string): boolean {
  const r = relative(outer, inner);
  if (r === '') return true;
  if (r.startsWith('..') || isAbsolute(r)) return false;
  // Without subfolders only the files right inside are read.
  return recursive || (!r.includes(sep) && !isFolder(inner));
}

/** Whether two requests read some of the same files. */
function overlaps(a: { path: string; recursive: boolean }, b: { path: string; recursive: boolean }): boolean {
  const [pa, pb] = [realOrResolved(a.path), realOrResolved(b.path)];
  return reads(pa, a.recursive, pb) || reads(pb, b.recursive, pa);
}

/**
 * Two jobs over the same files would read every file twice and race to log the same content: the second is refused
 * while the first runs (a window reloaded mid-ingest finds the first with listIngestJobs).
 */
/** Filters that cannot work are refused before any folder is read: an unparsable glob, or one leaving out every file. */
function refuseBadFilters(req: FolderIngestRequest): void {
  try {
    checkGlobs(req.include, 'include');
    refuseExcludingEverything(checkGlobs(req.exclude, 'exclude'), 'nothing would be logged, whatever the folder holds');
  } catch (error) {
    throw invalid((error as Error).message);
  }
}

function refuseOverlap(jobs: Map<string, Job>, req: FolderIngestRequest): void {
  for (const job of jobs.values()) {
    if (job.status.state !== 'running') continue;
    const ran = job.request;
    const shared = req.paths.find((p) => ran.paths.some((q) => overlaps({ path: p, recursive: req.recursive }, { path: q, recursive: ran.recursive })));
    if (shared !== undefined) {
      throw conflict(`An ingest of ${job.status.paths.join(', ')} is already running (started ${job.status.startedAt}), and ${shared} is part of it. ` +
        'Let it finish or cancel it, then start this one.');
    }
  }
}

/** A running job and what it was asked to do, so a window that follows it again can also run it again with a tool. */
export interface RunningIngestJob extends IngestJobStatus {
  request: FolderIngestRequest;
}

/** The ingest jobs still running: a window opened (or reloaded) while one runs follows it again. */
export function listIngestJobs(ctx: ApiContext): RunningIngestJob[] {
  return [...jobsOf(ctx).values()].filter((j) => j.status.state === 'running')
    .map((j) => ({ ...j.status, progress: { ...j.status.progress }, request: { ...j.request } }));
}

function requireJob(ctx: ApiContext, jobId: string): Job {
  const job = jobsOf(ctx).get(jobId);
  if (!job) throw notFound(`No ingest job ${jobId} (jobs are forgotten when the app restarts).`);
  return job;
}

export function getIngestJob(ctx: ApiContext, jobId: string, includeAssets = false): IngestJobStatus {
  const job = requireJob(ctx, jobId);
  const status = { ...job.status, progress: { ...job.status.progress } };
  if (includeAssets && status.state !== 'running') {
    return { ...status, assets: job.assets.map((a) => ({ ...a, ...assetIngestKeys(ctx, a.id) })) };
  }
  return status;
}

/** Asks the job to stop and waits until it has: committed batches stay logged, the unfinished one is dropped. */
export async function cancelIngest(ctx: ApiContext, jobId: string): Promise<IngestJobStatus> {
  const job = requireJob(ctx, jobId);
  job.controller.abort();
  await job.finished;
  return getIngestJob(ctx, jobId);
}

/** Resolves when the job has ended (tests, and the CLI waiting for its own job). */
export async function ingestJobEnded(ctx: ApiContext, jobId: string): Promise<void> {
  await requireJob(ctx, jobId).finished;
}
