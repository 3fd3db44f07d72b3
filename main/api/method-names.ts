import type { MethodName } from './table';

/**
 * The method names, with no runtime imports, so the sandboxed preload and the renderer can build clients without
 * pulling in zod or the database. A test keeps this list identical to the API table.
 */
export const METHOD_NAMES = [
  'listProductions', 'addProduction', 'editProduction',
  'listTools', 'addTool', 'editTool',
  'logAssets', 'listAssets', 'getAsset', 'markAsset', 'retireAsset', 'editAsset', 'listArtists', 'getChangeStamp',
  'getSettings', 'setSettings',
  'setFacts', 'assessAsset',
  'addPlannedUse', 'listPlannedUses', 'getPlannedUse', 'setPlannedUseFacts', 'assessPlannedUse',
  'addConsent', 'listConsents',
  'addApproval', 'previewEmlApproval', 'listApprovals',
  'getDashboard', 'listApprovalInbox', 'listStaleTemporaries', 'getComplianceCatalog',
  'buildPacket', 'rebuildPacket', 'listPackets', 'getPacket', 'getPacketPdf', 'approvePacket', 'exportPacketEml',
  'listOutbox', 'sendOutbox', 'confirmPacketSent', 'resendPacket', 'verifyPacketFile', 'getPacketSettings', 'setPacketSettings',
  'readFileProvenance', 'startIngest', 'getIngestJob', 'listIngestJobs', 'cancelIngest', 'getThumbnail',
  'addWatchFolder', 'listWatchFolders', 'enableWatchFolder', 'removeWatchFolder', 'scanWatchFolders',
  'listInbox', 'getInboxItem', 'confirmInbox', 'dismissInbox', 'reopenInbox',
  'checkDatabase', 'backUpDatabase', 'restoreDatabase', 'listAutoBackups',
] as const satisfies readonly MethodName[];

type Listed = (typeof METHOD_NAMES)[number];
// Fails to compile when a method is added to the table but not listed here.
export const everyMethodListed: Exclude<MethodName, Listed> extends never ? true : false = true;
