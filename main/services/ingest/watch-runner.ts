import { setMaxListeners } from 'node:events';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { ApiContext } from '../../api/context';
import { writeLockFree } from '../../../db/connection';
import { watchInboxItems } from '../../../db/inbox';
import { getWatchFolder, listWatchFolders, type WatchFolderRow } from '../../../db/watch-folders';
import { createHashPool, currentVersions, type HashPool } from '../../ingest';
import { catchUpWatch, type CatchUpResult } from './catch-up';
import { draftFiles, wrote, type DraftEnv, type ReplacedDraft } from './inbox-drafts';
import { removeGoneDrafts, type GoneDraft } from './gone-drafts';
import { draftsDescribedBy } from './sidecar-drafts';
import { forgetSidecarListing } from '../../provenance/c2pa/sidecar';
import { openFolderWatcher } from './folder-watcher';
import { UnreadFiles } from './unread-files';
import { batchOf, failedLook, lockReleased, seenFinished, relativeOf, settledSinceLastLook, signatureOf, succeededLook, unsaid, writingTest, type ActiveWatch } from './active-watch';
import { identityOf, replaced } from './folder-identity';
import type { InboxItem } from './inbox-json';
import { createLimiter } from './limiter';
import { PROVENANCE_CONCURRENCY } from './provenance-capture';
import { registerRunner } from './runner-registry';
import { compileFilter } from './watch-globs';
import { watchFolderJson, type WatchFolder } from './watch-folders';

export interface WatchRunnerOptions {
  /** A file counts as written once its size has not changed for this long (ms). */
  stabilityMs?: number;
  /** How often a file being written is checked (ms). */
  pollMs?: number;
  /** Quiet time per folder before its new files are drafted, so a sequence being rendered lands as one draft (ms). */
  settleMs?: number;
  /** Longest a folder that keeps receiving files waits; frames arriving later join the same draft (ms). */
  maxWaitMs?: number;
  /** Default: a pool using half the cores, so a render node keeps rendering. */
  pool?: Pick<HashPool, 'hash'>;
  /** Poll instead of native events (network shares that send none). */
  usePolling?: boolean;
  /**
   * How often the watch folder list is read again (ms): folders added, paused or resumed by another GenLog (the app
   * while `genlog watch run` serves a render node) are picked up, a resumed one with a catch-up scan.
   */
  recheckMs?: number;
  /**
   * How often each watched folder is scanned again as at start (ms; 0: only after a failure). Native file events can
   * be lost (a busy machine, a database lock holding the process up), and a draft that failed must not be the end of
   * its files: a rescan drafts whatever the inbox does not hold yet, without reading known files again.
   */
  rescanMs?: number;
}

export type WatchEvent =
  | { type: 'watching'; watch: WatchFolder }
  /** A folder no longer watched: paused, removed, its settings changed (it is watched again with them), or gone. */
  | { type: 'unwatched'; watchId: number; path: string; reason: 'disabled' | 'changed' | 'gone' }
  /** `stillWriting`: files modified moments ago, left for their events or a second look once finished. */
  | { type: 'caught-up'; result: CatchUpResult & { stillWriting: number } }
  /**
   * `replaces`: waiting drafts this one took the place of (their files are in it now); `readAgain` when they held
   * exactly its files (a changed file, or a C2PA sidecar that came or went), not fewer (a sequence grown by frames).
   */
  | { type: 'found'; item: InboxItem; replaces?: number[]; readAgain?: boolean }
  /** Pending drafts whose files were deleted or renamed away: taken out, or (framesGone) replaced by the frames left. */
  | { type: 'gone'; watchId: number; items: GoneDraft[] }
  | { type: 'error'; watchId: number | null; message: string };

const DEFAULTS = { stabilityMs: 2000, pollMs: 100, settleMs: 1500, maxWaitMs: 30_000, recheckMs: 5000, rescanMs: 60_000 };

/**
 * Watches every enabled watch folder: new files, once completely written, become pending inbox drafts with their
 * provenance read and their hash taken; frames arriving together become one sequence draft. On start (and when a
 * folder is added or re-enabled) a catch-up scan finds what arrived while nothing watched. Work runs one step at a
 * time, so drafts of one folder never race each other.
 */
