import { MAX_FIELD_CHARS, MAX_GRAPH_VISITS, clipText } from '../limits';
import type { ComfyRecord, ComfySampler } from '../types';
import { CappedList } from './capped-list';

export interface ComfyNode {
  class_type: string;
  inputs: Record<string, unknown>;
}

/** ComfyUI API graph: node id -> node; an input is a value or a link [source node id, output slot]. */
export type ComfyGraph = Record<string, ComfyNode>;

type Link = [string, number];

const MODEL_KEYS = ['ckpt_name', 'unet_name'];
const SEED_KEYS = ['seed', 'noise_seed'];
/**
 * Encoder inputs that hold prompt text (SD, SDXL, SD3, Flux, HunyuanDiT, Lumina2, Impact's wildcard encoder). A list,
 * because encoders also take settings as strings (Lumina2's system_prompt is a preset name, not a prompt).
 */
const ENCODER_TEXT_KEYS = [
  'text', 'text_g', 'text_l', 't5xxl', 'clip_l', 'prompt', 'string', 'value',
  'clip_g', 'bert', 'mt5xl', 'user_prompt', 'populated_text', 'wildcard_text',
];
/** Inputs of a string node that join its parts (StringConcatenate, WAS Text Concatenate) instead of being one. */
const JOINER_KEYS = ['delimiter', 'separator'];
/** Nodes whose output conditioning deliberately carries no prompt (Flux's usual negative). */
const EMPTY_CONDITIONING = new Set(['ConditioningZeroOut']);
const MAX_FOLLOW_DEPTH = 32;
/** Most separate texts one string node passes on; real prompt nodes output one or two. */
const MAX_TEXTS_PER_NODE = 32;
/**
 * Most prompts one record keeps of each kind: real graphs have a few. Without it a hostile graph (many encoders
 * each fed 32 texts) built hundreds of thousands, and checking each new one against the list took minutes.
 */
export const MAX_PROMPTS = 64;
/**
 * Most checkpoints, LoRAs, seeds and distinct sampler settings one record keeps of each: real graphs have a few, and
 * a hostile one of thousands of sampler nodes must not fill the record (or the database) with them.
 */
export const MAX_LISTED = 64;

/** The record's lists, by field name. */
export type ListField = 'checkpoints' | 'loras' | 'positivePrompts' | 'negativePrompts' | 'seeds' | 'samplers';

