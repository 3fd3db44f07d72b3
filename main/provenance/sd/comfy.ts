import type { ComfyRecord } from '../types';
import { parseBoundedJson } from './bounded-json';
import { asComfyGraph, extractFromGraph, type ComfyGraph } from './comfy-graph';
import { workflowToGraph } from './comfy-workflow';

function graphFrom(text: string | null, what: string, errors: string[], toGraph: (value: unknown) => ComfyGraph | null) {
  // Some tools store a plain-text prompt under the same keyword; only JSON is a ComfyUI graph.
  if (text === null || !/^\s*[{[]/.test(text)) return null;
  const parsed = parseBoundedJson(text, what);
  if ('error' in parsed) {
    errors.push(parsed.error);
    return null;
  }
  const graph = toGraph(parsed.value);
  if (!graph) errors.push(`${what} is JSON but not a ComfyUI graph; it was ignored`);
  // Python writes a float it could not compute as NaN or Infinity: a setting read as empty must not look unset.
  else if (parsed.nonFinite) errors.push(`${what} holds ${parsed.nonFinite === 1 ? 'a value' : `${parsed.nonFinite} values`} written as NaN or Infinity; GenLog reads ${parsed.nonFinite === 1 ? 'it' : 'them'} as empty`);
  return graph;
}

/** Fills only what the API graph left empty: the two graphs can disagree (a seed the UI changed after queueing). */
function fillGaps(into: ComfyRecord, from: ComfyRecord): void {
  if (into.checkpoints.length === 0) into.checkpoints = from.checkpoints;
  if (into.loras.length === 0) into.loras = from.loras;
  if (into.positivePrompts.length === 0) into.positivePrompts = from.positivePrompts;
  if (into.negativePrompts.length === 0) into.negativePrompts = from.negativePrompts;
  if (into.seeds.length === 0) into.seeds = from.seeds;
  if (!into.samplers?.length) into.samplers = from.samplers ?? [];
}

/** Whether the API graph left a field empty that the UI workflow might fill. */
function hasGaps(record: ComfyRecord): boolean {
  return [record.checkpoints, record.loras, record.positivePrompts, record.negativePrompts, record.seeds, record.samplers ?? []].some((f) => f.length === 0);
}

/**
 * Reads ComfyUI's "prompt" (API graph) and "workflow" (UI graph) texts. The API graph is preferred; the workflow
 * adds whatever the API graph lacks, so it is not parsed at all when the API graph filled every field, LoRAs and a
 * negative prompt included (parsing the larger UI graph was half the cost of reading such a PNG). A graph without a
 * LoRA, or a Flux graph (no negative prompt), still has its workflow parsed. Null when neither is
 * a ComfyUI graph.
 */
export function readComfy(promptText: string | null, workflowText: string | null, errors: string[]): ComfyRecord | null {
  const apiGraph = graphFrom(promptText, "The ComfyUI 'prompt' graph", errors, asComfyGraph);
  const record: ComfyRecord | null = apiGraph ? extractFromGraph(apiGraph) : null;
  if (record && !hasGaps(record)) return record;
  const uiGraph = graphFrom(workflowText, "The ComfyUI 'workflow'", errors, workflowToGraph);
  if (!record && !uiGraph) return null;
  const read = record ?? { checkpoints: [], loras: [], positivePrompts: [], negativePrompts: [], seeds: [], samplers: [] };
  if (uiGraph) fillGaps(read, extractFromGraph(uiGraph));
  return read;
}
