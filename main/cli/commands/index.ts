import type { Command } from '../command';
import { assetCommands } from './asset-commands';
import { catalogCommands } from './catalog-commands';
import { serveCommand } from './serve-command';

export const ALL_COMMANDS: Command[] = [...catalogCommands, ...assetCommands, serveCommand];
