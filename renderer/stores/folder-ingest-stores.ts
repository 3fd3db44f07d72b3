import type { GenlogClient } from '../../main/api/table';
import type { Call } from './call';
import { createDraftsInboxStore } from './drafts-inbox-store';
import { createFolderIngestStore } from './folder-ingest-store';
import { createWatchFoldersStore } from './watch-folders-store';

export interface FolderIngestStoresDeps {
  actor(): string | undefined;
  notify(kind: 'info' | 'success' | 'error', message: string): void;
  assetsChanged(): void;
}

/** Watch folders, the new-files inbox they fill, and "Log a folder…", wired to each other. */
export function createFolderIngestStores(api: GenlogClient, call: Call, deps: FolderIngestStoresDeps) {
  const drafts = createDraftsInboxStore(api, call, deps);
  const inboxChanged = () => {
    void drafts.getState().load();
    void drafts.getState().refreshPending();
  };
  const watchFolders = createWatchFoldersStore(api, call, { notify: deps.notify, inboxChanged });
  const folderIngest = createFolderIngestStore(api, call, { notify: deps.notify, assetsChanged: deps.assetsChanged, inboxChanged });
  return { watchFolders, drafts, folderIngest };
}
