import type { LoggedAsset } from '../../services/log-assets';
import type { AssetIngestDetail } from '../../services/ingest/asset-ingest';
import type { CommandRun } from '../command';

/**
 * After `genlog log`: one stderr line for each newly logged asset whose file contradicts how it was logged, could not
 * be fully read, or carries a C2PA manifest that failed validation. These are in `show` too, but a failed
 * validation must never be only in the detail (`watch run` says it as each file arrives).
 */
export async function reportProvenanceAlerts(r: CommandRun, assets: LoggedAsset[]): Promise<void> {
  for (const a of assets) {
    if (a.duplicate) continue;
    const p = (await r.call<Partial<AssetIngestDetail>>('getAsset', { id: a.id })).provenance;
    if (!p) continue;
    const lines = [
      ...(p.record.c2pa?.validation.state === 'invalid' ? [`C2PA validation FAILED: ${p.record.c2pa.validation.problems.join('; ') || 'no reason given'}`] : []),
      ...p.mismatches.map((m) => `provenance MISMATCH: ${m}`),
      ...p.errors.map((e) => `provenance error: ${e}`),
    ];
    for (const line of lines) r.io.stderr(`Asset ${a.id} (${a.fileName}): ${line}\n`);
  }
}
