import { summarize } from '../../../main/provenance/summary';
import type { C2paRecord, ProvenanceRecord } from '../../../main/provenance';

const DST = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

/** A record built from the given sections, with its summary derived the way readProvenance derives it. */
export function recordWith(sections: Partial<Omit<ProvenanceRecord, 'summary'>>): ProvenanceRecord {
  const found = { c2pa: null, iptc: null, exif: null, a1111: null, comfy: null, errors: [], ...sections };
  return { ...found, summary: summarize(found) };
}

export function c2paWithAction(action: string, term: string | null, softwareAgent: string | null, extra: Partial<C2paRecord> = {}): C2paRecord {
  return {
    claimGenerator: null,
    claimGeneratorProducts: [],
    signer: 'Example Signer',
    issuer: 'Example Org',
    signingTime: '2025-01-01T00:00:00+00:00',
    actions: [{ action, digitalSourceType: term ? `${DST}${term}` : null, softwareAgent, when: '2025-01-01T00:00:00Z' }],
    ingredientDigitalSourceTypes: [],
    ingredients: [],
    validation: { state: 'untrusted', problems: [] },
    source: 'embedded',
    ...extra,
  };
}

export function iptcWith(term: string | null, aiSystemUsed: string | null = null) {
  return {
    digitalSourceType: term ? { uri: `${DST}${term}`, term } : null,
    aiSystemUsed,
    aiSystemVersionUsed: null,
    aiPromptInformation: null,
    aiPromptWriterName: null,
    creatorTool: null,
  };
}
