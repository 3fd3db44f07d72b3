import type { Migration } from '../migrate';
import { m0001Initial } from './0001-initial';
import { m0002Compliance } from './0002-compliance';

/** One file per schema version; append only. */
export const MIGRATIONS: readonly Migration[] = [m0001Initial, m0002Compliance];
