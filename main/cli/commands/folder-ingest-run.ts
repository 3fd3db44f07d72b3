// Running `genlog log` on folders: the flags, the background job it follows, its progress on stderr and its result.
import { statSync } from 'node:fs';
import { CliError, type CommandRun } from '../command';
import { bytes } from '../format';
import type { LoggedAsset } from '../../services/log-assets';
import type { AssetIngestKeys } from '../../services/asset-json';
import type { IngestJobStatus } from '../../services/ingest/ingest-jobs';
import type { IngestJobProgress } from '../../services/ingest/ingest-progress';
import { closeParserThread } from '../../provenance';
import { splitGlobList } from '../../ingest/glob-list';
import { REWRITE_LINE } from '../terminal-safe';
import { factFlags } from './compliance-commands';
import { printProvenanceAlerts } from './provenance-alerts';
import { onStopSignals } from '../stop-signals';
import { frameSpan, framesPhrase } from '../../format/frame-counts';

/**
 * Runs a command step that reads provenance, then stops the provenance parser thread: once used, that thread's
 * message port keeps a short-lived CLI process from exiting (its listeners are attached after it is unref'd).
 */
export async function releasingParser<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await closeParserThread();
  }
}

/** Flags `genlog log` takes for folders. */
export const folderIngestOptions = { recursive: { type: 'boolean' }, include: { type: 'string' }, exclude: { type: 'string' } } as const;
export const FOLDER_INGEST_USAGE = '[--recursive] [--include GLOB,GLOB] [--exclude GLOB,GLOB]';

/**
 * Whether every path given is a file (a missing path counts as one: the ingest names it). Files named one by one are
 * logged all or none; in a folder, a file that cannot be read is left out and named and the rest is logged.
 */
function namesOnlyFiles(paths: readonly string[]): boolean {
  return paths.every((p) => {
    try {
      return !statSync(p).isDirectory();
    } catch {
      return true;
    }
  });
}

const POLL_MS = 100;
const PLAIN_PROGRESS_EVERY_MS = 2000;

