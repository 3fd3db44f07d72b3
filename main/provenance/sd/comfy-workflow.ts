import type { ComfyGraph, ComfyNode } from './comfy-graph';

/**
 * Widget names, in widgets_values order, of the ComfyUI nodes whose settings GenLog reads. The UI workflow stores
 * widget values by position only; the API graph (the "prompt" text) names them.
 */
const WIDGET_NAMES: Record<string, string[]> = {
  CheckpointLoaderSimple: ['ckpt_name'],
  CheckpointLoader: ['config_name', 'ckpt_name'],
  ImageOnlyCheckpointLoader: ['ckpt_name'],
  unCLIPCheckpointLoader: ['ckpt_name'],
  UNETLoader: ['unet_name', 'weight_dtype'],
  UnetLoaderGGUF: ['unet_name'],
  LoraLoader: ['lora_name', 'strength_model', 'strength_clip'],
  LoraLoaderModelOnly: ['lora_name', 'strength_model'],
  CLIPTextEncode: ['text'],
  CLIPTextEncodeFlux: ['clip_l', 't5xxl', 'guidance'],
  CLIPTextEncodeSDXL: ['width', 'height', 'crop_w', 'crop_h', 'target_width', 'target_height', 'text_g', 'text_l'],
  CLIPTextEncodeSDXLRefiner: ['ascore', 'width', 'height', 'text'],
  CLIPTextEncodeHunyuanDiT: ['bert', 'mt5xl'],
  CLIPTextEncodeLumina2: ['system_prompt', 'user_prompt'],
  StringConcatenate: ['string_a', 'string_b', 'delimiter'],
  PrimitiveString: ['value'],
  PrimitiveStringMultiline: ['value'],
  ImpactWildcardProcessor: ['wildcard_text', 'populated_text'],
  KSampler: ['seed', 'control_after_generate', 'steps', 'cfg', 'sampler_name', 'scheduler', 'denoise'],
  KSamplerAdvanced: [
    'add_noise', 'noise_seed', 'control_after_generate', 'steps', 'cfg', 'sampler_name', 'scheduler',
    'start_at_step', 'end_at_step', 'return_with_leftover_noise',
  ],
  SamplerCustom: ['add_noise', 'noise_seed', 'control_after_generate', 'cfg'],
  RandomNoise: ['noise_seed', 'control_after_generate'],
  PrimitiveNode: ['value'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Source = [string, number];

/** ComfyUI node modes that the queued prompt leaves out: muted nodes do not run, bypassed ones pass inputs through. */
const MUTED = 2;
const BYPASSED = 4;
/** Most Reroutes and bypassed nodes followed for one link; real chains have a few. */
const MAX_PASS_THROUGH = 64;

interface UiInput {
  name: string;
  type: unknown;
  link: number | null;
}

/** What GenLog reads of a UI node: its inputs in slot order, its output types and its widget values. */
interface UiNode {
  type: string;
  mode: unknown;
  inputs: UiInput[];
  outputTypes: unknown[];
  widgets: unknown;
}

/** Link id -> [source node id, source output slot], from the workflow's links table. */
function linkSources(links: unknown): Map<number, Source> {
  const sources = new Map<number, Source>();
  if (!Array.isArray(links)) return sources;
  for (const link of links) {
    if (Array.isArray(link) && typeof link[0] === 'number' && typeof link[2] === 'number') {
      sources.set(link[0], [String(link[1]), link[2]]);
    } else if (isRecord(link) && typeof link.id === 'number' && typeof link.origin_slot === 'number') {
      sources.set(link.id, [String(link.origin_id), link.origin_slot]);
    }
  }
  return sources;
}

/** Keeps slot positions (a bypassed node matches an output to the input in the same slot), so bad entries stay as blanks. */
function uiNode(type: string, node: Record<string, unknown>): UiNode {
  const list = (value: unknown) => (Array.isArray(value) ? value.map((slot) => (isRecord(slot) ? slot : {})) : []);
  const inputs = list(node.inputs).map((input) => ({
    name: typeof input.name === 'string' ? input.name : '',
    type: input.type,
    link: typeof input.link === 'number' ? input.link : null,
  }));
  return { type, mode: node.mode, inputs, outputTypes: list(node.outputs).map((output) => output.type), widgets: node.widgets_values };
}

/**
 * The input a Reroute or a bypassed node hands on as the given output, as ComfyUI does when it queues the workflow:
 * a Reroute's only input; for a bypassed node the input in the same slot if its type matches, else the first that does.
 * Undefined for nodes that run.
 */
function passedInput(node: UiNode, slot: number): UiInput | undefined {
  if (node.type === 'Reroute') return node.inputs[0];
  if (node.mode !== BYPASSED) return undefined;
  const type = node.outputTypes[slot];
  if (type === undefined) return undefined;
  const same = node.inputs[slot];
  return same?.type === type ? same : node.inputs.find((input) => input.type === type);
}

function passesThrough(node: UiNode): boolean {
  return node.type === 'Reroute' || node.mode === BYPASSED;
}

/** The node that really feeds a link, past Reroutes and bypassed nodes; null when nothing that runs does. */
function realSource(source: Source, nodes: Map<string, UiNode>, sources: Map<number, Source>): Source | null {
  let current = source;
  // Bounded, not just cycle-checked: ComfyUI graphs are acyclic, but a hostile file's Reroutes may loop or chain for long.
  for (let hop = 0; hop < MAX_PASS_THROUGH; hop += 1) {
    const node = nodes.get(current[0]);
    if (!node || !passesThrough(node)) return node?.mode === MUTED ? null : current;
    const link = passedInput(node, current[1])?.link;
    const next = link === null || link === undefined ? undefined : sources.get(link);
    if (!next) return null;
    current = next;
  }
  return null;
}

/** Widget values by name: by position for the nodes GenLog knows, or as saved when the workflow names them. */
function widgetInputs(type: string, widgets: unknown): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  if (Array.isArray(widgets)) {
    (WIDGET_NAMES[type] ?? []).forEach((name, index) => {
      if (index < widgets.length) inputs[name] = widgets[index];
    });
  } else if (isRecord(widgets)) {
    Object.assign(inputs, widgets);
  }
  return inputs;
}

/**
 * Turns a ComfyUI UI workflow ({ nodes, links }) into the API-graph shape the extractor follows. Like the prompt
 * ComfyUI queues, it leaves out muted and bypassed nodes (so a bypassed LoRA is not reported) and links past them.
 */
export function workflowToGraph(workflow: unknown): ComfyGraph | null {
  if (!isRecord(workflow) || !Array.isArray(workflow.nodes)) return null;
  const sources = linkSources(workflow.links);
  const nodes = new Map<string, UiNode>();
  for (const node of workflow.nodes) {
    if (isRecord(node) && typeof node.type === 'string' && node.id !== undefined) nodes.set(String(node.id), uiNode(node.type, node));
  }
  const graph: ComfyGraph = {};
  for (const [id, node] of nodes) {
    if (node.mode === MUTED || passesThrough(node)) continue;
    const inputs = widgetInputs(node.type, node.widgets);
    for (const input of node.inputs) {
      const source = input.link === null ? undefined : sources.get(input.link);
      const real = source && realSource(source, nodes, sources);
      if (real && input.name !== '') inputs[input.name] = real;
    }
    graph[id] = { class_type: node.type, inputs } satisfies ComfyNode;
  }
  return graph;
}
