import type { GenlogClient } from '../../main/api/table';
import type { IngestJob } from '../ingest/types';
import type { Call, Outcome } from './call';

export interface FollowOptions {
  pollMs: number;
  /** What the user asked for, for error notices: "log 3 files". */
  doing: string;
  /** Each status while the job runs (progress bars). */
  onStatus(job: IngestJob): void;
  /** False once nobody waits for this job any more (another job started, the dialog closed): polling stops. */
  stillWanted(): boolean;
}

/**
 * Polls a background ingest job (startIngest) until it ends, then reads it once more with every asset it logged.
 * Null when it stopped being wanted first. Both "Log files" in the desktop app and "Log a folder…" follow jobs so.
 */
export async function followIngestJob(api: GenlogClient, call: Call, jobId: string, o: FollowOptions): Promise<Outcome<IngestJob> | null> {
  for (;;) {
    if (!o.stillWanted()) return null;
    const status = await call(api.getIngestJob({ jobId, includeAssets: false }), o.doing);
    if (!o.stillWanted()) return null;
    if (!status.ok) return status;
    o.onStatus(status.value);
    if (status.value.state !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, o.pollMs));
  }
  const end = await call(api.getIngestJob({ jobId, includeAssets: true }), o.doing);
  return o.stillWanted() ? end : null;
}
