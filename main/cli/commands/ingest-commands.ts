import { usageError, type Command, type CommandRun } from '../command';
import { bytes, keyValues, table } from '../format';
import { frameLabel, frameRangeNotes, frameSpan, framesPhrase, missingFrames } from '../../format/frame-counts';
import type { AssetIngestDetail, FileProvenance } from '../../services/ingest/asset-ingest';
import { c2paFailed, c2paUnchecked, type InboxItem, type InboxItemDetail } from '../../services/ingest/inbox-json';
import type { ConfirmedInboxItem, InboxPage } from '../../services/ingest/inbox';
import type { WatchFolder } from '../../services/ingest/watch-folders';
import { startWatchRunner, type WatchEvent } from '../../services/ingest/watch-runner';
import { closeParserThread } from '../../provenance';
import { FACT_FLAGS_USAGE, factFlags, factOptions } from './compliance-commands';
import { globsOption, releasingParser } from './folder-ingest-run';
import { untilStopSignal } from '../stop-signals';
import { provenanceText } from './provenance-text';

/** What `genlog provenance FILE` prints: the file, then everything its record holds. */
const fileProvenanceText = (p: FileProvenance) =>
  provenanceText(p, { head: [['file', p.path]], matchedTool: p.matchedTool, mismatches: p.mismatches, errors: p.errors });

/** Up to 20 missing frames named one by one; more are counted (missingFrames stops counting at 1,000). */
function missingLine(missing: number[], pattern: string): string {
  if (missing.length === 0) return '';
  const label = (n: number) => frameLabel(n, pattern);
  if (missing.length <= 20) return `Missing frames: ${missing.map(label).join(', ')}\n`;
  const count = missing.length >= 1000 ? '1,000 or more' : String(missing.length);
  return `Missing frames: ${count}, from ${label(missing[0] as number)} to ${label(missing[missing.length - 1] as number)}\n`;
}

/**
 * The inbox row, the notes confirming will log (late frames name the asset holding the others), then what the file
 * says about itself exactly as `genlog provenance` prints it.
 */
function inboxDetailText(i: InboxItemDetail): string {
  const notes = i.prefill.notes ? `\nNotes: ${i.prefill.notes}\n` : '';
  const head = `${inboxTable([i])}${notes}`;
  const gaps = missingLine(missingFrames(i.frames, [...(i.prefill.framesInLog ?? []), ...(i.prefill.framesDismissed ?? [])]), i.fileName);
  const frameList = i.frames.length ? `\n${i.frames.length} frame(s), first ${i.frames[0]?.fileName ?? ''}, last ${i.frames.at(-1)?.fileName ?? ''}\n${gaps}` : '';
  if (!i.record || !i.provenance) return `${head}${frameList}\nNo provenance was read for this file.\n`;
  return `${head}${frameList}\n${fileProvenanceText({ ...i.record, path: i.path, matchedTool: i.prefill.matchedTool ?? null, mismatches: i.provenance.mismatches })}`;
}

const watchTable = (ws: WatchFolder[]) =>
  table(['ID', 'ON', 'PROD', 'TOOL', 'ARTIST', 'CLASS', 'SUBFOLDERS', 'PENDING', 'LAST SCAN', 'PATH'],
    ws.map((w) => [w.id, w.enabled ? 'yes' : 'no', w.production, w.tool, w.artist, w.classification, w.recursive ? 'yes' : 'no', w.pendingDrafts,
      w.lastScanAt?.slice(0, 16).replace('T', ' ') ?? 'never', w.missing ? `${w.path} (missing)` : w.path]));

