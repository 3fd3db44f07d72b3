import type { FileEnds } from '../ingest/file-ends';

/**
 * What a file says about its own origin, as read by readProvenance(). Every section is null when the file carries
 * no such metadata; `errors` lists what could not be read (the rest of the record is still filled in).
 */
export interface ProvenanceRecord {
  c2pa: C2paRecord | null;
  iptc: IptcRecord | null;
  exif: ExifRecord | null;
  a1111: A1111Record | null;
  comfy: ComfyRecord | null;
  summary: ProvenanceSummary;
  errors: string[];
}

export interface ReadProvenanceOptions {
  /**
   * Most time the metadata parsers (exifr, the C2PA reader) may spend on this file, in milliseconds. Time spent
   * waiting behind other files for the parser thread is not counted. Default 5000.
   */
  timeoutMs?: number;
  /**
   * Most bytes held in memory for one file. A file with a C2PA manifest up to this size is validated whole
   * (signature and content hash); a larger one has only its manifest read and its content hash streamed, never
   * loaded. Also caps any single metadata segment. Default 32 MiB.
   */
  maxBytes?: number;
  /** The file's first and last bytes, already read (by the hashing worker): reads inside them touch no file. */
  ends?: FileEnds;
}

/**
 * valid: intact and signed by a trusted signer (needs a trust list; GenLog has none yet).
 * untrusted: signature and content hash check out, but the signer is on no trust list, so who signed is unconfirmed.
 * invalid: the manifest is broken, its signature fails, or the file no longer matches it.
 * unverified: the manifest's signature was checked but the file's content could not be compared with it.
 */
export type C2paValidationState = 'valid' | 'untrusted' | 'invalid' | 'unverified';

export interface C2paAction {
  action: string;
  /** Full IPTC digital source type URI, as written in the manifest. */
  digitalSourceType: string | null;
  softwareAgent: string | null;
  when: string | null;
}

export interface C2paIngredient {
  title: string | null;
  format: string | null;
  relationship: string | null;
}

export interface C2paRecord {
  /** Claim generator, e.g. "Amazon_Bedrock c2pa-rs/0.32.7". */
  claimGenerator: string | null;
  /** Product names from claim_generator_info, without C2PA library names. */
  claimGeneratorProducts: string[];
  /** Common name of the signing certificate. */
  signer: string | null;
  /** Organisation named by the signing certificate, as the C2PA reader reports it. */
  issuer: string | null;
  /** ISO time of the signature (from its time stamp when it has one). */
  signingTime: string | null;
  /** Actions of the active manifest. */
  actions: C2paAction[];
  /** Digital source types of actions in earlier manifests of the store (ingredients made with AI, for example). */
  ingredientDigitalSourceTypes: string[];
  ingredients: C2paIngredient[];
  validation: { state: C2paValidationState; problems: string[] };
  /** Where the manifest store was: in the file, in a sidecar .c2pa beside it, or the file is a bare store itself (.c2pa). */
  source: 'embedded' | 'sidecar' | 'store';
}

export interface DigitalSourceType {
  /** Full URI, e.g. http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia */
  uri: string;
  /** Last part of the URI, e.g. trainedAlgorithmicMedia */
  term: string;
}

/** IPTC fields carried in XMP (plus the XMP creator tool, which names the writing software). */
export interface IptcRecord {
  digitalSourceType: DigitalSourceType | null;
  aiSystemUsed: string | null;
  aiSystemVersionUsed: string | null;
  aiPromptInformation: string | null;
  aiPromptWriterName: string | null;
  creatorTool: string | null;
}

export interface ExifRecord {
  software: string | null;
  make: string | null;
  model: string | null;
  /** ISO 8601 local time as recorded ("2024-05-06T07:08:09"), with the offset when the file gives one. */
  dateTimeOriginal: string | null;
  userComment: string | null;
}

/** Generation settings written by Stable Diffusion WebUI (AUTOMATIC1111 and its forks). */
export interface A1111Record {
  prompt: string;
  negativePrompt: string | null;
  steps: number | null;
  sampler: string | null;
  cfgScale: number | null;
  seed: number | null;
  /** "WIDTHxHEIGHT", e.g. "512x768". */
  size: string | null;
  model: string | null;
  modelHash: string | null;
  /** Every "Key: value" setting of the last line, as written. */
  params: Record<string, string>;
  /** The text as found (cut to a safe length). */
  raw: string;
}

export interface ComfyRecord {
  /** Checkpoint and diffusion-model file names (ckpt_name, unet_name). */
  checkpoints: string[];
  loras: string[];
  positivePrompts: string[];
  negativePrompts: string[];
  seeds: number[];
  /**
   * The sampler nodes' settings (KSampler, KSamplerAdvanced; in Flux graphs KSamplerSelect and BasicScheduler), as
   * A1111 records them: only values written in the graph, null where a setting comes from another node or none.
   * Absent from records stored before it was read.
   */
  samplers?: ComfySampler[];
}

export interface ComfySampler {
  node: string;
  sampler: string | null;
  scheduler: string | null;
  steps: number | null;
  cfg: number | null;
  denoise: number | null;
}

export interface ProvenanceSummary {
  prompt?: string;
  negativePrompt?: string;
  model?: string;
  /** Names of the software the file mentions, most specific first: AI generators before editors and cameras. */
  toolHints: string[];
  /** ISO time the file says it was made. */
  createdAt?: string;
  /** Short IPTC term, e.g. trainedAlgorithmicMedia. */
  digitalSourceType?: string;
  /** true: the file says AI made it; false: it says camera capture; null: it says neither. */
  aiGenerated: boolean | null;
}
