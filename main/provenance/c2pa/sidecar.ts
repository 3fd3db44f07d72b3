import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Ingest reads thousands of files from a few folders; listing each folder's .c2pa names once (for a short while)
 * replaces two failed stat calls per file. A sidecar written after the listing is seen once the entry expires.
 */
const LISTING_TTL_MS = 2000;
const MAX_LISTINGS = 64;
const listings = new Map<string, { at: number; names: Promise<Map<string, string>> }>();

/** Lower-cased name -> actual name of the .c2pa files in a folder. */
function c2paNamesIn(dir: string): Promise<Map<string, string>> {
  const cached = listings.get(dir);
  if (cached && Date.now() - cached.at < LISTING_TTL_MS) return cached.names;
  const names = readdir(dir)
    .then((entries) => new Map(entries.filter((name) => name.toLowerCase().endsWith('.c2pa')).map((name) => [name.toLowerCase(), name])))
    .catch(() => new Map<string, string>());
  listings.delete(dir);
  listings.set(dir, { at: Date.now(), names });
  if (listings.size > MAX_LISTINGS) listings.delete(listings.keys().next().value as string);
  return names;
}

/** A sidecar was added, changed or removed in `dir`: the next read lists the folder again instead of its cached names. */
export function forgetSidecarListing(dir: string): void {
  listings.delete(dir);
}

/** Where a sidecar manifest may sit: "shot.png.c2pa", then "shot.c2pa" (c2patool's naming). */
export function sidecarCandidates(filePath: string): string[] {
  const withSuffix = `${filePath}.c2pa`;
  const parsed = path.parse(filePath);
  const replacingExtension = parsed.ext ? path.join(parsed.dir, `${parsed.name}.c2pa`) : null;
  return replacingExtension && replacingExtension !== filePath ? [withSuffix, replacingExtension] : [withSuffix];
}

export async function findSidecar(filePath: string): Promise<{ path: string; size: number } | null> {
  const dir = path.dirname(filePath);
  const names = await c2paNamesIn(dir);
  if (names.size === 0) return null;
  for (const candidate of sidecarCandidates(filePath)) {
    const actual = names.get(path.basename(candidate).toLowerCase());
    if (actual === undefined) continue;
    try {
      const found = path.join(dir, actual);
      const stats = await stat(found);
      if (stats.isFile()) return { path: found, size: stats.size };
    } catch {
      // removed since the listing: try the next name
    }
  }
  return null;
}
