import { describe, expect, it } from 'vitest';
import { readComfy } from '../../main/provenance/sd/comfy';
import { MAX_LISTED } from '../../main/provenance/sd/comfy-graph';

type Graph = Record<string, { class_type: string; inputs: Record<string, unknown> }>;

/** A KSampler node as ComfyUI writes it; the seed spelled as given, so it can exceed what a number holds. */
const ksampler = (seed: string) =>
  `{"class_type": "KSampler", "inputs": {"seed": ${seed}, "steps": 20, "cfg": 8, "sampler_name": "euler", "scheduler": "normal", "denoise": 1}}`;

describe('ComfyUI graphs with more than a record keeps', () => {
  it('keeps the first sampler settings of a graph of thousands of sampler nodes, quickly, and says so', () => {
    const graph: Graph = {};
    for (let i = 0; i < 3000; i++) graph[i] = { class_type: 'KSampler', inputs: { sampler_name: `euler_${i}`, steps: 20, scheduler: 'normal' } };
    const errors: string[] = [];
    const started = performance.now();
    const record = readComfy(JSON.stringify(graph), null, errors);
    // Comparing each sampler with every earlier one took 27 seconds for 8,000 nodes.
    expect(performance.now() - started).toBeLessThan(300);
    expect(record?.samplers).toHaveLength(MAX_LISTED);
    expect(record?.samplers?.[0]).toEqual({ node: 'KSampler', sampler: 'euler_0', scheduler: 'normal', steps: 20, cfg: null, denoise: null });
    expect(errors).toEqual([`The ComfyUI 'prompt' graph names more than ${MAX_LISTED} different sampler settings; GenLog kept the first ${MAX_LISTED}`]);
  });

  it('caps checkpoints, LoRAs and seeds the same way; repeats of a kept value are not counted', () => {
    const graph: Graph = {};
    for (let i = 0; i < 100; i++) {
      graph[`c${i}`] = { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: `model_${i}.safetensors` } };
      graph[`l${i}`] = { class_type: 'LoraLoader', inputs: { lora_name: `lora_${i}.safetensors` } };
      graph[`s${i}`] = { class_type: 'RandomNoise', inputs: { noise_seed: i } };
      graph[`same${i}`] = { class_type: 'KSampler', inputs: { seed: 7, sampler_name: 'euler' } };
    }
    const errors: string[] = [];
    const record = readComfy(JSON.stringify(graph), null, errors);
    expect(record?.checkpoints).toHaveLength(MAX_LISTED);
    expect(record?.loras).toHaveLength(MAX_LISTED);
    expect(record?.seeds).toHaveLength(MAX_LISTED);
    expect(record?.samplers).toHaveLength(1);
    expect(errors).toEqual([
      `The ComfyUI 'prompt' graph names more than ${MAX_LISTED} different checkpoints; GenLog kept the first ${MAX_LISTED}`,
      `The ComfyUI 'prompt' graph names more than ${MAX_LISTED} different LoRAs; GenLog kept the first ${MAX_LISTED}`,
      `The ComfyUI 'prompt' graph names more than ${MAX_LISTED} different seeds; GenLog kept the first ${MAX_LISTED}`,
    ]);
  });
});

describe('ComfyUI seeds beyond what a number holds exactly', () => {
  it('names a seed above 2^53 by its digits in the graph, and keeps it rounded', () => {
    const errors: string[] = [];
    const record = readComfy(`{"3": ${ksampler('18446744073709551615')}}`, null, errors);
    expect(record?.seeds).toEqual([18446744073709552000]);
    expect(errors).toEqual([
      "The ComfyUI 'prompt' graph has seed 18446744073709551615, larger than GenLog can keep exactly; the record holds it rounded, as 18446744073709552000",
    ]);
  });

  it('says a seed too large to be a number (1e400) was left out instead of dropping it silently', () => {
    const errors: string[] = [];
    const record = readComfy(`{"3": ${ksampler('1e400')}}`, null, errors);
    expect(record?.seeds).toEqual([]);
    expect(errors).toEqual(["The ComfyUI 'prompt' graph has a seed written as 1e400 too large to be a number at all; the record leaves it out"]);
  });

  it('ignores the same digits inside strings, and names no digits when two spellings read as the same number', () => {
    const note = '{"class_type": "Note", "inputs": {"text": "seed 18446744073709551614"}}';
    const errors: string[] = [];
    expect(readComfy(`{"1": ${note}, "3": ${ksampler('18446744073709551615')}}`, null, errors)?.seeds).toEqual([18446744073709552000]);
    expect(errors).toEqual([expect.stringContaining('has seed 18446744073709551615,')]);
    const ambiguous: string[] = [];
    readComfy(`{"3": ${ksampler('18446744073709551615')}, "4": ${ksampler('18446744073709551614')}}`, null, ambiguous);
    expect(ambiguous).toEqual([
      "The ComfyUI 'prompt' graph has a seed larger than GenLog can keep exactly; the record holds it rounded, as 18446744073709552000",
    ]);
  });

  it("reads the seed's digits from the UI workflow's widget values too", () => {
    const workflow = '{"nodes": [{"id": 3, "type": "KSampler", "mode": 0, "widgets_values": [9007199254740993, "fixed", 20, 8, "euler", "normal", 1]}], "links": []}';
    const errors: string[] = [];
    expect(readComfy(null, workflow, errors)?.seeds).toEqual([9007199254740992]);
    expect(errors).toEqual([
      "The ComfyUI 'workflow' has seed 9007199254740993, larger than GenLog can keep exactly; the record holds it rounded, as 9007199254740992",
    ]);
  });
});
