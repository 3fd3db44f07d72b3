import { CliError, usageError, type Command } from '../command';

function staleDays(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw usageError(`--stale-days must be a whole number of days, not "${v}".`);
  return n;
}
import { keyValues, list, table } from '../format';
import type { Production } from '../../services/productions';
import type { Tool } from '../../services/tools';

const productionTable = (ps: Production[]) =>
  table(['CODE', 'TITLE', 'CONTACT', 'VENDOR', 'EPISODES'], ps.map((p) => [p.code, p.title, p.contactEmail, p.vendor, p.episodes.join(',')]));

export const catalogCommands: Command[] = [
  {
    name: 'production add',
    usage: 'genlog production add --code CODE --title TITLE --contact EMAIL [--vendor NAME] [--episodes E1,E2] [--stale-days N]',
    summary: 'Add a production (--stale-days: after how many days a temporary asset is listed for review; default 30)',
    options: { code: { type: 'string' }, title: { type: 'string' }, contact: { type: 'string' }, vendor: { type: 'string' }, episodes: { type: 'string' },
      'stale-days': { type: 'string' } },
    run: (r) => r.call('addProduction', {
      code: r.required('code'),
      title: r.required('title'),
      contactEmail: r.required('contact'),
      vendor: r.optional('vendor') ?? '',
      episodes: list(r.optional('episodes') ?? ''),
      staleDays: staleDays(r.optional('stale-days')),
    }),
    human: (p: Production) => productionTable([p]),
  },
  {
    name: 'production edit',
    usage: 'genlog production edit CODE [--code NEW] [--title TITLE] [--contact EMAIL] [--vendor NAME] [--episodes E1,E2] [--stale-days N]',
    summary: 'Change a production; flags not given keep their value',
    options: { code: { type: 'string' }, title: { type: 'string' }, contact: { type: 'string' }, vendor: { type: 'string' }, episodes: { type: 'string' },
      'stale-days': { type: 'string' } },
    positionals: 1,
    async run(r) {
      const all = await r.call<Production[]>('listProductions', {});
      const p = all.find((x) => x.code.toLowerCase() === r.positionals[0]!.toLowerCase());
      if (!p) throw new CliError(`No production with code "${r.positionals[0]}".`, 1);
      const episodes = r.optional('episodes');
      return r.call('editProduction', {
        id: p.id,
        code: r.optional('code') ?? p.code,
        title: r.optional('title') ?? p.title,
        contactEmail: r.optional('contact') ?? p.contactEmail,
        vendor: r.optional('vendor') ?? p.vendor,
        episodes: episodes === undefined ? p.episodes : list(episodes),
        staleDays: staleDays(r.optional('stale-days')) ?? p.staleDays,
      });
    },
    human: (p: Production) => productionTable([p]),
  },
  {
    name: 'production list',
    usage: 'genlog production list',
    summary: 'List productions',
    options: {},
    run: (r) => r.call('listProductions', {}),
    human: productionTable,
  },
  {
    name: 'tool add',
    usage: 'genlog tool add --name NAME [--vendor V] [--version X] [--hosting local|enterprise-cloud|public-cloud|unsure] ' +
      '[--enterprise yes|no] [--trains-on-inputs yes|no|unsure] [--retains-data yes|no|unsure] [--notes TEXT]',
    summary: 'Add an AI tool to the tool disclosure list',
    options: {
      name: { type: 'string' }, vendor: { type: 'string' }, version: { type: 'string' }, hosting: { type: 'string' },
      enterprise: { type: 'string' }, 'trains-on-inputs': { type: 'string' }, 'retains-data': { type: 'string' }, notes: { type: 'string' },
    },
    run: (r) => r.call('addTool', {
      name: r.required('name'),
      vendor: r.optional('vendor'),
      version: r.optional('version'),
      hosting: r.optional('hosting'),
      enterprise: r.optional('enterprise'),
      trainsOnInputs: r.optional('trains-on-inputs'),
      retainsData: r.optional('retains-data'),
      notes: r.optional('notes'),
    }),
    human: (t: Tool) => keyValues([['name', t.name], ['vendor', t.vendor], ['version', t.version], ['hosting', t.hosting],
      ['enterprise', t.enterprise], ['trains on inputs', t.trainsOnInputs], ['retains data', t.retainsData]]),
  },
  {
    name: 'tool list',
    usage: 'genlog tool list',
    summary: 'List the AI tool disclosure list',
    options: {},
    run: (r) => r.call('listTools', {}),
    human: (ts: Tool[]) => table(['NAME', 'VENDOR', 'VERSION', 'HOSTING', 'ENTERPRISE', 'TRAINS', 'RETAINS'],
      ts.map((t) => [t.name, t.vendor, t.version, t.hosting, t.enterprise, t.trainsOnInputs, t.retainsData])),
  },
];
