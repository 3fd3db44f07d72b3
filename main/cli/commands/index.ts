import type { Command } from '../command';
import { assetCommands } from './asset-commands';
import { catalogCommands } from './catalog-commands';
import { databaseCommands } from './database-commands';
import { complianceCommands } from './compliance-commands';
import { ingestCommands } from './ingest-commands';
import { packetCommands } from './packet-commands';
import { serveCommand } from './serve-command';

export const ALL_COMMANDS: Command[] = [...catalogCommands, ...assetCommands, ...complianceCommands, ...ingestCommands, ...packetCommands, ...databaseCommands, serveCommand];
