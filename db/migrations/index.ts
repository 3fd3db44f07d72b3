import type { Migration } from '../migrate';
import { m0001Initial } from './0001-initial';
import { m0002Compliance } from './0002-compliance';
import { m0003Packets } from './0003-packets';
import { m0004ProvenanceIngest } from './0004-provenance-ingest';
import { m0005InboxIds } from './0005-inbox-ids';
import { m0006WatchFolderIds } from './0006-watch-folder-ids';

/** One file per schema version; append only. */
export const MIGRATIONS: readonly Migration[] = [m0001Initial, m0002Compliance, m0003Packets, m0004ProvenanceIngest, m0005InboxIds, m0006WatchFolderIds];
