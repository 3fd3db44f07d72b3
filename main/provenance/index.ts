export { readProvenance } from './read';
export { matchTool } from './match-tool';
export { uncheckedProblems, withoutTrustListNotes } from './c2pa/validation';
export { provenanceMismatches, type AssetOrigin } from './mismatches';
export { closeParserThread } from './worker/parser-thread';
export { digitalSourceTypeOf, describeTerm, isAiTerm, isCaptureTerm } from './digital-source-type';
export type {
  A1111Record,
  C2paAction,
  C2paIngredient,
  C2paRecord,
  C2paValidationState,
  ComfyRecord,
  ComfySampler,
  DigitalSourceType,
  ExifRecord,
  IptcRecord,
  ProvenanceRecord,
  ProvenanceSummary,
  ReadProvenanceOptions,
} from './types';