export class WatchRunner {
  private readonly options: typeof DEFAULTS & Pick<WatchRunnerOptions, 'usePolling'>;
  private readonly active = new Map<number, ActiveWatch>();
  private readonly ownPool: HashPool | null;
  private readonly env: DraftEnv;
  private work: Promise<void> = Promise.resolve();
  private reloading: Promise<void> = Promise.resolve();
  private stopped = false;
  private recheck: NodeJS.Timeout | undefined;
  /** Aborted by stop(): a file being hashed (a 12 GB plate) is not read to its end first. */
  private readonly stopping = new AbortController();
  /** Folders that could not be watched, by the settings they had: reported once, not on every recheck. */
  private readonly unavailable = new Map<number, string>();

  constructor(private readonly ctx: ApiContext, options: WatchRunnerOptions = {}, private readonly onEvent: (e: WatchEvent) => void = () => undefined) {
    this.options = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
    // Each file or sequence being drafted listens to it until it is read (a folder of 40 new renders: 40 at once),
    // and lets go when done: many listeners are expected, not a leak, and Node's warning on stderr misled users.
    setMaxListeners(0, this.stopping.signal);
    this.ownPool = options.pool ? null : createHashPool({ concurrency: Math.max(1, Math.floor(availableParallelism() / 2)) });
    this.env = { ctx, pool: options.pool ?? (this.ownPool as HashPool), readLimit: createLimiter(PROVENANCE_CONCURRENCY), signal: this.stopping.signal };
  }

  /** Folders being watched now. */
  watching(): number[] {
    return [...this.active.keys()];
  }

