import type { ProvenanceAlert } from '../../services/ingest/provenance-capture';
import type { CommandRun } from '../command';

/**
 * After `genlog log`: one stderr line per problem of each newly logged asset whose file failed C2PA validation,
 * contradicts how it was logged, or could not be fully read. These are in `show` too, but a failed validation must
 * never be only in the detail (`watch run` says it as each file arrives).
 */
export function printProvenanceAlerts(r: CommandRun, alerts: readonly ProvenanceAlert[]): void {
  for (const a of alerts) for (const m of a.messages) r.io.stderr(`Asset ${a.assetId} (${a.fileName}): ${m}\n`);
}
