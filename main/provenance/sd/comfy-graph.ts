import { MAX_GRAPH_VISITS, clipText } from '../limits';
import type { ComfyRecord } from '../types';

export interface ComfyNode {
  class_type: string;
  inputs: Record<string, unknown>;
}

/** ComfyUI API graph: node id -> node; an input is a value or a link [source node id, output slot]. */
export type ComfyGraph = Record<string, ComfyNode>;

type Link = [string, number];

const MODEL_KEYS = ['ckpt_name', 'unet_name'];
const SEED_KEYS = ['seed', 'noise_seed'];
/** Inputs that hold prompt text on encoders and on the string nodes that feed them. */
const TEXT_KEYS = ['text', 'text_g', 'text_l', 't5xxl', 'clip_l', 'prompt', 'string', 'value'];
/** Nodes whose output conditioning deliberately carries no prompt (Flux's usual negative). */
const EMPTY_CONDITIONING = new Set(['ConditioningZeroOut']);
const MAX_FOLLOW_DEPTH = 32;

function isLink(value: unknown): value is Link {
  return Array.isArray(value) && value.length === 2 && (typeof value[0] === 'string' || typeof value[0] === 'number') && typeof value[1] === 'number';
}

function asLink(value: Link): Link {
  return [String(value[0]), value[1]];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps only well-formed nodes; null when the value is not a ComfyUI API graph at all. */
export function asComfyGraph(value: unknown): ComfyGraph | null {
  if (!isRecord(value)) return null;
  const graph: ComfyGraph = {};
  for (const [id, node] of Object.entries(value)) {
    if (isRecord(node) && typeof node.class_type === 'string') {
      graph[id] = { class_type: node.class_type, inputs: isRecord(node.inputs) ? node.inputs : {} };
    }
  }
  return Object.keys(graph).length > 0 ? graph : null;
}

class Collector {
  readonly record: ComfyRecord = { checkpoints: [], loras: [], positivePrompts: [], negativePrompts: [], seeds: [], samplers: [] };
  private visits = 0;

  constructor(private readonly graph: ComfyGraph) {}

  private node(link: Link): ComfyNode | undefined {
    this.visits += 1;
    return this.visits > MAX_GRAPH_VISITS ? undefined : this.graph[link[0]];
  }

  /** Text behind a text input: the string itself, or whatever string node the link leads to. */
  private strings(value: unknown, depth: number, into: string[]): void {
    if (typeof value === 'string') {
      if (value.trim() !== '') addUnique(into, clipText(value.trim()));
    } else if (isLink(value) && depth < MAX_FOLLOW_DEPTH) {
      const source = this.node(asLink(value));
      if (source) for (const key of TEXT_KEYS) this.strings(source.inputs[key], depth + 1, into);
    }
  }

  /** Prompt texts that reach a conditioning input, through combine/area/ControlNet nodes. */
  conditioning(link: Link, depth: number, into: string[]): void {
    if (depth >= MAX_FOLLOW_DEPTH) return;
    const node = this.node(link);
    if (!node || EMPTY_CONDITIONING.has(node.class_type)) return;
    const { inputs } = node;
    for (const key of TEXT_KEYS) this.strings(inputs[key], depth, into);
    // Nodes like ControlNetApplyAdvanced pass positive on output 0 and negative on output 1.
    const passThrough = link[1] === 1 ? inputs.negative : inputs.positive;
    if (isLink(passThrough)) this.conditioning(asLink(passThrough), depth + 1, into);
    for (const [key, value] of Object.entries(inputs)) {
      if (key.startsWith('conditioning') && isLink(value)) this.conditioning(asLink(value), depth + 1, into);
    }
  }

  private seed(value: unknown, depth = 0): void {
    if (typeof value === 'number' && Number.isFinite(value)) {
      if (!this.record.seeds.includes(value)) this.record.seeds.push(value);
    } else if (isLink(value) && depth < MAX_FOLLOW_DEPTH) {
      const source = this.node(asLink(value));
      if (source) for (const key of [...SEED_KEYS, 'value', 'int']) this.seed(source.inputs[key], depth + 1);
    }
  }

  private sampler({ class_type: node, inputs }: ComfyNode): void {
    const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? clipText(v.trim()) : null);
    const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    const found = { node, sampler: text(inputs.sampler_name), scheduler: text(inputs.scheduler), steps: number(inputs.steps), cfg: number(inputs.cfg), denoise: number(inputs.denoise) };
    const samplers = this.record.samplers as NonNullable<ComfyRecord['samplers']>;
    if (!samplers.some((s) => JSON.stringify(s) === JSON.stringify(found))) samplers.push(found);
  }

  collect(): ComfyRecord {
    for (const node of Object.values(this.graph)) {
      const { inputs } = node;
      for (const key of MODEL_KEYS) if (typeof inputs[key] === 'string') addUnique(this.record.checkpoints, clipText(inputs[key]));
      if (typeof inputs.lora_name === 'string') addUnique(this.record.loras, clipText(inputs.lora_name));
      if (isLink(inputs.positive)) this.conditioning(asLink(inputs.positive), 0, this.record.positivePrompts);
      if (isLink(inputs.negative)) this.conditioning(asLink(inputs.negative), 0, this.record.negativePrompts);
      if (node.class_type === 'BasicGuider' && isLink(inputs.conditioning)) {
        this.conditioning(asLink(inputs.conditioning), 0, this.record.positivePrompts);
      }
      for (const key of SEED_KEYS) if (key in inputs) this.seed(inputs[key]);
      // KSampler holds every setting; Flux splits them over KSamplerSelect and BasicScheduler.
      if (typeof inputs.sampler_name === 'string' || ('scheduler' in inputs && 'steps' in inputs)) this.sampler(node);
    }
    return this.record;
  }
}

function addUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** Checkpoints, LoRAs, prompts (following sampler positive/negative links to the text encoders), seeds and sampler settings. */
export function extractFromGraph(graph: ComfyGraph): ComfyRecord {
  return new Collector(graph).collect();
}