  /** Starts or stops watchers to match the enabled watch folders; new ones get a catch-up scan. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(() => this.sync()).catch((error: unknown) => this.report(null, error));
    return this.reloading;
  }

  /** Resolves once every queued scan and draft is done. */
  async idle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.work) {
      seen = this.work;
      await seen;
    }
  }

  /** Reads the watch folder list again every recheckMs until stopped. */
  startRechecking(): void {
    clearInterval(this.recheck);
    this.recheck = setInterval(() => void this.reload(), this.options.recheckMs);
    this.recheck.unref();
  }

  /** Stops at once: files being read are dropped (the next start's catch-up scan finds them), drafts made stay. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    clearInterval(this.recheck);
    await this.reloading.catch(() => undefined);
    for (const a of this.active.values()) await this.close(a);
    this.active.clear();
    await this.idle();
    await this.ownPool?.close();
    registerRunner(this.ctx, null);
  }

  private report(watchId: number | null, error: unknown): void {
    if (this.stopped && error instanceof Error && error.name === 'AbortError') return;
    this.onEvent({ type: 'error', watchId, message: error instanceof Error ? error.message : String(error) });
  }

  private enqueue(watchId: number | null, task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((error: unknown) => this.report(watchId, error));
  }

  private async sync(): Promise<void> {
    if (this.stopped) return;
    this.retryUnread();
    this.rescanWhereDue();
    const wanted = new Map(listWatchFolders(this.ctx.db).filter((w) => w.enabled === 1).map((w) => [w.id, w]));
    for (const a of [...this.active.values()]) {
      const w = wanted.get(a.id);
      // A watcher does not survive its folder being deleted or moved away (a cleaned render folder, a remounted
      // share): such a folder is closed here and opened again below once it exists, with a catch-up scan.
      const reason = !w ? 'disabled' : signatureOf(w) !== a.signature ? 'changed'
        : a.lost || await replaced(a.root, a.identity) ? 'gone' : null;
      if (reason) {
        await this.close(a);
        this.active.delete(a.id);
        this.onEvent({ type: 'unwatched', watchId: a.id, path: a.root, reason });
      }
    }
    for (const w of wanted.values()) {
      if (this.active.has(w.id) || this.stopped) continue;
      try {
        await this.open(w);
        this.unavailable.delete(w.id);
      } catch (error) {
        if (this.unavailable.get(w.id) === signatureOf(w)) continue;
        this.unavailable.set(w.id, signatureOf(w));
        this.report(w.id, error);
      }
    }
  }

  private async open(w: WatchFolderRow): Promise<void> {
    const s = await stat(w.path).catch(() => null);
    if (!s?.isDirectory()) throw new Error(`Watch folder ${w.id} (${w.path}) is missing or not a folder; it is skipped until it exists.`);
    const filter = compileFilter({ include: JSON.parse(w.include_globs) as string[], exclude: JSON.parse(w.exclude_globs) as string[] });
    const root = w.path;
    const { stabilityMs, pollMs, usePolling = false } = this.options;
    const watcher = await openFolderWatcher(root, filter, { recursive: w.recursive === 1, stabilityMs, pollMs, usePolling });
    const active: ActiveWatch = {
      id: w.id, signature: signatureOf(w), watcher, filter, root, identity: identityOf(s), folders: new Map(), unread: new UnreadFiles(this.options.recheckMs), busy: new Map(),
      rescanDue: false, failures: 0, retryAt: 0, quiet: new Set(), scannedAt: Date.now(), lastLook: { at: Date.now(), seen: new Map() }, lookAgain: false, lookAgainUrgent: false, scanWarnings: new Set(),
    };
    watcher.on('add', (path) => this.noted(active, path));
    watcher.on('change', (path) => this.noted(active, path));
    watcher.on('unlink', (path) => this.noted(active, path, true));
    // A file this process may not read is one chokidar cannot watch. Depending on how it meets it, chokidar either drops
    // it with no event at all (the folder's own raw events still name it: taken up here) or reports an error naming it
    // (below). Either way the file is reported and retried like any other.
    watcher.on('raw', (_event, name, details) => this.maybeUnreadableEvent(active, name, details));
    // A file chokidar may not watch, reported as an error naming it: one to read later, not a failure.
    watcher.on('error', (error) => {
      const { code, path } = error as NodeJS.ErrnoException;
      if ((code === 'EACCES' || code === 'EPERM') && path) this.maybeUnreadable(active, path);
      else if (code !== 'ELOOP') this.report(w.id, error); // links leading to one another: the catch-up scan names them
    });
    // The folder itself deleted: the next recheck lets this watcher go and watches the folder again once it is back.
    watcher.on('unlinkDir', (path) => { if (path === root) active.lost = true; });
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.active.set(w.id, active);
    this.onEvent({ type: 'watching', watch: watchFolderJson(this.ctx, w) });
    // Scanned after the watcher is ready, so nothing written meanwhile falls between the two.
    this.enqueue(w.id, async () => {
      const row = this.current(w.id);
      if (!row) return;
      let result: CatchUpResult;
      const writing = writingTest(active, this.options.stabilityMs);
      try {
        result = await catchUpWatch(this.env, row, { quiet: active.quiet, settled: writing.settled });
      } catch (error) {
        if (this.stopped) throw error;
        const when = failedLook(active, this.options.recheckMs, error);
        throw new Error(`Catch-up scan of ${root} failed: ${(error as Error).message}; it is scanned again ${when}`, { cause: error });
      }
      this.announce(w.id, result.found, unsaid(active, active.unread.afterDraft([], result)), result.replaced);
      this.onEvent({ type: 'caught-up', result: { ...result, stillWriting: writing.deferred() } });
    });
  }

  private current(id: number): WatchFolderRow | null {
    if (this.stopped) return null;
    const row = getWatchFolder(this.ctx.db, id);
    return row && row.enabled === 1 ? row : null;
  }

  private announce(watchId: number, found: InboxItem[], errors: string[], replaced: readonly ReplacedDraft[] = []): void {
    for (const item of found) {
      const taken = replaced.filter((r) => r.by === item.id);
      const replaces = taken.length > 0 ? { replaces: taken.map((r) => r.id), readAgain: taken.every((r) => r.sameFiles) } : {};
      this.onEvent({ type: 'found', item, ...replaces });
    }
    for (const message of errors) this.onEvent({ type: 'error', watchId, message });
  }

  /**
   * At each recheck, folders whose draft failed are scanned again, and folders whose periodic rescan is due once
   * quiet (no batch waiting or running). Scans and drafts run one at a time, and a draft leaves out file versions the
   * inbox holds, so nothing is drafted twice. A file is drafted by a rescan only once two rescans saw it unchanged
   * (settledSinceLastLook); until then it may still be being written, and its events or the next rescan take it up.
   */
  private rescanWhereDue(): void {
    const now = Date.now();
    const { rescanMs, stabilityMs } = this.options;
    // Asked once a recheck, without waiting for the lock, and only while a folder waits on one.
    const onLock = [...this.active.values()].filter((a) => a.waitsOnLock && a.rescanDue && now < a.retryAt);
    if (onLock.length > 0 && writeLockFree(this.ctx.db)) for (const a of onLock) lockReleased(a, now);
    for (const a of this.active.values()) {
      // A failed draft's files are not in any later batch: a folder that never goes quiet (a render writing frames)
      // must not keep them waiting, nor the second look at what a rescan found. The periodic rescan waits for quiet;
      // the queue keeps each from racing a draft.
      const again = a.lookAgain && now - a.lastLook.at >= stabilityMs;
      // A second look after a failed draft's rescan is as urgent as it; after any other look it waits for quiet too,
      // or a render writing new frames all along would have the folder rescanned at every recheck.
      const urgent = (a.rescanDue && now >= a.retryAt) || (again && a.lookAgainUrgent);
      const periodic = rescanMs > 0 && now - a.scannedAt >= rescanMs;
      const due = urgent || again || periodic;
      // A second look never asks for a third: with no events at all (a share that sends none) a render writing new
      // frames would otherwise be rescanned at every recheck. What it first saw waits for the next periodic look.
      const secondLook = again && !a.rescanDue && !periodic;
      if (!due || a.closed || a.scanning) continue;
      if (!urgent && (a.folders.size > 0 || a.busy.size > 0)) continue;
      const afterFailure = a.rescanDue;
      a.rescanDue = false;
      a.lookAgain = false;
      a.scannedAt = now;
      a.scanning = true;
      this.enqueue(a.id, async () => {
        try {
          const row = this.current(a.id);
          if (!row || a.closed) return;
          const test = settledSinceLastLook(a, stabilityMs);
          const result = await catchUpWatch(this.env, row, { settled: test.settled, recordScan: false, quiet: a.quiet });
          // Only a look that wrote shows the database takes writes again: one that found nothing new proves nothing.
          if (wrote(result)) succeededLook(a);
          a.lookAgain = !secondLook && test.worthLookingAgain();
          a.lookAgainUrgent = afterFailure;
          if (result.gone.length > 0) this.onEvent({ type: 'gone', watchId: a.id, items: result.gone });
          this.announce(a.id, result.found, unsaid(a, a.unread.afterDraft([], result)), result.replaced);
        } catch (error) {
          if (this.stopped) throw error;
          const when = failedLook(a, this.options.recheckMs, error);
          throw new Error(`${(error as Error).message}; ${a.root} is scanned again ${when}`, { cause: error });
        } finally {
          a.scanning = false;
        }
      });
    }
  }

  /** At each recheck, files not readable yet whose turn it is: their folder is drafted again once quiet. */
  private retryUnread(): void {
    for (const a of this.active.values()) {
      for (const path of a.unread.due((folder) => a.folders.has(folder) || a.busy.has(folder))) this.noted(a, path);
    }
  }

  /** A folder event named `name`: a file there that this process may not read is taken up now. */
  private maybeUnreadableEvent(a: ActiveWatch, name: unknown, details: unknown): void {
    const folder = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
    // A file's own watcher (watchedPath is the file) fires on every write into it: that file is watched, so readable.
    if (typeof folder !== 'string' || typeof name !== 'string' || name === '' || basename(folder) === name) return;
    this.maybeUnreadable(a, join(folder, name));
  }

  private maybeUnreadable(a: ActiveWatch, path: string): void {
    if (this.stopped || a.closed || !a.filter.file(relativeOf(a.root, path))) return;
    void a.unread.check(path, (unreadable) => this.noted(a, unreadable));
  }

  private async close(a: ActiveWatch): Promise<void> {
    a.closed = true;
    for (const f of a.folders.values()) clearTimeout(f.timer);
    a.folders.clear();
    await a.watcher.close();
  }

  /** A file finished writing: drafted once its folder has been quiet for settleMs (or after maxWaitMs). */
  private noted(a: ActiveWatch, path: string, gone = false): void {
    if (this.stopped || a.closed) return;
    const relative = relativeOf(a.root, path);
    const sidecar = a.filter.sidecar(relative);
    if (!sidecar && !a.filter.file(relative)) return;
    const folder = dirname(path);
    const now = Date.now();
    const batch = batchOf(a, folder, now);
    clearTimeout(batch.timer);
    if (sidecar) {
      batch.sidecars.add(path);
      forgetSidecarListing(folder);
    } else if (gone) batch.gone.add(path);
    else batch.paths.add(path);
    const wait = Math.max(0, Math.min(this.options.settleMs, batch.firstAt + this.options.maxWaitMs - now));
    batch.timer = setTimeout(() => this.flush(a, folder), wait);
  }

  private flush(a: ActiveWatch, folder: string): void {
    const batch = a.folders.get(folder);
    if (!batch) return;
    a.folders.delete(folder);
    a.busy.set(folder, (a.busy.get(folder) ?? 0) + 1);
    this.enqueue(a.id, async () => {
      let versions: Awaited<ReturnType<typeof currentVersions>> = [];
      try {
        const row = this.current(a.id);
        if (!row) return;
        // Files of the folder still waiting to be read go with it: one locked frame must not split a sequence.
        // Drafts that lost files go first: a sequence draft that kept some frames is replaced by a draft of them.
        const { gone, redraft } = batch.gone.size > 0 ? await removeGoneDrafts(this.ctx, a.id, { only: batch.gone }) : { gone: [], redraft: new Map<number, string[]>() };
        if (gone.length > 0) this.onEvent({ type: 'gone', watchId: a.id, items: gone });
        // Loaded after the gone drafts went, so draftFiles below takes these rows rather than reading the inbox again.
        const rows = batch.sidecars.size > 0 ? watchInboxItems(this.ctx.db, a.id) : undefined;
        for (const [id, lead] of rows ? draftsDescribedBy(rows, batch.sidecars) : []) redraft.set(id, [lead]);
        const paths = [...new Set([...batch.paths, ...[...redraft.values()].flat(), ...a.unread.inFolder(folder)])];
        let written = gone.length > 0;
        if (paths.length > 0) {
          const result = await draftFiles(this.env, row, (versions = await currentVersions(paths)), new Set(redraft.keys()), rows);
          this.announce(a.id, result.found, a.unread.afterDraft(paths, result), result.replaced);
          written ||= wrote(result);
        }
        // The database took a write again: what failed before is scanned at the next recheck, not after its wait.
        if (written) succeededLook(a);
      } catch (error) {
        if (this.stopped) throw error;
        // Nothing of a failed draft is kept (one transaction): the folder's files wait for the rescan, not a restart.
        const when = failedLook(a, this.options.recheckMs, error);
        seenFinished(a, versions, this.options.stabilityMs);
        const files = batch.paths.size + batch.gone.size;
        throw new Error(`${(error as Error).message}; the ${files === 1 ? 'file' : `${files} files`} that changed in ${folder} ${files === 1 ? 'is' : 'are'} drafted ${when}, once the database can be written`, { cause: error });
      } finally {
        const left = (a.busy.get(folder) ?? 1) - 1;
        if (left > 0) a.busy.set(folder, left);
        else a.busy.delete(folder);
      }
    });
  }
}

/** Starts a runner for the context (the desktop app, `genlog watch run`); API changes to watch folders reach it. */
export async function startWatchRunner(ctx: ApiContext, options: WatchRunnerOptions = {}, onEvent?: (e: WatchEvent) => void): Promise<WatchRunner> {
  const runner = new WatchRunner(ctx, options, onEvent);
  registerRunner(ctx, runner);
  await runner.reload();
  runner.startRechecking();
  return runner;
}
