import { digitalSourceTypeOf, isAiTerm } from './digital-source-type';
import { originClaims } from './origin-claims';
import type { C2paRecord, ProvenanceRecord, ProvenanceSummary } from './types';

function addHint(hints: string[], hint: string | null | undefined): void {
  const trimmed = hint?.trim();
  if (trimmed && !hints.some((existing) => existing.toLowerCase() === trimmed.toLowerCase())) hints.push(trimmed);
}

/** "Midjourney" and version "7" name "Midjourney 7": the version tells listed releases apart. */
function withVersion(system: string | null | undefined, version: string | null | undefined): string | null {
  const name = system?.trim();
  if (!name) return null;
  const v = version?.trim();
  return v && !name.toLowerCase().includes(v.toLowerCase()) ? `${name} ${v}` : name;
}

function isAiAction(action: C2paRecord['actions'][number]): boolean {
  const type = action.digitalSourceType ? digitalSourceTypeOf(action.digitalSourceType) : null;
  return !!type && isAiTerm(type.term);
}

/** Software named by the file, generators first (they identify the GenAI tool), then editors and writers. */
function toolHints(record: Omit<ProvenanceRecord, 'summary'>): string[] {
  const { c2pa, iptc, exif, a1111, comfy } = record;
  const hints: string[] = [];
  for (const action of c2pa?.actions ?? []) if (isAiAction(action)) addHint(hints, action.softwareAgent);
  addHint(hints, withVersion(iptc?.aiSystemUsed, iptc?.aiSystemVersionUsed));
  if (comfy) addHint(hints, 'ComfyUI');
  if (a1111) addHint(hints, 'Stable Diffusion WebUI');
  for (const product of c2pa?.claimGeneratorProducts ?? []) addHint(hints, product);
  for (const action of c2pa?.actions ?? []) addHint(hints, action.softwareAgent);
  addHint(hints, iptc?.creatorTool);
  addHint(hints, exif?.software);
  return hints;
}

function createdAt(c2pa: C2paRecord | null, exifDate: string | null | undefined): string | undefined {
  const created = c2pa?.actions.find((action) => action.action === 'c2pa.created' && action.when);
  return created?.when ?? c2pa?.actions.find((action) => action.when)?.when ?? exifDate ?? c2pa?.signingTime ?? undefined;
}

function joined(texts: string[] | undefined): string | undefined {
  return texts && texts.length > 0 ? texts.join('\n\n') : undefined;
}

/** What the asset form is prefilled with, and whether the file says AI made it. */
export function summarize(record: Omit<ProvenanceRecord, 'summary'>): ProvenanceSummary {
  const { c2pa, iptc, exif, a1111, comfy } = record;
  const claims = originClaims(record);
  const typed = claims.filter((claim) => claim.term);
  const summary: ProvenanceSummary = {
    toolHints: toolHints(record),
    aiGenerated: claims.some((claim) => claim.kind === 'ai') ? true : claims.some((claim) => claim.kind === 'capture') ? false : null,
  };
  const prompt = a1111?.prompt || joined(comfy?.positivePrompts) || iptc?.aiPromptInformation;
  if (prompt) summary.prompt = prompt;
  const negativePrompt = a1111?.negativePrompt || joined(comfy?.negativePrompts);
  if (negativePrompt) summary.negativePrompt = negativePrompt;
  const model = a1111?.model || comfy?.checkpoints[0];
  if (model) summary.model = model;
  const created = createdAt(c2pa, exif?.dateTimeOriginal);
  if (created) summary.createdAt = created;
  const sourceType = (typed.find((claim) => claim.kind === 'ai') ?? typed[0])?.term;
  if (sourceType) summary.digitalSourceType = sourceType;
  return summary;
}
