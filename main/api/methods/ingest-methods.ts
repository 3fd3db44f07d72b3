import { z } from 'zod';
import { method } from '../method';
import * as s from '../schemas';
import { factsUpdateSchema, toolChainSchema } from '../../services/compliance/facts-input';
import { fileProvenance } from '../../services/ingest/asset-ingest';
import { cancelIngest, getIngestJob, listIngestJobs, startIngest } from '../../services/ingest/ingest-jobs';
import { getThumbnail } from '../../services/ingest/thumbnails';
import { addWatchFolder, enableWatchFolder, listWatchFolders, removeWatchFolder } from '../../services/ingest/watch-folders';
import { scanWatchFolders } from '../../services/ingest/catch-up';
import { confirmInbox, dismissInbox, getInboxDetail, listInbox, reopenInbox } from '../../services/ingest/inbox';

const globs = z.array(z.string().trim().min(1, 'a glob cannot be empty').max(1000)).max(200);
const watchId = s.recordId('watch folder');
const inboxId = s.recordId('inbox');
const useId = s.recordId('planned use');
const jobId = z.string().uuid('ingest job ids are UUIDs');

export const ingestMethods = {
  readFileProvenance: method(z.object({ path: z.string().min(1, 'file path is empty') }),
    'Read what a file says about its origin (C2PA, IPTC, EXIF, A1111, ComfyUI), the tool it names, and mismatches',
    (ctx, i) => fileProvenance(ctx, i.path)),

  startIngest: method(
    z.object({
      paths: z.array(z.string().min(1, 'file path is empty')).min(1, 'give at least one file or folder').max(100_000),
      recursive: z.boolean().default(false),
      include: globs.optional(),
      exclude: globs.optional(),
      production: z.string().trim().min(1, 'production is required'),
      /** Omitted: each file gets the listed tool its provenance names (files naming none are reported, not logged). */
      tool: z.string().trim().min(1).optional(),
      by: s.actorName.optional(),
      prompt: s.optionalText,
      notes: s.optionalText,
      episode: z.string().trim().max(100).default(''),
      classification: s.classification.optional(),
      use: useId.optional(),
      facts: factsUpdateSchema.optional(),
      tools: toolChainSchema.optional(),
      /**
       * true: a file that cannot be read (or a named one that is gone) is left out, its sequence with it, and reported
       * in `unreadable`; the rest is logged. false: all or none, in one transaction: such a file stops the ingest.
       */
      skipUnreadable: z.boolean().default(true),
    }),
    'Start logging files and folders (sequences grouped) in the background; poll getIngestJob',
    (ctx, i) => startIngest(ctx, i),
  ),
  getIngestJob: method(z.object({ jobId, includeAssets: z.boolean().default(false) }),
    'Progress (files, bytes, ETA) and result of an ingest job', (ctx, i) => getIngestJob(ctx, i.jobId, i.includeAssets)),
  listIngestJobs: method(z.object({}), 'The ingest jobs still running (a window opened meanwhile follows them again)',
    (ctx) => listIngestJobs(ctx)),
  cancelIngest: method(z.object({ jobId }), 'Cancel an ingest job: finished batches stay logged, the unfinished one is dropped',
    (ctx, i) => cancelIngest(ctx, i.jobId)),

  getThumbnail: method(z.object({ id: s.assetId }), "An asset's thumbnail as a data: URL (null with a reason when there is none)",
    (ctx, i) => getThumbnail(ctx, i.id)),

  addWatchFolder: method(
    z.object({
      path: z.string().min(1, 'folder path is empty'),
      production: z.string().trim().min(1, 'production is required'),
      use: useId.optional(),
      tool: z.string().trim().min(1).optional(),
      artist: z.string().trim().max(200).optional(),
      classification: s.classification.optional(),
      include: globs.optional(),
      exclude: globs.optional(),
      recursive: z.boolean().default(true),
      by: s.actorName.optional(),
    }),
    'Watch a folder: new files become inbox drafts with these defaults',
    (ctx, i) => addWatchFolder(ctx, i),
  ),
  listWatchFolders: method(z.object({}), 'List watch folders', (ctx) => listWatchFolders(ctx)),
  enableWatchFolder: method(z.object({ id: watchId, enabled: z.boolean() }), 'Pause or resume a watch folder',
    (ctx, i) => enableWatchFolder(ctx, i.id, i.enabled)),
  removeWatchFolder: method(z.object({ id: watchId }), 'Stop watching a folder (its inbox history is kept)',
    (ctx, i) => removeWatchFolder(ctx, i.id)),
  scanWatchFolders: method(z.object({ id: watchId.optional() }), 'Scan watch folders now for files not yet in the inbox',
    (ctx, i) => scanWatchFolders(ctx, i.id)),

  listInbox: method(
    z.object({
      status: z.enum(['pending', 'confirmed', 'dismissed', 'all']).default('pending'),
      limit: s.wholeNumber('limit', 1, 5000).default(200),
      offset: s.wholeNumber('offset', 0).default(0),
    }),
    'Inbox of files found in watch folders, newest first',
    (ctx, i) => listInbox(ctx, i),
  ),
  getInboxItem: method(z.object({ id: inboxId }), 'One inbox item with its provenance record and frames',
    (ctx, i) => getInboxDetail(ctx, i.id)),
  confirmInbox: method(
    z.object({
      id: inboxId,
      production: z.string().trim().min(1).optional(),
      tool: z.string().trim().min(1).optional(),
      by: s.actorName.optional(),
      prompt: z.string().max(100_000).optional(),
      notes: z.string().max(100_000).optional(),
      episode: z.string().trim().max(100).optional(),
      classification: s.classification.optional(),
      /** null: no planned use, even when the watch folder names one. */
      use: useId.nullable().optional(),
      facts: factsUpdateSchema.optional(),
      tools: toolChainSchema.optional(),
      decidedBy: s.actorName.optional(),
    }),
    'Log an inbox item (edits allowed); content already logged returns the existing asset',
    (ctx, i) => confirmInbox(ctx, i),
  ),
  dismissInbox: method(z.object({ id: inboxId, by: s.actorName.optional() }), 'Dismiss an inbox item (kept as dismissed)',
    (ctx, i) => dismissInbox(ctx, i.id, i.by)),
  reopenInbox: method(z.object({ id: inboxId }), 'Put a dismissed inbox item back in the inbox, waiting again (the newest of its path only)',
    (ctx, i) => reopenInbox(ctx, i.id)),
};
