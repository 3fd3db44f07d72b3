import type { InputOf, ValueOf } from '../api-types';

/* Watch folders, the new-files inbox and folder ingest, read off the API like every renderer type (api-types.ts). */

export type WatchFolder = ValueOf<'listWatchFolders'>[number];
export type WatchFolderInput = InputOf<'addWatchFolder'>;
export type ScanResult = ValueOf<'scanWatchFolders'>[number];

/** A file (or image sequence) found in a watch folder, waiting in the new-files inbox. Not the approvals inbox. */
export type Draft = ValueOf<'listInbox'>['rows'][number];
export type DraftDetail = ValueOf<'getInboxItem'>;
export type DraftStatus = NonNullable<InputOf<'listInbox'>['status']>;
export type DraftEdits = Omit<InputOf<'confirmInbox'>, 'id'>;
export type ConfirmedDraft = ValueOf<'confirmInbox'>;

export type FolderIngestInput = InputOf<'startIngest'>;
export type IngestJob = ValueOf<'getIngestJob'>;
export type IngestJobProgress = IngestJob['progress'];
