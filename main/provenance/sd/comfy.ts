import type { ComfyRecord } from '../types';
import { parseBoundedJson } from './bounded-json';
import { asComfyGraph, extractFromGraph, type ComfyGraph, type ListField } from './comfy-graph';
import { reportUnkept } from './comfy-report';
import { workflowToGraph } from './comfy-workflow';

const ALL_FIELDS: ListField[] = ['checkpoints', 'loras', 'positivePrompts', 'negativePrompts', 'seeds', 'samplers'];

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

/**
 * Fills only what the API graph left empty: the two graphs can disagree (a seed the UI changed after queueing).
 * Returns the fields it filled, whose problems are then the workflow's to report.
 */
function fillGaps(into: ComfyRecord, from: ComfyRecord): ListField[] {
  const filled = ALL_FIELDS.filter((field) => !into[field]?.length);
  for (const field of filled) (into as Record<ListField, unknown[]>)[field] = from[field] ?? [];
  return filled;
}

/** Whether the API graph left a field empty that the UI workflow might fill. */
function hasGaps(record: ComfyRecord): boolean {
  return ALL_FIELDS.some((field) => !record[field]?.length);
}

/**
 * Reads ComfyUI's "prompt" (API graph) and "workflow" (UI graph) texts. The API graph is preferred; the workflow
 * adds whatever the API graph lacks, so it is not parsed at all when the API graph filled every field, LoRAs and a
 * negative prompt included (parsing the larger UI graph was half the cost of reading such a PNG). A graph without a
 * LoRA, or a Flux graph (no negative prompt), still has its workflow parsed. Null when neither is
 * a ComfyUI graph.
 */
export function readComfy(promptText: string | null, workflowText: string | null, errors: string[]): ComfyRecord | null {
  const apiWhat = "The ComfyUI 'prompt' graph";
  const apiGraph = graphFrom(promptText, apiWhat, errors, asComfyGraph);
  const api = apiGraph ? extractFromGraph(apiGraph) : null;
  if (api) reportUnkept(api, ALL_FIELDS, promptText ?? '', apiWhat, errors);
  const record = api?.record ?? null;
  if (record && !hasGaps(record)) return record;
  const uiWhat = "The ComfyUI 'workflow'";
  const uiGraph = graphFrom(workflowText, uiWhat, errors, workflowToGraph);
  if (!record && !uiGraph) return null;
  const read = record ?? { checkpoints: [], loras: [], positivePrompts: [], negativePrompts: [], seeds: [], samplers: [] };
  if (uiGraph) {
    const ui = extractFromGraph(uiGraph);
    reportUnkept(ui, fillGaps(read, ui.record), workflowText ?? '', uiWhat, errors);
  }
  return read;
}
