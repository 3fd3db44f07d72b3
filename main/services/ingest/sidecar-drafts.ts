import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { InboxRow } from '../../../db/inbox';
import { findSidecar, forgetSidecarListing, sidecarCandidates } from '../../provenance/c2pa/sidecar';
import type { ProvenanceRecord } from '../../provenance';
import { rowFiles, rowRecord } from './inbox-json';
import { readFreshProvenance } from './provenance-capture';

/** The file a draft's provenance is read from: the file itself, or a sequence's first frame. */
function leadFile(r: InboxRow): string {
  return rowFiles(r)[0]?.path ?? r.path;
}

/**
 * Pending drafts that the C2PA sidecar manifests at `sidecars` describe ("shot.png.c2pa" or "shot.c2pa" beside
 * shot.png), by id, with the file each is read from. A pipeline writes the sidecar after the image (c2patool signs a
 * finished render), so the draft was read without it and is drafted again with it.
 */
export function draftsDescribedBy(rows: readonly InboxRow[], sidecars: ReadonlySet<string>): Map<number, string> {
  // Matched ignoring case, as the sidecar is found when reading provenance.
  const wanted = new Set([...sidecars].map((p) => p.toLowerCase()));
  const found = new Map<number, string>();
  if (wanted.size === 0) return found;
  for (const r of rows) {
    if (r.status !== 'pending') continue;
    const lead = leadFile(r);
    if (sidecarCandidates(lead).some((c) => wanted.has(c.toLowerCase()))) found.set(r.id, lead);
  }
  return found;
}

/**
 * A draft's record, read again when it found no C2PA manifest and a sidecar manifest is beside its file now (written
 * after the draft, while no watcher was running to see it), or when it was read with a sidecar: the asset logged must
 * carry what the sidecar beside it says when it is logged.
 */
export async function withLateSidecar(row: InboxRow, record: ProvenanceRecord | null): Promise<ProvenanceRecord | null> {
  if (record?.c2pa && record.c2pa.source !== 'sidecar') return record;
  const lead = leadFile(row);
  // A draft read with a sidecar is read again: the sidecar may have been replaced or removed since.
  if (record?.c2pa) return readFreshProvenance(lead);
  // The exact names first (two stats): the folder's listing of sidecars is kept for two seconds, and one written
  // within them must not be missed. A name differing in case is found through the listing.
  const named = await Promise.all(sidecarCandidates(lead).map((c) => stat(c).then((s) => s.isFile(), () => false)));
  if (named.some(Boolean)) forgetSidecarListing(dirname(lead));
  else if (!(await findSidecar(lead))) return record;
  return readFreshProvenance(lead);
}

/**
 * Pending drafts whose C2PA sidecar came, changed or went while no watcher ran to see it, by id, with the file each
 * is read from: a sidecar whose status changed (written, copied or renamed in) after the draft was read, or none where
 * the draft was read with one. The status-change time, not the modification time: a sidecar copied with its times
 * kept (rsync -t) is still new here. A sidecar that was there, unchanged, when the draft was read is not read again,
 * even when it gave nothing (a damaged one), so a catch-up or rescan never drafts the same file over and over.
 */
export async function draftsWithChangedSidecar(rows: readonly InboxRow[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  const pending = rows.filter((r) => r.status === 'pending');
  // A scan looks afresh: a folder's sidecar names listed within the last two seconds may be out of date.
  for (const dir of new Set(pending.map((r) => dirname(leadFile(r))))) forgetSidecarListing(dir);
  for (const r of pending) {
    const lead = leadFile(r);
    const sidecar = await findSidecar(lead);
    const changed = sidecar
      ? await stat(sidecar.path).then((s) => s.ctimeMs > Date.parse(r.found_at), () => false)
      // Parsed only when it can say so: a running watch rescans every minute, over every waiting draft.
      : r.provenance?.includes('"sidecar"') === true && rowRecord(r)?.c2pa?.source === 'sidecar';
    if (changed) found.set(r.id, lead);
  }
  return found;
}
