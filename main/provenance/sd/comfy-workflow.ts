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

/** Link id -> [source node id, source output slot], from the workflow's links table. */
function linkSources(links: unknown): Map<number, [string, number]> {
  const sources = new Map<number, [string, number]>();
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

/** Turns a ComfyUI UI workflow ({ nodes, links }) into the API-graph shape the extractor follows. */
export function workflowToGraph(workflow: unknown): ComfyGraph | null {
  if (!isRecord(workflow) || !Array.isArray(workflow.nodes)) return null;
  const sources = linkSources(workflow.links);
  const graph: ComfyGraph = {};
  for (const node of workflow.nodes) {
    if (!isRecord(node) || typeof node.type !== 'string' || node.id === undefined) continue;
    const inputs: Record<string, unknown> = {};
    const widgets = node.widgets_values;
    if (Array.isArray(widgets)) {
      (WIDGET_NAMES[node.type] ?? []).forEach((name, index) => {
        if (index < widgets.length) inputs[name] = widgets[index];
      });
    } else if (isRecord(widgets)) {
      Object.assign(inputs, widgets);
    }
    if (Array.isArray(node.inputs)) {
      for (const input of node.inputs) {
        if (!isRecord(input) || typeof input.name !== 'string' || typeof input.link !== 'number') continue;
        const source = sources.get(input.link);
        if (source) inputs[input.name] = source;
      }
    }
    graph[String(node.id)] = { class_type: node.type, inputs } satisfies ComfyNode;
  }
  return graph;
}
