import type { Command } from '../command';
import { bytes, keyValues, table } from '../format';
import type { Asset, HistoryEvent } from '../../services/asset-json';
import type { LoggedAsset } from '../../services/log-assets';
import { FACT_FLAGS_USAGE, factOptions } from './compliance-commands';
import { FOLDER_INGEST_USAGE, folderIngestOptions, runFolderIngest } from './folder-ingest-run';
import { ingestDetailText } from './ingest-commands';
import type { AssetIngestDetail } from '../../services/ingest/asset-ingest';
import { SORT_COLUMNS } from '../../../db/assets';

export const assetTable = (as: Asset[]) =>
  table(['ID', 'PROD', 'EP', 'CLASS', 'OUTCOME', 'MEDIA', 'TOOL', 'BY', 'CREATED', 'FILE'],
    as.map((a) => [a.id, a.production, a.episode, a.retired ? `${a.classification} (retired)` : a.classification, a.outcome,
      a.mediaType, a.tool, a.createdBy, a.createdAt.slice(0, 16).replace('T', ' '), a.fileName]));

/** The assets a log run answered with, each once (files found with the same content share one row). */
export const loggedTable = (as: LoggedAsset[]) => assetTable([...new Map(as.map((a) => [a.id, a])).values()]);

function clip(s: string | null, n = 60): string {
  if (s === null) return '';
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

export const assetDetail = (a: Asset & Partial<AssetIngestDetail> & { history: HistoryEvent[] }) =>
  keyValues([
    ['id', a.id], ['production', a.production], ['episode', a.episode], ['file', a.fileName], ['path', a.path],
    ['sha256', a.sha256], ['size', `${bytes(a.size)} (${a.size} bytes)`], ['media', a.mediaType],
    ['classification', a.classification], ['outcome', a.outcome ?? 'not assessed'], ['tool', a.tool], ['created by', a.createdBy], ['created at', a.createdAt],
    ['prompt', a.prompt], ['notes', a.notes], ['retired', a.retired ? `${a.retiredAt} — ${a.retiredReason}` : 'no'],
  ]) + ingestDetailText(a) + '\nHistory\n' + table(['AT', 'BY', 'ACTION', 'FIELD', 'FROM', 'TO', 'REASON'],
    a.history.map((e) => [e.at.slice(0, 19).replace('T', ' '), e.by, e.action, e.field, clip(e.from, 20), clip(e.to, 20), clip(e.reason)]));

export const logOptions = {
  production: { type: 'string' }, tool: { type: 'string' }, by: { type: 'string' }, prompt: { type: 'string' },
  notes: { type: 'string' }, episode: { type: 'string' }, class: { type: 'string' }, use: { type: 'string' }, ...factOptions,
} as const;

export const assetCommands: Command[] = [
  {
    name: 'log',
    usage: 'genlog log FILE|DIR... --production CODE [--tool NAME] --by ARTIST [--prompt TEXT] [--notes TEXT] [--episode E] ' +
      `[--class temporary|deliverable] [--use PLANNED-USE-ID] ${FOLDER_INGEST_USAGE} ${FACT_FLAGS_USAGE}`,
    summary: 'Hash and log generated files and folders (sequences as one asset each, progress on stderr); files named one by ' +
      'one (no folder among them) are logged all or none, while otherwise a file that cannot be read is named and left out; without --tool ' +
      'each file gets the listed tool its metadata names',
    options: { ...logOptions, ...folderIngestOptions },
    positionals: 'some',
    run: (r) => runFolderIngest(r, loggedTable),
    human: loggedTable,
  },
  {
    name: 'list',
    usage: 'genlog list [--production CODE] [--class temporary|deliverable] [--media image|video|audio|text|3d|other] ' +
      '[--tool NAME] [--by ARTIST] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--search TEXT] [--retired include|exclude|only] ' +
      `[--outcome disclose|escalate|blocked|cleared] [--sort ${Object.keys(SORT_COLUMNS).join('|')}] [--asc] [--limit N] [--offset N]`,
    summary: 'List assets, newest first',
    options: {
      production: { type: 'string' }, class: { type: 'string' }, media: { type: 'string' }, tool: { type: 'string' },
      by: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, search: { type: 'string' },
      retired: { type: 'string' }, sort: { type: 'string' }, asc: { type: 'boolean' }, limit: { type: 'string' },
      offset: { type: 'string' }, outcome: { type: 'string' },
    },
    async run(r) {
      const page = await r.call<{ total: number; rows: Asset[] }>('listAssets', {
        production: r.optional('production'), classification: r.optional('class'), mediaType: r.optional('media'),
        tool: r.optional('tool'), artist: r.optional('by'), from: r.optional('from'), to: r.optional('to'),
        search: r.optional('search'), retired: r.optional('retired'), sort: r.optional('sort'),
        direction: r.values.asc ? 'asc' : 'desc', limit: r.optional('limit') ?? '100', offset: r.optional('offset'),
        outcome: r.optional('outcome'),
      });
      r.io.stderr(`${page.rows.length} of ${page.total} matching asset(s).\n`);
      return page.rows;
    },
    human: (as: Asset[]) => assetTable(as),
  },
  {
    name: 'show',
    usage: 'genlog show ID',
    summary: 'Show an asset with its history',
    options: {},
    positionals: 1,
    run: (r) => r.call('getAsset', { id: r.positionals[0] }),
    human: assetDetail,
  },
  {
    name: 'mark',
    usage: 'genlog mark ID temporary|deliverable --reason TEXT [--by NAME]',
    summary: 'Re-tag an asset temporary or deliverable',
    options: { reason: { type: 'string' }, by: { type: 'string' } },
    positionals: 2,
    run(r) {
      return r.call('markAsset', { id: r.positionals[0], classification: r.positionals[1], reason: r.required('reason'), by: r.optional('by') });
    },
    human: (a: Asset) => assetTable([a]),
  },
  {
    name: 'retire',
    usage: 'genlog retire ID --reason TEXT [--by NAME]',
    summary: 'Retire an asset (assets are never deleted)',
    options: { reason: { type: 'string' }, by: { type: 'string' } },
    positionals: 1,
    run: (r) => r.call('retireAsset', { id: r.positionals[0], reason: r.required('reason'), by: r.optional('by') }),
    human: (a: Asset) => assetTable([a]),
  },
  {
    name: 'edit',
    usage: 'genlog edit ID [--prompt TEXT] [--notes TEXT] [--episode E] [--tool NAME] [--file-name NAME] [--reason TEXT] [--by NAME]',
    summary: 'Edit asset fields (each change is recorded in the history)',
    options: { prompt: { type: 'string' }, notes: { type: 'string' }, episode: { type: 'string' }, tool: { type: 'string' },
      'file-name': { type: 'string' }, reason: { type: 'string' }, by: { type: 'string' } },
    positionals: 1,
    run: (r) => r.call('editAsset', {
      id: r.positionals[0],
      changes: { prompt: r.optional('prompt'), notes: r.optional('notes'), episode: r.optional('episode'), tool: r.optional('tool'), fileName: r.optional('file-name') },
      reason: r.optional('reason'), by: r.optional('by'),
    }),
    human: (a: Asset) => assetTable([a]),
  },
];
