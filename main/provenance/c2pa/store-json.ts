/** The parts of c2pa-rs's manifest store JSON (Reader.json()) that GenLog reads. Everything is optional: it is input. */

export interface StatusEntry {
  code?: string;
  url?: string;
  explanation?: string;
}

export interface StatusGroup {
  success?: StatusEntry[];
  informational?: StatusEntry[];
  failure?: StatusEntry[];
}

export interface StoreAction {
  action?: string;
  when?: string;
  softwareAgent?: string | { name?: string; version?: string };
  softwareAgentIndex?: number;
  digitalSourceType?: string;
}

export interface StoreManifest {
  label?: string;
  claim_generator?: string;
  claim_generator_info?: { name?: string; version?: string }[] | { name?: string; version?: string };
  title?: string;
  format?: string;
  assertions?: { label?: string; data?: { actions?: StoreAction[]; softwareAgents?: { name?: string; version?: string }[] } }[];
  ingredients?: { title?: string; format?: string; relationship?: string }[];
  signature_info?: { issuer?: string; common_name?: string; time?: string };
}

export interface ManifestStoreJson {
  active_manifest?: string;
  manifests?: Record<string, StoreManifest>;
  validation_status?: StatusEntry[];
  validation_results?: {
    activeManifest?: StatusGroup;
    ingredientDeltas?: { ingredientAssertionURI?: string; validationDeltas?: StatusGroup }[];
  };
  validation_state?: string;
}
