import type { GenlogClient } from '../../main/api/table';
import type { FileStager } from '../file-stager';
import { createCall } from './call';
import { createCatalogStore } from './catalog-store';
import { createDetailStore } from './detail-store';
import { createIngestStore } from './ingest-store';
import { createLogStore } from './log-store';
import { createNotificationStore } from './notifications';
import { createSettingsStore } from './settings-store';
import { createUiStore } from './ui-store';
import { createComplianceStore } from './compliance-store';
import { createConsentStore } from './consent-store';
import { createPlannedUseStore } from './planned-use-store';
import { createReviewStore } from './review-store';
import { createPacketStores } from './packet-stores';
import { createThumbnailCache } from '../thumbnails/thumbnail-cache';
import { createFolderIngestStores } from './folder-ingest-stores';

/** Every store of the app, wired to one API object. Tests build this with an in-process API. */
export function createStores(api: GenlogClient, files: FileStager) {
  const notifications = createNotificationStore();
  const call = createCall(notifications);
  const notify = (message: string) => void notifications.getState().push('success', message);
  // A restored log holds other productions, tools and assets: what the screens show loads again.
  const settings = createSettingsStore(api, call, notify, () => {
    void catalog.getState().load();
    void assetsChanged();
  });
  const catalog = createCatalogStore(api, call, notify);
  const log = createLogStore(api, call);
  /**
   * This app changed assets: the log and the artist list load again. The change stamp is taken first, so the next
   * poll does not load them a second time for the same change (and a change made elsewhere after it still shows).
   */
  const assetsChanged = async (o: { selectionMayLeave?: boolean } = {}) => {
    await log.getState().changedSinceLastLook();
    log.getState().refresh(o);
    void catalog.getState().loadArtists();
  };
  /** Called every few seconds while the log is shown: what another process logged or changed appears by itself. */
  const followLog = async () => {
    if (!(await log.getState().changedSinceLastLook())) return;
    log.getState().refresh();
    void catalog.getState().loadArtists();
    // The asset the log has selected, not whatever the pane holds: a poll must not undo a selection still loading.
    const selected = log.getState().selectedId;
    if (selected !== null) void detail.getState().reloadQuietly(selected);
  };
  const detail = createDetailStore(api, call, {
    actor: () => settings.getState().settings?.artistName,
    // A re-tag or retirement may take the selected asset out of the filtered view: the cursor keeps its place.
    changed: () => void assetsChanged({ selectionMayLeave: true }),
    notify,
  });
  const ingest = createIngestStore(api, call, files, {
    changed: () => void assetsChanged(),
    notify: (kind, m) => void notifications.getState().push(kind, m),
  });
  const ui = createUiStore();
  const actor = () => settings.getState().settings?.artistName;
  const compliance = createComplianceStore(api, call, files, {
    actor,
    showAsset: (asset) => {
      if (detail.getState().asset?.id === asset.id) detail.setState({ asset });
    },
    outcomesChanged: ({ detail: reloadDetail }) => {
      log.getState().refresh();
      if (reloadDetail) void detail.getState().reload();
    },
    notify,
  });
  const plannedUses = createPlannedUseStore(api, call, { actor, changed: () => compliance.getState().changed({ assets: false }), notify });
  const consents = createConsentStore(api, call);
  const review = createReviewStore(api, call);
  const disclosure = createPacketStores(api, call, {
    actor: () => settings.getState().settings?.artistName,
    notify: (kind, m) => void notifications.getState().push(kind, m),
  });
  const folders = createFolderIngestStores(api, call, {
    actor,
    notify: (kind, m) => void notifications.getState().push(kind, m),
    assetsChanged: () => void assetsChanged(),
  });
  const thumbnails = createThumbnailCache(api);
  return { api, call, followLog, notifications, settings, catalog, log, detail, ingest, ui, compliance, plannedUses, consents, review, thumbnails, ...disclosure, ...folders };
}

export type Stores = ReturnType<typeof createStores>;
