import type { LoggedAsset } from '../../services/log-assets';
import type { AssetIngestDetail } from '../../services/ingest/asset-ingest';
import { provenanceAlerts, type ProvenanceAlert } from '../../services/ingest/provenance-capture';
import type { CommandRun } from '../command';

/**
 * After `genlog log`: one stderr line per problem of each newly logged asset whose file failed C2PA validation,
 * contradicts how it was logged, or could not be fully read. These are in `show` too, but a failed validation must
 * never be only in the detail (`watch run` says it as each file arrives).
 */
export function printProvenanceAlerts(r: CommandRun, alerts: readonly ProvenanceAlert[]): void {
  for (const a of alerts) for (const m of a.messages) r.io.stderr(`Asset ${a.assetId} (${a.fileName}): ${m}\n`);
}

/** The same for files logged by name (a few, all or nothing): their records are read back, one asset at a time. */
export async function reportProvenanceAlerts(r: CommandRun, assets: readonly LoggedAsset[]): Promise<void> {
  const alerts: ProvenanceAlert[] = [];
  for (const a of assets) {
    if (a.duplicate) continue;
    const record = (await r.call<Partial<AssetIngestDetail>>('getAsset', { id: a.id })).provenance?.record;
    const messages = record ? provenanceAlerts(record) : [];
    if (messages.length > 0) alerts.push({ assetId: a.id, fileName: a.fileName, messages });
  }
  printProvenanceAlerts(r, alerts);
}
