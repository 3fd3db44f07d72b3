import type { Finding, ManifestAsset } from './manifest-types';

/** Findings that still need something: approval or a change of facts (not disclosure-only, not covered). */
export function openFindings(asset: ManifestAsset): Finding[] {
  return asset.findings.filter((f) => f.severity !== 'disclose' && f.coveredBy.length === 0);
}

/** Assets that need someone's attention, blocked first, then those awaiting approval. */
export function attentionAssets(assets: ManifestAsset[]): ManifestAsset[] {
  return [...assets.filter((a) => a.outcome === 'blocked'), ...assets.filter((a) => a.outcome === 'escalate')];
}