/** What was read from one graph, and what of it could not be kept as it was. */
export interface GraphReading {
  record: ComfyRecord;
  /** Fields that had more distinct values than they keep: the first ones were kept. */
  capped: ListField[];
  /** Seeds too large for a number to hold exactly (kept rounded), or beyond any number at all (left out). */
  inexactSeeds: number[];
}

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
  private readonly samplers: ComfySampler[] = [];
  readonly record: ComfyRecord = { checkpoints: [], loras: [], positivePrompts: [], negativePrompts: [], seeds: [], samplers: this.samplers };
  private readonly lists = {
    checkpoints: new CappedList(this.record.checkpoints, MAX_LISTED),
    loras: new CappedList(this.record.loras, MAX_LISTED),
    positivePrompts: new CappedList(this.record.positivePrompts, MAX_PROMPTS),
    negativePrompts: new CappedList(this.record.negativePrompts, MAX_PROMPTS),
    seeds: new CappedList(this.record.seeds, MAX_LISTED),
    samplers: new CappedList(this.samplers, MAX_LISTED, (s) => JSON.stringify(s)),
  } satisfies Record<ListField, { overflowed: boolean }>;
  private readonly inexactSeeds = new CappedList<number>([], MAX_LISTED);
  private visits = 0;
  /** String node id -> the texts it outputs. */
  private readonly texts = new Map<string, string[]>();

  constructor(private readonly graph: ComfyGraph) {}

  private node(link: Link): ComfyNode | undefined {
    this.visits += 1;
    return this.visits > MAX_GRAPH_VISITS ? undefined : this.graph[link[0]];
  }

  /**
   * Texts behind an encoder's text input: the string itself, or what the string nodes it links to output. Read past a
   * full list only until one more distinct text shows that prompts were left out: then nothing more is followed.
   */
  private strings(value: unknown, depth: number, into: CappedList<string>): void {
    if (into.overflowed) return;
    const texts = typeof value === 'string' ? [value] : isLink(value) ? this.linkedTexts(asLink(value), depth, new Set()) : [];
    for (const text of texts) if (text.trim() !== '') into.add(clipText(text.trim()));
  }

  /**
   * What a string node outputs, followed upstream through any node (custom nodes name their inputs freely): its
   * text parts in input order, joined by its delimiter when it has one, else kept as separate texts. Each node is
   * read once (a hostile graph of diamonds would otherwise cost 2^depth), and `path` ends cycles.
   */
  private linkedTexts(link: Link, depth: number, path: Set<string>): string[] {
    const known = this.texts.get(link[0]);
    // A remembered answer still counts as a visit: a graph linking one node a million times is bounded like any other.
    if (known) return ++this.visits > MAX_GRAPH_VISITS ? [] : known;
    if (depth >= MAX_FOLLOW_DEPTH || path.has(link[0])) return [];
    const node = this.node(link);
    if (!node) return [];
    path.add(link[0]);
    const parts = textParts(node.inputs)
      .flatMap((value) => (typeof value === 'string' ? [value] : this.linkedTexts(asLink(value), depth + 1, path)))
      .filter((part) => part.trim() !== '');
    path.delete(link[0]);
    const joiner = JOINER_KEYS.map((key) => node.inputs[key]).find((value) => typeof value === 'string');
    const texts = typeof joiner === 'string' && parts.length > 0 ? [joinClipped(parts, joiner)] : [...new Set(parts)].slice(0, MAX_TEXTS_PER_NODE);
    this.texts.set(link[0], texts);
    return texts;
  }

  /** Prompt texts that reach a conditioning input, through combine/area/ControlNet nodes. */
  conditioning(link: Link, depth: number, into: CappedList<string>): void {
    if (depth >= MAX_FOLLOW_DEPTH) return;
    const node = this.node(link);
    if (!node || EMPTY_CONDITIONING.has(node.class_type)) return;
    const { inputs } = node;
    for (const key of withoutTemplate(ENCODER_TEXT_KEYS, inputs)) this.strings(inputs[key], depth, into);
    // Nodes like ControlNetApplyAdvanced pass positive on output 0 and negative on output 1.
    const passThrough = link[1] === 1 ? inputs.negative : inputs.positive;
    if (isLink(passThrough)) this.conditioning(asLink(passThrough), depth + 1, into);
    for (const [key, value] of Object.entries(inputs)) {
      if (key.startsWith('conditioning') && isLink(value)) this.conditioning(asLink(value), depth + 1, into);
    }
  }

  /** A seed number, or the seed a linked node (a primitive, a seed generator) holds. */
  private seed(value: unknown, depth = 0): void {
    if (typeof value === 'number') {
      // JSON numbers past 2^53 arrive rounded (ComfyUI allows seeds up to 2^64-1), past ~1.8e308 as Infinity.
      if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) this.inexactSeeds.add(value);
      if (Number.isFinite(value)) this.lists.seeds.add(value);
    } else if (isLink(value) && depth < MAX_FOLLOW_DEPTH) {
      const source = this.node(asLink(value));
      if (source) for (const key of [...SEED_KEYS, 'value', 'int']) this.seed(source.inputs[key], depth + 1);
    }
  }

  private sampler({ class_type: node, inputs }: ComfyNode): void {
    const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? clipText(v.trim()) : null);
    const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    this.lists.samplers.add({ node, sampler: text(inputs.sampler_name), scheduler: text(inputs.scheduler), steps: number(inputs.steps), cfg: number(inputs.cfg), denoise: number(inputs.denoise) });
  }

  collect(): GraphReading {
    const { lists } = this;
    for (const node of Object.values(this.graph)) {
      const { inputs } = node;
      for (const key of MODEL_KEYS) if (typeof inputs[key] === 'string') lists.checkpoints.add(clipText(inputs[key]));
      if (typeof inputs.lora_name === 'string') lists.loras.add(clipText(inputs.lora_name));
      if (isLink(inputs.positive)) this.conditioning(asLink(inputs.positive), 0, lists.positivePrompts);
      if (isLink(inputs.negative)) this.conditioning(asLink(inputs.negative), 0, lists.negativePrompts);
      if (node.class_type === 'BasicGuider' && isLink(inputs.conditioning)) {
        this.conditioning(asLink(inputs.conditioning), 0, lists.positivePrompts);
      }
      for (const key of SEED_KEYS) if (key in inputs) this.seed(inputs[key]);
      // KSampler holds every setting; Flux splits them over KSamplerSelect and BasicScheduler.
      if (typeof inputs.sampler_name === 'string' || ('scheduler' in inputs && 'steps' in inputs)) this.sampler(node);
    }
    const capped = (Object.keys(lists) as ListField[]).filter((field) => lists[field].overflowed);
    return { record: this.record, capped, inexactSeeds: this.inexactSeeds.items };
  }
}

/** Impact's wildcard nodes keep the template and the text it was populated into; the populated text is what ran. */
function withoutTemplate(keys: string[], inputs: Record<string, unknown>): string[] {
  const populated = inputs.populated_text;
  const usesPopulated = isLink(populated) || (typeof populated === 'string' && populated.trim() !== '');
  return usesPopulated ? keys.filter((key) => key !== 'wildcard_text') : keys;
}

/**
 * A string node's inputs that make up its text, in input order: every link (what feeds a string node is text), and
 * literal strings whose name says text (text_a, string_b, prompt, value), which leaves out settings such as a mode.
 */
function textParts(inputs: Record<string, unknown>): (string | Link)[] {
  return withoutTemplate(Object.keys(inputs), inputs)
    .filter((key) => !JOINER_KEYS.includes(key))
    .map((key): [string, unknown] => [key, inputs[key]])
    .filter(([key, value]) => isLink(value) || (typeof value === 'string' && (key === 'value' || /text|string|prompt/i.test(key))))
    .map(([, value]) => value as string | Link);
}

/** Joins a concatenation's parts, stopping once the text is longer than a record keeps. */
function joinClipped(parts: string[], joiner: string): string {
  let text = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    if (text.length > MAX_FIELD_CHARS) break;
    text = `${text}${joiner}${part}`;
  }
  return clipText(text);
}

/**
 * Checkpoints, LoRAs, prompts (following sampler positive/negative links to the text encoders), seeds and sampler
 * settings, with what could not be kept: lists cut at their cap, seeds no number holds exactly.
 */
export function extractFromGraph(graph: ComfyGraph): GraphReading {
  return new Collector(graph).collect();
}
