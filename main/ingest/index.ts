// The file-side ingest engine: what the logging service and the CLI call.
export { mediaTypeOf, extensionOf, type MediaType } from './media-type';
export { hashFile, HASH_CHUNK_BYTES, type HashOptions, type HashResult } from './hash-file';
export type { FileEnds } from './file-ends';
export { createHashPool, FILES_PER_WORKER, type HashPool, type HashPoolOptions } from './hash-pool';
export { MAX_FRAME_GAP, frameOfFile, framesNumberedTwice, groupSequences, mayTakeFrame, mayTakeFrames, type FrameOfFile, type GroupOptions, itemPaths, looksLikeVariation, sequenceHash, withinFrameGap, sequencePath, type IngestItem, type SameFrames, type SequenceFrame } from './sequences';
export { ScanError, scanFolder, type ScanOptions, type ScanSkip, type ScannedFile } from './scan-folder';
export { hashItems, type HashedItem, type HashItemsOptions, type IngestProgress } from './ingest-files';
export { currentVersion, currentVersions } from './file-version';
export { FileReadError, HashCancelledError, IngestCancelledError, fileReadError } from './file-errors';