function duration(seconds: number | null): string {
  if (seconds === null) return '…';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.ceil(seconds % 60)} s`;
}

export function progressLine(p: IngestJobProgress): string {
  if (p.phase === 'scanning') return 'Scanning…';
  const share = p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : p.filesTotal > 0 ? p.filesDone / p.filesTotal : 1;
  const reused = p.filesReused > 0 ? `, ${p.filesReused} unchanged (not re-read)` : '';
  return `${Math.floor(share * 100)}%  ${p.filesDone}/${p.filesTotal} files, ${bytes(p.bytesDone)} of ${bytes(p.bytesTotal)}${reused}, ` +
    `${p.itemsLogged} logged, ETA ${p.phase === 'done' ? '0 s' : duration(p.etaSeconds)}`;
}

/**
 * Progress on stderr: one line rewritten in place on a terminal; otherwise (logs, CI) a line every few seconds once
 * the run has taken that long, and the final line, so a quick run or a refusal stays a line or two.
 */
function progressPrinter(r: CommandRun): { show(p: IngestJobProgress): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  let lastAt = Date.now();
  let last = '';
  return {
    show(p) {
      const line = progressLine(p);
      if (line === last) return;
      if (tty) r.io.stderr(`${REWRITE_LINE}${line}`);
      else if (Date.now() - lastAt >= PLAIN_PROGRESS_EVERY_MS || p.phase === 'done') {
        r.io.stderr(`${line}\n`);
        lastAt = Date.now();
      } else return; // not printed: a later report with the same text must still be shown
      last = line;
    },
    end() {
      if (tty && last) r.io.stderr('\n');
    },
  };
}

/** What every `genlog log` request carries besides its paths and tool. */
function logFields(r: CommandRun) {
  return {
    production: r.required('production'),
    by: r.required('by'),
    prompt: r.optional('prompt'),
    notes: r.optional('notes'),
    episode: r.optional('episode'),
    classification: r.optional('class'),
    use: r.optional('use'),
    ...factFlags(r),
  };
}

/** --include or --exclude as a glob list ("*.{png,exr}" one glob), or undefined when not given. */
export function globsOption(r: CommandRun, name: 'include' | 'exclude'): string[] | undefined {
  const text = r.optional(name);
  return text === undefined ? undefined : splitGlobList(text);
}

/** Shown per file, up to this many; --json has them all. */
const FOUND_AGAIN_LINES = 20;

/**
 * Files whose content the log holds under another path, or late frames whose content it holds as another asset: the
 * table shows each asset once, so they are named here.
 */
function reportFoundAgain(r: CommandRun, assets: readonly LoggedAsset[]): void {
  const again = assets.filter((a) => a.duplicate && a.foundPath !== undefined && (a.foundPath !== a.path || a.foundFrames));
  // Written as the files write them, as show and the app do (frames 0001–0003 of s.####.exr).
  const framesOf = (range: { first: number; last: number } | null | undefined, pattern: string) => (range ? `, frames ${frameSpan(range, pattern)}` : '');
  // An asset uploaded in a browser has no path: its file name says which it is.
  for (const a of again.slice(0, FOUND_AGAIN_LINES)) {
    const its = a.foundFrames ? framesOf(a.frameRange, a.fileName) : '';
    r.io.stderr(`Same content as asset ${a.id} (${a.path || a.fileName}${its}), not logged again: ${a.foundPath}${framesOf(a.foundFrames, a.fileName)}\n`);
  }
  const more = again.length - FOUND_AGAIN_LINES;
  if (more > 0) r.io.stderr(`… and ${more} more file(s) with content already logged (--json lists each with its foundPath).\n`);
}

/**
 * Prints what the run (or, stopped, its committed batches and its scan) skipped, logged with gaps or flagged, and
 * returns the paragraphs that explain what was not logged; none when everything found was logged.
 */
function reportLeftOut(r: CommandRun, final: IngestJobStatus, allOrNone: boolean): string[] {
  reportFoundAgain(r, final.assets ?? []);
  for (const s of [...final.unreadable, ...final.skipped]) r.io.stderr(`Skipped ${s.path}: ${s.reason}\n`);
  for (const g of final.gaps ?? []) r.io.stderr(`Note: ${g.path} has no ${framesPhrase(g.missingFrames)}; it was logged with the frames present.\n`);
  for (const d of final.sameFrames ?? []) r.io.stderr(`Note: ${d.paths[0]} and ${d.paths[1]} both hold ${framesPhrase(d.frames)}, numbered differently (padding or case); they were kept apart: two renders, or one written twice?\n`);
  printProvenanceAlerts(r, final.alerts);
  const unreadFolders = final.skipped.filter((s) => s.unread).length;
  const unread = [
    final.unreadable.length > 0 ? `${final.unreadable.length} file(s) or sequence(s) were not logged: a file could not be read (listed above).` : '',
    unreadFolders > 0 ? `${unreadFolders} folder(s) or entries could not be read (listed above): files in them were not logged.` : '',
  ].filter(Boolean);
  return [
    final.needTool.length > 0
      ? `${final.needTool.length} file(s) were not logged: no --tool was given and they name no tool in the tool list:\n` +
        `${final.needTool.map((p) => `  ${p}`).join('\n')}\nLog them with --tool NAME.`
      : '',
    unread.length > 0
      ? `${unread.join('\n')}\nFix them and run the same command again: what was logged is recognised, and files already read are not read again.`
      : '',
    // Files named one by one are logged all or none: the error already says nothing was, and why.
    final.notReached > 0 && !(allOrNone && final.state === 'failed')
      ? `${final.notReached} file(s) found were not logged: the run stopped before their batch was committed. ` +
        `${final.state === 'failed' ? 'Fix what stopped it (above) and run' : 'Run'} the same command again to log them (files already read are not read again).`
      : '',
  ].filter(Boolean);
}

/** `genlog log FILE|DIR ...`: a background ingest job polled for progress; Ctrl+C cancels it cleanly. */
export function runFolderIngest(r: CommandRun, render: (assets: LoggedAsset[]) => string): Promise<(LoggedAsset & AssetIngestKeys)[]> {
  return releasingParser(() => folderIngest(r, render));
}

async function folderIngest(r: CommandRun, render: (assets: LoggedAsset[]) => string): Promise<(LoggedAsset & AssetIngestKeys)[]> {
  const allOrNone = namesOnlyFiles(r.positionals);
  const { jobId } = await r.call<{ jobId: string }>('startIngest', {
    paths: r.positionals,
    recursive: Boolean(r.values.recursive),
    include: globsOption(r, 'include'),
    exclude: globsOption(r, 'exclude'),
    tool: r.optional('tool'),
    skipUnreadable: !allOrNone,
    ...logFields(r),
  });
  const printer = progressPrinter(r);
  let cancelAsked = false;
  const cancel = () => {
    cancelAsked = true;
    r.io.stderr(allOrNone ? '\nCancelling: the files named are logged all or none, so nothing will be logged…\n'
      : '\nCancelling: the batch being hashed is dropped, finished batches stay logged…\n');
    void r.call('cancelIngest', { jobId }).catch(() => undefined);
  };
  // Ctrl+C, or a render farm scheduler stopping the job (SIGTERM): both stop the run cleanly and report what it kept,
  // however many times they come.
  const restoreSignals = onStopSignals(cancel, () => r.io.stderr('Already stopping: what was kept is reported in a moment…\n'));
  try {
    return await watchToTheEnd(r, jobId, printer, () => cancelAsked, render, allOrNone);
  } finally {
    restoreSignals();
  }
}

async function watchToTheEnd(
  r: CommandRun, jobId: string, printer: ReturnType<typeof progressPrinter>, cancelAsked: () => boolean, render: (assets: LoggedAsset[]) => string,
  allOrNone: boolean,
): Promise<(LoggedAsset & AssetIngestKeys)[]> {
  let status: IngestJobStatus;
  try {
    for (;;) {
      status = await r.call<IngestJobStatus>('getIngestJob', { jobId });
      printer.show(status.progress);
      if (status.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    printer.end();
  }
  const final = await r.call<IngestJobStatus>('getIngestJob', { jobId, includeAssets: true });
  // Ctrl+C between the last commit and the next poll: the ingest was already complete.
  if (final.state === 'done' && cancelAsked()) r.io.stderr('Nothing was cancelled: the last batch was logged before the stop request arrived.\n');
  if (final.state !== 'done') {
    // Batches finished before the stop are in the log: print them as a finished run would, so a script has their ids.
    const kept = final.assets ?? [];
    // A script reading --json gets an array even when nothing was kept.
    if (kept.length > 0 || r.json) r.io.stdout(r.json ? `${JSON.stringify(kept, null, 2)}\n` : render(kept));
    const leftOut = reportLeftOut(r, final, allOrNone);
    throw new CliError([final.error ?? `The ingest ended: ${final.state}.`, ...leftOut].join('\n'), 1);
  }
  const sequences = (final.assets ?? []).filter((a) => a.frameRange && !a.duplicate).length;
  r.io.stderr(`Logged ${final.logged} new asset(s)${sequences ? ` (${sequences} image sequence(s))` : ''}` +
    `${final.duplicates ? `, ${final.duplicates} already in the log` : ''}; ` +
    `${final.progress.filesReused} unchanged file(s) not re-read.\n`);
  if (final.draftsSettled > 0) {
    r.io.stderr(`${final.draftsSettled} draft(s) of these files waiting in the inbox were marked confirmed as the assets logged now.\n`);
  }
  const assets = final.assets ?? [];
  const notLogged = reportLeftOut(r, final, allOrNone);
  if (notLogged.length > 0) {
    // What was logged is printed as usual; the exit code tells scripts that not everything was.
    r.io.stdout(r.json ? `${JSON.stringify(assets, null, 2)}\n` : render(assets));
    throw new CliError(notLogged.join('\n'), 1);
  }
  return assets;
}