/** "3 frames 0001–0004 (1 missing)", "frame 1013" (one late frame): numbers as the files write them. */
function frames(i: InboxItem): string {
  if (!i.frameRange) return '';
  const notes = frameRangeNotes(i.frameRange, i.frameCount, i.prefill.framesInLog?.length, i.prefill.framesDismissed?.length);
  if (i.frameRange.first === i.frameRange.last && notes.length === 0) return `frame ${frameLabel(i.frameRange.first, i.fileName)}`;
  return `${i.frameCount} frames ${frameSpan(i.frameRange, i.fileName)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

const inboxTable = (items: InboxItem[]) =>
  table(['ID', 'STATUS', 'PROD', 'TOOL', 'FRAMES', 'SIZE', 'FOUND', 'ISSUES', 'PATH'],
    items.map((i) => [i.id, i.assetId ? `${i.status} #${i.assetId}` : i.status, i.assetProduction ?? i.prefill.production, i.assetTool ?? i.prefill.tool ?? i.prefill.matchedTool,
      frames(i), bytes(i.size), i.foundAt.slice(0, 16).replace('T', ' '),
      issues(i), i.path]));

/** Count of what needs a look: read errors, mismatches, a C2PA manifest that failed validation, checks not made. */
function issues(i: InboxItem): number | '' {
  return (i.provenance?.errors.length ?? 0) + (i.provenance?.mismatches.length ?? 0) + (c2paFailed(i.provenance) ? 1 : 0)
    + c2paUnchecked(i.provenance).length || '';
}

const UNWATCHED: Record<Extract<WatchEvent, { type: 'unwatched' }>['reason'], string> = {
  disabled: 'paused or removed (watched again when it is resumed)',
  changed: 'its settings changed (watched again with the new ones)',
  gone: 'the folder was deleted, moved or replaced (watched again, with a catch-up scan, once it is there)',
};

/** One stderr line per watch event (`watch run`, `serve --watch`), saying what reached the inbox and what did not. */
export function describeEvent(e: WatchEvent): string {
  switch (e.type) {
    case 'watching':
      return `Watching ${e.watch.path} for ${e.watch.production}${e.watch.recursive ? ' (with subfolders)' : ''}.\n`;
    case 'caught-up': {
      const r = e.result;
      const skipped = [
        r.alreadyLogged ? `${r.alreadyLogged} already in the log (not drafted)` : '',
        r.alreadyDismissed ? `${r.alreadyDismissed} dismissed before (not offered again)` : '',
        r.gone.length ? `${r.gone.length} taken out of the inbox (files gone: ${r.gone.map((g) => `#${g.id}${g.framesGone ? ` lost ${framesPhrase(g.framesGone)}, the rest drafted again` : ''}`).join(', ')})` : '',
        r.stillWriting ? `${r.stillWriting} still being written (drafted once finished)` : '',
      ].filter(Boolean).map((part) => `, ${part}`).join('');
      // Files left out as already logged or dismissed are counted there, not as new (they were not read again).
      const fresh = Math.max(0, r.filesNew - r.alreadyLogged - r.alreadyDismissed);
      return `Catch-up scan of ${r.path}: ${r.filesScanned} file(s), ${fresh} new or changed, ${r.found.length} inbox item(s) added${skipped}.\n`;
    }
    case 'found':
      return `Inbox #${e.item.id}: ${e.item.path}${e.item.frameRange ? ` [${frames(e.item)}]` : ''} (${bytes(e.item.size)})` +
        `${e.item.provenance?.mismatches.length ? ', provenance MISMATCH' : ''}${e.item.provenance?.errors.length ? ', provenance error' : ''}` +
        `${c2paFailed(e.item.provenance) ? ', C2PA validation FAILED' : ''}${c2paUnchecked(e.item.provenance).length ? ', C2PA check incomplete' : ''}` +
        `${e.replaces?.length ? `; replaces ${e.replaces.map((id) => `#${id}`).join(', ')}, ${replacedWhy(e)}` : ''}.\n`;
    case 'gone':
      return e.items.map((g) => (g.framesGone
        ? `Inbox #${g.id}: ${framesPhrase(g.framesGone)} of ${g.path} ${g.framesGone.length === 1 ? 'is' : 'are'} gone (deleted or renamed) before it was confirmed; the frames still there wait as a new item.\n`
        : `Inbox #${g.id}: ${g.path} is gone (deleted or renamed) before it was confirmed; taken out of the inbox.\n`)).join('');
    case 'unwatched':
      return `Stopped watching ${e.path}: ${UNWATCHED[e.reason]}.\n`;
    case 'error':
      return `Watch ${e.watchId ?? ''} problem: ${e.message}\n`;
  }
}

