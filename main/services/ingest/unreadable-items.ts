import { basename } from 'node:path';
import { itemPaths, type FileReadError, type IngestItem } from '../../ingest';
import type { ProvenanceRecord } from '../../provenance';
import type { UnreadableItem } from './folder-ingest';
import { itemPath } from './hashed-items';

/** The items that can be logged, and why the others cannot: a file (or a sequence's frame) that was not read. */
export function withoutUnreadable(items: IngestItem[], records: (ProvenanceRecord | null)[], errors: ReadonlyMap<string, FileReadError>) {
  const kept: { items: IngestItem[]; records: (ProvenanceRecord | null)[]; unreadable: UnreadableItem[] } = { items: [], records: [], unreadable: [] };
  items.forEach((item, i) => {
    const failed = itemPaths(item).flatMap((p) => errors.get(p) ?? []);
    const first = failed[0];
    if (!first) {
      kept.items.push(item);
      kept.records.push(records[i] ?? null);
      return;
    }
    const files = failed.map((e) => e.path);
    if (item.kind === 'file') {
      kept.unreadable.push({ path: item.path, reason: `cannot be read: ${first.reason}`, files });
      return;
    }
    const more = failed.length - 1;
    const others = more > 0 ? ` (and ${more} other frame${more === 1 ? '' : 's'})` : '';
    kept.unreadable.push({ path: itemPath(item), reason: `frame ${basename(first.path)}${others} cannot be read: ${first.reason}; the sequence was not logged`, files });
  });
  return kept;
}

