import { describeTerm } from '../../main/provenance/digital-source-type';
import type { C2paRecord, ProvenanceRecord } from './types';

/** One wording of IPTC's source types for the app and the CLI. */
export { describeTerm };

type ValidationState = C2paRecord['validation']['state'];

/** The C2PA validation state said plainly: a short label and what it means for the artist. */
export const VALIDATION: Record<ValidationState, { label: string; meaning: string; tone: 'ok' | 'warn' | 'bad' }> = {
  valid: { label: 'valid', meaning: 'Intact and signed by a trusted signer.', tone: 'ok' },
  untrusted: {
    label: 'untrusted signer',
    meaning: 'The signature and content check out, but the signer is on no trust list GenLog has, so who signed cannot be confirmed.',
    tone: 'warn',
  },
  invalid: {
    label: 'failed validation',
    meaning: 'The manifest is broken, its signature fails, or the file no longer matches it: do not rely on what it says.',
    tone: 'bad',
  },
  unverified: { label: 'not fully checked', meaning: "The signature was checked, but the file's content could not be compared with it.", tone: 'warn' },
};

/** The short term of a digital source type URI ("…/digitalsourcetype/trainedAlgorithmicMedia" → trainedAlgorithmicMedia). */
export function termOf(uri: string): string {
  return uri.split('/').pop() || uri;
}

/** Who made the claim: the product names when the manifest gives them, else the raw claim generator. */
export function claimMaker(c2pa: C2paRecord): string | null {
  return c2pa.claimGeneratorProducts.length ? c2pa.claimGeneratorProducts.join(', ') : c2pa.claimGenerator;
}

export interface Finding {
  label: string;
  value: string;
  tone?: 'ok' | 'warn' | 'bad';
}

/** One line per thing a file says, as the log dialog lists them under the file. */
export function fileFindings(record: ProvenanceRecord): Finding[] {
  const out: Finding[] = [];
  const { c2pa, iptc, exif, a1111, comfy, summary } = record;
  if (c2pa) {
    const v = VALIDATION[c2pa.validation.state];
    const signer = c2pa.signer ? `signed by ${c2pa.signer}${c2pa.issuer && c2pa.issuer !== c2pa.signer ? ` (${c2pa.issuer})` : ''}` : 'no signer named';
    out.push({ label: 'C2PA', value: `${claimMaker(c2pa) ?? 'unknown claim generator'} · ${signer} · ${v.label}`, tone: v.tone });
    for (const a of c2pa.actions.filter((x) => x.digitalSourceType || x.softwareAgent)) {
      const parts = [a.action, a.softwareAgent ? `by ${a.softwareAgent}` : '', a.digitalSourceType ? `as ${describeTerm(termOf(a.digitalSourceType))}` : ''];
      out.push({ label: 'C2PA action', value: parts.filter(Boolean).join(' ') });
    }
  }
  if (iptc?.digitalSourceType) out.push({ label: 'IPTC source type', value: describeTerm(iptc.digitalSourceType.term) });
  if (iptc?.aiSystemUsed) out.push({ label: 'IPTC AI system', value: [iptc.aiSystemUsed, iptc.aiSystemVersionUsed].filter(Boolean).join(' ') });
  if (a1111) {
    const parts = [a1111.model && `model ${a1111.model}`, a1111.seed !== null && `seed ${a1111.seed}`, a1111.steps !== null && `${a1111.steps} steps`,
      a1111.sampler, a1111.size].filter(Boolean);
    out.push({ label: 'Stable Diffusion WebUI', value: parts.join(' · ') || 'generation settings' });
  }
  if (comfy) {
    const parts = [comfy.checkpoints.length && `model ${comfy.checkpoints.join(', ')}`, comfy.loras.length && `LoRA ${comfy.loras.join(', ')}`,
      comfy.seeds.length && `seed ${comfy.seeds.join(', ')}`].filter(Boolean);
    out.push({ label: 'ComfyUI', value: parts.join(' · ') || 'generation graph' });
  }
  if (exif && (exif.software || exif.make || exif.model)) {
    out.push({ label: 'EXIF', value: [exif.software, [exif.make, exif.model].filter(Boolean).join(' ')].filter(Boolean).join(' · ') });
  }
  if (summary.createdAt) out.push({ label: 'Made', value: summary.createdAt });
  return out;
}

/** True when the record holds anything at all beyond errors. */
export function saysAnything(record: ProvenanceRecord): boolean {
  return Boolean(record.c2pa || record.iptc || record.exif || record.a1111 || record.comfy);
}
