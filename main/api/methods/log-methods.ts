import { z } from 'zod';
import { method } from '../method';
import * as s from '../schemas';
import { addProduction, allProductions, editProduction } from '../../services/productions';
import { addTool, allTools, editTool } from '../../services/tools';
import { logAssets } from '../../services/log-assets';
import { listAssetPage } from '../../services/list-assets';
import { editAsset, markAsset, retireAsset, showAsset } from '../../services/asset-changes';
import { readSettings, writeSettings } from '../../services/settings';
import { distinctArtists, SORT_COLUMNS } from '../../../db/assets';
import { changeStamp } from '../../../db/change-stamp';
import { OUTCOMES } from '../../compliance';
import { factsUpdateSchema, toolChainSchema } from '../../services/compliance/facts-input';

const episodes = z
  .array(z.string().trim().min(1).max(100))
  .max(2000)
  .default([])
  .refine((l) => new Set(l).size === l.length, 'episodes must not repeat');

const productionFields = z.object({
  code: s.productionCode,
  title: s.nonEmpty('title'),
  contactEmail: z.email('contactEmail must be an email address like name@netflix.com'),
  vendor: z.string().trim().max(200).default(''),
  episodes,
  /** Temporary assets older than this are listed for review; omitted: 30 when adding, unchanged when editing. */
  staleDays: z.number().int().min(1, 'staleDays must be at least 1').max(3650, 'staleDays must be at most 3650').optional(),
});

const toolFields = z.object({
  name: s.nonEmpty('name').pipe(z.string().max(200)),
  vendor: z.string().trim().max(200).default(''),
  version: z.string().trim().max(100).default(''),
  hosting: s.hosting.default('unsure'),
  enterprise: s.yesNo.default('no'),
  trainsOnInputs: s.yesNoUnsure.default('unsure'),
  retainsData: s.yesNoUnsure.default('unsure'),
  notes: z.string().max(10_000).default(''),
});

const fileRef = z.union([
  z.object({ path: z.string().min(1, 'file path is empty') }),
  z.object({ stagedId: z.string().uuid() }),
]);

const reasoned = { reason: s.nonEmpty('reason'), by: s.actorName.optional() };

export const listRequest = z.object({
  production: z.string().trim().optional(),
  classification: s.classification.optional(),
  mediaType: s.mediaType.optional(),
  tool: z.string().trim().optional(),
  artist: z.string().trim().optional(),
  from: s.isoDate.optional(),
  to: s.isoDate.optional(),
  search: z.string().max(500).optional(),
  retired: z.enum(['include', 'exclude', 'only']).default('include'),
  outcome: z.enum(OUTCOMES).optional(),
  sort: z.enum(Object.keys(SORT_COLUMNS) as [keyof typeof SORT_COLUMNS, ...(keyof typeof SORT_COLUMNS)[]]).default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: s.wholeNumber('offset', 0).default(0),
  limit: s.wholeNumber('limit', 1, 5000).default(200),
});

export const logMethods = {
  listProductions: method(z.object({}), 'List productions', (ctx) => allProductions(ctx)),
  addProduction: method(productionFields, 'Add a production', (ctx, i) => addProduction(ctx, i)),
  editProduction: method(productionFields.extend({ id: z.number().int() }), 'Edit a production', (ctx, { id, ...i }) =>
    editProduction(ctx, id, i)),

  listTools: method(z.object({}), 'List the AI tool list', (ctx) => allTools(ctx)),
  addTool: method(toolFields, 'Add an AI tool', (ctx, i) => addTool(ctx, i)),
  editTool: method(toolFields.extend({ id: z.number().int() }), 'Edit an AI tool', (ctx, { id, ...i }) => editTool(ctx, id, i)),

  logAssets: method(
    z.object({
      files: z.array(fileRef).min(1, 'give at least one file').max(100_000),
      production: z.string().trim().min(1, 'production is required'),
      tool: z.string().trim().min(1, 'tool is required'),
      by: s.actorName.optional(),
      prompt: s.optionalText,
      notes: s.optionalText,
      episode: z.string().trim().max(100).default(''),
      /** Omitted: the planned use's classification, else temporary. */
      classification: s.classification.optional(),
      /** A planned use of the same production: its facts, tools and classification become the defaults. */
      use: s.recordId('planned use').optional(),
      facts: factsUpdateSchema.optional(),
      /** The whole tool chain; the logged tool is added first when missing. */
      tools: toolChainSchema.optional(),
    }),
    'Hash and log generated files',
    (ctx, i) => logAssets(ctx, i),
  ),
  listAssets: method(listRequest.passthrough(), 'List assets, filtered and sorted', (ctx, i) => listAssetPage(ctx, i)),
  getAsset: method(z.object({ id: s.assetId }), 'One asset with its history', (ctx, i) => showAsset(ctx, i.id)),
  markAsset: method(z.object({ id: s.assetId, classification: s.classification, ...reasoned }), 'Re-tag temporary/deliverable',
    (ctx, i) => markAsset(ctx, i.id, i.classification, i.reason, i.by)),
  retireAsset: method(z.object({ id: s.assetId, ...reasoned }), 'Retire an asset (never deleted)',
    (ctx, i) => retireAsset(ctx, i.id, i.reason, i.by)),
  editAsset: method(
    z.object({
      id: s.assetId,
      changes: z.object({
        episode: z.string().trim().max(100).optional(),
        prompt: z.string().max(100_000).optional(),
        notes: z.string().max(100_000).optional(),
        tool: z.string().trim().min(1).optional(),
        fileName: z.string().trim().min(1).max(1000).optional(),
      }),
      by: s.actorName.optional(),
      reason: z.string().max(10_000).optional(),
    }),
    'Edit asset fields',
    (ctx, i) => editAsset(ctx, i.id, i.changes, i.by, i.reason),
  ),
  listArtists: method(z.object({}), 'Artists who logged assets', (ctx) => distinctArtists(ctx.db)),
  getChangeStamp: method(z.object({}), 'A stamp that changes whenever the database changes, from any process (poll it to refresh)',
    (ctx) => ({ stamp: changeStamp(ctx.db) })),

  getSettings: method(z.object({}), 'Read settings', (ctx) => readSettings(ctx)),
  setSettings: method(z.object({ artistName: z.string().trim().max(200).optional() }), 'Change settings',
    (ctx, i) => writeSettings(ctx, i)),
};
