import type { AssetDetail, ValueOf } from '../api-types';

/** What a file says about its origin, with the listed tool it names and what would contradict logging it as AI output. */
export type FileProvenance = Omit<ValueOf<'readFileProvenance'>, 'path'>;
export type ProvenanceRecord = Omit<FileProvenance, 'matchedTool' | 'mismatches'>;
/** An asset's stored provenance (null when none was read). */
export type AssetProvenance = NonNullable<AssetDetail['provenance']>;
export type AssetFrame = AssetDetail['frames'][number];
export type C2paRecord = NonNullable<ProvenanceRecord['c2pa']>;
