import type { Migration } from '../migrate';
import { m0001Initial } from './0001-initial';

/** One file per schema version; append only. */
export const MIGRATIONS: readonly Migration[] = [m0001Initial];
