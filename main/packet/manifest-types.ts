// TypeScript mirror of assets/schemas/packet-manifest.schema.json (schemaVersion "1.0").
// Keep the two in step: the schema is what outsiders validate against, these types are what GenLog builds.

export const MANIFEST_SCHEMA_VERSION = '1.0';

/** An answer to a yes/no question where the truth may be unknown: unknown facts are "unsure", never "yes". */
export type Answer = 'yes' | 'no' | 'unsure';

/** Outcome of an asset or planned use. `cleared` = needed written approval and an approval covers it. */
export type Outcome = 'disclose' | 'escalate' | 'blocked' | 'cleared';

/** What a single finding asks for: disclosure only, written approval, or a stop. */
export type Severity = 'disclose' | 'escalate' | 'blocked';

export type PrincipleId = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';

/** temporary: not part of the final deliverables (P4); deliverable: will be seen or heard in them. */
export type Classification = 'temporary' | 'deliverable';

/** Not on screen, glimpsed and never referenced, prominent / story-relevant, or not known. */
export type OnScreen = 'none' | 'incidental' | 'prominent' | 'unsure';

export type MediaType = 'image' | 'video' | 'audio' | 'text' | '3d' | 'other';

export type Hosting = 'local' | 'enterprise-cloud' | 'public-cloud' | 'unsure';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface NetflixContact {
  name: string;
  email: string;
}

export interface Production {
  /** Short production code, e.g. "NFX-ORCA". */
  code: string;
  title: string;
  /** The vendor / VFX facility that sends the packet. */
  vendor: string;
  netflixContact: NetflixContact;
}

export interface Scope {
  /** Episodes or reels included; empty = every episode. */
  episodes: string[];
  /** Inclusive date range (YYYY-MM-DD) of asset creation; null = open-ended. */
  since: string | null;
  until: string | null;
}

export interface PlannedUse {
  id: string;
  title: string;
  /** May be empty. */
  department: string;
  /** May be empty. */
  description: string;
  classification: Classification;
  outcome: Outcome;
  /** Ids of the assets logged against this use. */
  assets: string[];
}

export interface Tool {
  name: string;
  /** Empty when not recorded. */
  vendor: string;
  version: string | null;
  hosting: Hosting;
  enterprise: Answer;
  trainsOnInputs: Answer;
  retainsData: Answer;
}

export interface ToolDisclosure extends Tool {
  /** Data terms in a sentence or a link to them; null when none are on file. */
  dataTerms: string | null;
  /** Ids of the assets in this packet made with the tool. */
  usedBy: string[];
}

export type Principles = Record<PrincipleId, Answer>;

export interface Finding {
  /** Stable rule id from the Netflix rules, e.g. "W-FINAL", "P2". */
  rule: string;
  severity: Severity;
  /** The fact that triggered it, e.g. "onScreen = yes". */
  fact: string;
  /** One plain-language line a producer understands. */
  explanation: string;
  /** What would clear it, in plain language. */
  howToClear?: string;
  /** Ids of approved approvals covering this finding; empty while it is open. */
  coveredBy: string[];
  /** Ids of denied approvals naming this rule; they cover nothing. */
  deniedBy?: string[];
}

export interface ManifestAsset {
  id: string;
  fileName: string;
  sha256: string;
  size: number;
  mediaType: MediaType;
  classification: Classification;
  onScreen: OnScreen;
  /** Episode or reel; null (or empty) when not tied to one. */
  episode: string | null;
  tools: Tool[];
  artist: string;
  createdAt: string;
  prompt: string | null;
  facts: Record<string, JsonValue>;
  principles: Principles;
  findings: Finding[];
  outcome: Outcome;
  /** Ids of approvals covering this asset. */
  approvals: string[];
}

export interface ConsentRef {
  id: string;
  talent: string;
  /** What was consented to, e.g. "digital-replica", "synthetic-voice". */
  kinds: string[];
  /** Date signed, YYYY-MM-DD. */
  signed: string;
  expires: string | null;
  /** SHA-256 of the consent document; the document itself never travels in a packet. */
  evidenceSha256: string;
}

export type ApprovalDecision = 'approved' | 'denied';

export interface ApprovalRef {
  id: string;
  decision: ApprovalDecision;
  approver: string;
  /** Date of the decision, YYYY-MM-DD. */
  date: string;
  /** Where it was given, e.g. an email subject or ticket number. */
  reference: string;
  /** Rule ids the approval covers. */
  rules: string[];
  evidenceSha256: string;
  /** Id of the approval this one replaces, or null. */
  supersedes: string | null;
}

export interface OutcomeCounts {
  disclose: number;
  escalate: number;
  blocked: number;
  cleared: number;
}

export interface PacketManifest {
  schemaVersion: typeof MANIFEST_SCHEMA_VERSION;
  packetId: string;
  production: Production;
  createdBy: string;
  createdAt: string;
  /** Null while the packet is a draft. */
  approvedBy: string | null;
  approvedAt: string | null;
  scope: Scope;
  plannedUses: PlannedUse[];
  assets: ManifestAsset[];
  toolDisclosure: ToolDisclosure[];
  consents: ConsentRef[];
  approvals: ApprovalRef[];
  counts: OutcomeCounts;
  /** Id of the packet this one replaces, or null. */
  supersedes: string | null;
  /** Fingerprint of the facility key that signs the packet ("SHA256:abcd ef01 ..."). */
  signingKeyFingerprint: string;
}