function replacedWhy(e: Extract<WatchEvent, { type: 'found' }>): string {
  if (!e.readAgain) return 'which held some of its files';
  return `${e.item.kind === 'sequence' ? 'the same frames' : 'the same file'} read again`;
}

/** A whole number of milliseconds from `min` to `max`; 0 as well when `zeroMeans` says what 0 does. */
function msOption(r: CommandRun, flag: string, min: number, max: number, zeroMeans?: string): number | undefined {
  const v = r.optional(flag);
  if (v === undefined) return undefined;
  // Digits only: Number() also takes "", "0x10" and "1e3", which nobody means as a wait.
  const n = /^\d+$/.test(v) ? Number(v) : Number.NaN;
  if (Number.isInteger(n) && ((zeroMeans !== undefined && n === 0) || (n >= min && n <= max))) return n;
  throw usageError(`--${flag} must be ${zeroMeans === undefined ? '' : `0 (${zeroMeans}) or `}milliseconds from ${min} to ${max}, not "${v}".`);
}

const positiveMs = (r: CommandRun, flag: string) => msOption(r, flag, 10, 600_000);

const idArg = (r: CommandRun) => r.positionals[0];

export const ingestCommands: Command[] = [
  {
    name: 'provenance',
    usage: 'genlog provenance FILE',
    summary: 'Print what a file says about its origin: C2PA, IPTC/XMP, EXIF, Stable Diffusion or ComfyUI settings',
    options: {},
    positionals: 1,
    run: (r) => releasingParser(() => r.call('readFileProvenance', { path: r.positionals[0] })),
    human: fileProvenanceText,
  },
  {
    name: 'watch add',
    usage: 'genlog watch add DIR --production CODE [--tool NAME] [--by ARTIST] [--class temporary|deliverable] [--use ID] ' +
      '[--include GLOB,GLOB] [--exclude GLOB,GLOB] [--no-recursive]',
    summary: 'Watch a render folder: new files wait in the inbox with these defaults',
    options: {
      production: { type: 'string' }, tool: { type: 'string' }, by: { type: 'string' }, class: { type: 'string' }, use: { type: 'string' },
      include: { type: 'string' }, exclude: { type: 'string' }, 'no-recursive': { type: 'boolean' },
    },
    positionals: 1,
    run: (r) => r.call('addWatchFolder', {
      path: r.positionals[0], production: r.required('production'), tool: r.optional('tool'), artist: r.optional('by'),
      classification: r.optional('class'), use: r.optional('use'),
      include: globsOption(r, 'include'),
      exclude: globsOption(r, 'exclude'),
      recursive: !r.values['no-recursive'],
    }),
    human: (w: WatchFolder) => watchTable([w]),
  },
  {
    name: 'watch list',
    usage: 'genlog watch list',
    summary: 'List watch folders',
    options: {},
    run: (r) => r.call('listWatchFolders', {}),
    human: watchTable,
  },
  ...(['enable', 'disable'] as const).map((verb): Command => ({
    name: `watch ${verb}`,
    usage: `genlog watch ${verb} ID`,
    summary: verb === 'enable' ? 'Resume watching a folder' : 'Pause watching a folder (catch-up finds what arrived meanwhile)',
    options: {},
    positionals: 1,
    run: (r) => r.call('enableWatchFolder', { id: idArg(r), enabled: verb === 'enable' }),
    human: (w: WatchFolder) => watchTable([w]),
  })),
  {
    name: 'watch remove',
    usage: 'genlog watch remove ID',
    summary: 'Stop watching a folder (its inbox history is kept)',
    options: {},
    positionals: 1,
    run: (r) => r.call('removeWatchFolder', { id: idArg(r) }),
    human: (w: WatchFolder) => `Removed watch folder ${w.id} (${w.path}); its inbox items are kept.\n`,
  },
  {
    name: 'watch run',
    usage: 'genlog watch run [--stable-ms N] [--settle-ms N] [--recheck-ms N] [--rescan-ms N] [--poll]',
    summary: 'Watch every enabled watch folder in the foreground (render nodes): catch-up scan, then new files, until Ctrl+C',
    options: { 'stable-ms': { type: 'string' }, 'settle-ms': { type: 'string' }, 'recheck-ms': { type: 'string' }, 'rescan-ms': { type: 'string' }, poll: { type: 'boolean' } },
    optionHelp: {
      'stable-ms': 'a file counts as written once its size has not changed for this long (default 2000)',
      'settle-ms': "quiet time in a folder before its new files are drafted, so a render's frames land as one draft (default 1500)",
      'recheck-ms': 'how often the watch folder list is read again and failed drafts are retried (default 5000)',
      'rescan-ms': 'how often each folder is scanned again for files whose events were lost (default 60000; 0: only after a failure)',
      poll: 'poll for changes instead of waiting for the system to announce them (network shares that announce none)',
    },
    async run(r) {
      // Flags checked before any waiting: a typo must not look like a watcher that started.
      const options = {
        stabilityMs: positiveMs(r, 'stable-ms'), settleMs: positiveMs(r, 'settle-ms'), recheckMs: positiveMs(r, 'recheck-ms'),
        rescanMs: msOption(r, 'rescan-ms', 1000, 86_400_000, 'rescan only after a failure'), usePolling: Boolean(r.values.poll),
      };
      // A render node's service may start before any folder is set up, or while all are paused: it waits for one.
      const folders = await r.call<WatchFolder[]>('listWatchFolders', {});
      if (!folders.some((w) => w.enabled)) {
        r.io.stderr(folders.length === 0
          ? 'No watch folders yet: waiting for one (add it with genlog watch add DIR --production CODE, here or in the app).\n'
          : `All ${folders.length} watch folder(s) are paused: waiting for one to be resumed (genlog watch enable ID).\n`);
      }
      const onEvent = (e: WatchEvent) => {
        r.io.stderr(describeEvent(e));
        if (r.json && e.type === 'found') r.io.stdout(`${JSON.stringify(e.item)}\n`);
      };
      const runner = await startWatchRunner(r.ctx, options, onEvent);
      r.io.stderr(`Watching ${runner.watching().length} folder(s) into ${r.ctx.dbPath}; press Ctrl+C to stop.\n`);
      // Runs until stopped even while no folder is being watched (all paused, or gone for now): the list is read
      // again every few seconds, and a render node's service must not end just because a folder was paused.
      const keepAlive = setInterval(() => undefined, 60_000);
      const signals = untilStopSignal((text) => r.io.stderr(text), 'Already stopping: the file being drafted is finished first…\n');
      try {
        await signals.stopped;
        clearInterval(keepAlive);
        r.io.stderr('Stopping (a file still being read is left for the next start\'s catch-up scan)…\n');
        await runner.stop();
        await closeParserThread();
      } finally {
        signals.release();
      }
      r.io.stderr('Stopped watching.\n');
      return undefined;
    },
  },
  {
    name: 'inbox list',
    usage: 'genlog inbox list [--status pending|confirmed|dismissed|all] [--limit N] [--offset N]',
    summary: 'Files found in watch folders, waiting to be confirmed or dismissed',
    options: { status: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
    async run(r) {
      const page = await r.call<InboxPage>('listInbox', { status: r.optional('status'), limit: r.optional('limit'), offset: r.optional('offset') });
      r.io.stderr(`${page.rows.length} of ${page.total} inbox item(s).\n`);
      return page.rows;
    },
    human: inboxTable,
  },
  {
    name: 'inbox show',
    usage: 'genlog inbox show ID',
    summary: 'One inbox item with its provenance and frames',
    options: {},
    positionals: 1,
    run: (r) => r.call('getInboxItem', { id: idArg(r) }),
    human: inboxDetailText,
  },
  {
    name: 'inbox confirm',
    usage: 'genlog inbox confirm ID [--production CODE] [--tool NAME] [--by ARTIST] [--prompt TEXT] [--notes TEXT] [--episode E] ' +
      `[--class temporary|deliverable] [--use ID] ${FACT_FLAGS_USAGE}`,
    summary: 'Log an inbox item (values given here override the watch defaults and what the file said)',
    options: {
      production: { type: 'string' }, tool: { type: 'string' }, by: { type: 'string' }, prompt: { type: 'string' }, notes: { type: 'string' },
      episode: { type: 'string' }, class: { type: 'string' }, use: { type: 'string' }, ...factOptions,
    },
    positionals: 1,
    async run(r) {
      const done = await r.call<ConfirmedInboxItem>('confirmInbox', {
        id: idArg(r), production: r.optional('production'), tool: r.optional('tool'), by: r.optional('by'), prompt: r.optional('prompt'),
        notes: r.optional('notes'), episode: r.optional('episode'), classification: r.optional('class'), use: r.optional('use'), ...factFlags(r),
      });
      r.io.stderr(`Inbox item ${done.item.id} ${done.asset.duplicate ? `was already in the log as asset ${done.asset.id}` : `logged as asset ${done.asset.id}`}.\n`);
      return done;
    },
    human: (d: ConfirmedInboxItem) => `${d.asset.id}\n`,
  },
  {
    name: 'inbox dismiss',
    usage: 'genlog inbox dismiss ID [--by NAME]',
    summary: 'Dismiss an inbox item (kept as dismissed; the same content at that path is not offered again)',
    options: { by: { type: 'string' } },
    positionals: 1,
    async run(r) {
      const item = await r.call<InboxItem>('dismissInbox', { id: idArg(r), by: r.optional('by') });
      // Dismissed is the artist's word that the file is not GenAI output to log: a file that says otherwise is said aloud.
      for (const m of item.provenance?.mismatches ?? []) r.io.stderr(`Inbox #${item.id} (${item.fileName}): provenance MISMATCH: ${m}\n`);
      return item;
    },
    human: (i: InboxItem) => inboxTable([i]),
  },
  {
    name: 'inbox reopen',
    usage: 'genlog inbox reopen ID',
    summary: 'Put a dismissed inbox item back in the inbox, waiting to be confirmed or dismissed again (the newest item of its path only)',
    options: {},
    positionals: 1,
    run: (r) => r.call<InboxItem>('reopenInbox', { id: idArg(r) }),
    human: (i: InboxItem) => inboxTable([i]),
  },
];

/**
 * The frames and provenance part of `genlog show`: the whole record, as `genlog provenance` prints it, with the
 * mismatches against how the asset was logged.
 */
export function ingestDetailText(a: Partial<AssetIngestDetail> & { fileName?: string }): string {
  const frames: [string, string][] = a.frameRange ? [['frames', `${a.frames?.length ?? 0} (${frameSpan(a.frameRange, a.fileName ?? '')}), one SHA-256 each (--json)`]] : [];
  const p = a.provenance;
  if (p) return `\nProvenance\n${provenanceText(p.record, { head: frames, mismatches: p.mismatches, errors: p.errors, errorLabel: 'PROVENANCE ERROR' })}`;
  const pairs: [string, string][] = [...frames];
  if (p === null) pairs.push(['provenance', 'not read (logged before GenLog read provenance, or uploaded through a browser)']);
  return pairs.length ? `\nProvenance\n${keyValues(pairs)}` : '';
}
