import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS } from '../../main/provenance/limits';
import { readComfy } from '../../main/provenance/sd/comfy';
import { MAX_PROMPTS } from '../../main/provenance/sd/comfy-graph';
import { workflowToGraph } from '../../main/provenance/sd/comfy-workflow';
import { provenanceFixtureText } from './helpers/paths';

type Inputs = Record<string, unknown>;

/** An API graph whose KSampler takes node 6 as positive and node 7 as negative; `nodes` supplies them and their sources. */
function promptsOf(nodes: Record<string, { class_type: string; inputs: Inputs }>) {
  const graph = {
    3: { class_type: 'KSampler', inputs: { seed: 1, positive: ['6', 0], negative: ['7', 0], model: ['4', 0] } },
    4: { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'model.safetensors' } },
    ...nodes,
  };
  const record = readComfy(JSON.stringify(graph), null, []);
  return { positive: record?.positivePrompts, negative: record?.negativePrompts };
}

const encode = (text: unknown) => ({ class_type: 'CLIPTextEncode', inputs: { text, clip: ['4', 1] } });
const primitive = (value: string) => ({ class_type: 'PrimitiveString', inputs: { value } });

describe('ComfyUI prompt text that reaches the encoder through string nodes', () => {
  it('joins core StringConcatenate and WAS Text Concatenate parts with their delimiter, leaving out settings', () => {
    expect(promptsOf({
      6: encode(['22', 0]),
      20: primitive('a lighthouse'),
      21: { class_type: 'CR Prompt Text', inputs: { prompt: 'at dawn' } },
      22: { class_type: 'StringConcatenate', inputs: { string_a: ['20', 0], string_b: ['21', 0], delimiter: ', ' } },
      7: encode(['32', 0]),
      30: { class_type: 'Text Multiline', inputs: { text: 'bad hands' } },
      32: { class_type: 'Text Concatenate', inputs: { delimiter: ' | ', clean_whitespace: 'true', text_a: ['30', 0], text_b: 'extra fingers' } },
    })).toEqual({ positive: ['a lighthouse, at dawn'], negative: ['bad hands | extra fingers'] });
  });

  it("reads Impact's populated text, falling back to the wildcard template when it is empty", () => {
    const wildcards = (populated: string) => ({
      class_type: 'ImpactWildcardProcessor',
      inputs: { wildcard_text: 'a __animal__', populated_text: populated, mode: 'populate', seed: 99, 'Select to add Wildcard': 'Select the Wildcard to add to the text' },
    });
    expect(promptsOf({ 6: encode(['60', 0]), 60: wildcards('a red fox'), 7: encode(['61', 0]), 61: wildcards('') }))
      .toEqual({ positive: ['a red fox'], negative: ['a __animal__'] });
  });

  it('keeps the distinct texts of multi-text encoders (HunyuanDiT, SDXL) and only the user prompt of Lumina2', () => {
    expect(promptsOf({
      6: { class_type: 'CLIPTextEncodeHunyuanDiT', inputs: { bert: '雪地里的红狐狸', mt5xl: '雪地里的红狐狸', clip: ['4', 1] } },
      7: { class_type: 'CLIPTextEncodeSDXL', inputs: { width: 1024, text_g: 'blurry', text_l: ['20', 0], clip: ['4', 1] } },
      20: primitive('lowres'),
    })).toEqual({ positive: ['雪地里的红狐狸'], negative: ['blurry', 'lowres'] });
    const lumina = (prompt: string) => ({ class_type: 'CLIPTextEncodeLumina2', inputs: { system_prompt: 'superior', user_prompt: prompt, clip: ['4', 1] } });
    expect(promptsOf({ 6: lumina('an island map'), 7: lumina('blurry') })).toEqual({ positive: ['an island map'], negative: ['blurry'] });
  });

  it('ends a cycle of string nodes and bounds a graph of diamonds', () => {
    const cycle = promptsOf({
      6: encode(['40', 0]),
      40: { class_type: 'StringConcatenate', inputs: { string_a: 'a', string_b: ['41', 0], delimiter: ' ' } },
      41: { class_type: 'StringConcatenate', inputs: { string_a: 'b', string_b: ['40', 0], delimiter: ' ' } },
      7: encode('lowres'),
    });
    expect(cycle.positive).toEqual(['a b']);
    // Each concatenation uses the one before twice: 2^30 copies of the text if every path were read.
    const diamonds: Record<string, { class_type: string; inputs: Inputs }> = { 100: primitive('x'.repeat(1000)) };
    for (let i = 101; i <= 130; i += 1) {
      diamonds[i] = { class_type: 'StringConcatenate', inputs: { string_a: [String(i - 1), 0], string_b: [String(i - 1), 0], delimiter: '' } };
    }
    const started = Date.now();
    const bomb = promptsOf({ ...diamonds, 6: encode(['130', 0]), 7: encode('lowres') });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(bomb.positive?.[0]?.length).toBeLessThanOrEqual(MAX_FIELD_CHARS + 1);
  });
});

/** A UI workflow: the KSampler's positive passes two Reroutes, its negative one; a second sampler hangs off a Reroute loop. */
const REROUTED = JSON.stringify({
  nodes: [
    { id: 4, type: 'CheckpointLoaderSimple', outputs: [{ type: 'MODEL' }, { type: 'CLIP' }], widgets_values: ['juggernaut.safetensors'] },
    { id: 6, type: 'CLIPTextEncode', inputs: [{ name: 'clip', type: 'CLIP', link: 1 }], outputs: [{ type: 'CONDITIONING' }], widgets_values: ['an astronaut'] },
    { id: 7, type: 'CLIPTextEncode', inputs: [{ name: 'clip', type: 'CLIP', link: 2 }], outputs: [{ type: 'CONDITIONING' }], widgets_values: ['ugly'] },
    { id: 16, type: 'Reroute', inputs: [{ name: '', type: '*', link: 3 }], outputs: [{ name: '', type: 'CONDITIONING' }] },
    { id: 17, type: 'Reroute', inputs: [{ name: '', type: '*', link: 4 }], outputs: [{ name: '', type: 'CONDITIONING' }] },
    { id: 18, type: 'Reroute', inputs: [{ name: '', type: '*', link: 6 }], outputs: [{ name: '', type: 'CONDITIONING' }] },
    {
      id: 3,
      type: 'KSampler',
      inputs: [{ name: 'positive', type: 'CONDITIONING', link: 5 }, { name: 'negative', type: 'CONDITIONING', link: 7 }],
      widgets_values: [42, 'fixed', 20, 7, 'euler', 'normal', 1],
    },
    { id: 20, type: 'Reroute', inputs: [{ name: '', type: '*', link: 11 }], outputs: [{ type: 'CONDITIONING' }] },
    { id: 21, type: 'Reroute', inputs: [{ name: '', type: '*', link: 10 }], outputs: [{ type: 'CONDITIONING' }] },
    { id: 30, type: 'KSampler', inputs: [{ name: 'positive', type: 'CONDITIONING', link: 12 }], widgets_values: [43] },
  ],
  links: [
    [1, 4, 1, 6, 0, 'CLIP'], [2, 4, 1, 7, 0, 'CLIP'], [3, 6, 0, 16, 0, '*'], [4, 16, 0, 17, 0, '*'], [5, 17, 0, 3, 0, 'CONDITIONING'],
    [6, 7, 0, 18, 0, '*'], [7, 18, 0, 3, 1, 'CONDITIONING'], [10, 20, 0, 21, 0, '*'], [11, 21, 0, 20, 0, '*'], [12, 21, 0, 30, 0, 'CONDITIONING'],
  ],
});

describe('ComfyUI UI workflow links', () => {
  it('follows links through chains of Reroute nodes and ends a loop of them', () => {
    const record = readComfy(null, REROUTED, []);
    expect(record?.positivePrompts).toEqual(['an astronaut']);
    expect(record?.negativePrompts).toEqual(['ugly']);
    expect(record?.seeds).toEqual([42, 43]);
  });
});

describe('muted and bypassed ComfyUI workflow nodes', () => {
  const SD15_PROMPT = JSON.parse(provenanceFixtureText('comfy-sd15-prompt.json')) as Record<string, { inputs: Inputs }>;
  const SD15_WORKFLOW = provenanceFixtureText('comfy-sd15-workflow.json');

  /** The SD1.5 workflow with the LoRA loader (node 10) bypassed and a muted second sampler and LoRA added. */
  function bypassedLoraWorkflow(): string {
    const workflow = JSON.parse(SD15_WORKFLOW) as { nodes: Record<string, unknown>[] };
    for (const node of workflow.nodes) if (node.type === 'LoraLoader') node.mode = 4;
    workflow.nodes.push(
      { id: 50, type: 'KSampler', mode: 2, inputs: [{ name: 'positive', type: 'CONDITIONING', link: 4 }], widgets_values: [7, 'fixed', 30, 5, 'dpmpp_2m', 'karras', 1] },
      { id: 51, type: 'LoraLoader', mode: 2, inputs: [], widgets_values: ['muted.safetensors', 1, 1] },
    );
    return JSON.stringify(workflow);
  }

  it('does not report a bypassed LoRA the API graph left out, nor what muted nodes hold', () => {
    // As ComfyUI queues it: no LoRA node, its links go straight to the checkpoint.
    const prompt = structuredClone(SD15_PROMPT);
    delete prompt['10'];
    (prompt['3'] as { inputs: Inputs }).inputs.model = ['4', 0];
    for (const id of ['6', '7']) (prompt[id] as { inputs: Inputs }).inputs.clip = ['4', 1];
    expect(readComfy(JSON.stringify(prompt), bypassedLoraWorkflow(), [])?.loras).toEqual([]);
    const fromWorkflow = readComfy(null, bypassedLoraWorkflow(), []);
    expect(fromWorkflow?.loras).toEqual([]);
    expect(fromWorkflow?.seeds).toEqual([156680208700286]);
    expect(fromWorkflow?.samplers).toHaveLength(1);
  });

  it('passes a bypassed node input of the matching type through, as ComfyUI does', () => {
    const graph = workflowToGraph(JSON.parse(bypassedLoraWorkflow()));
    expect(graph?.['10']).toBeUndefined();
    expect(graph?.['3']?.inputs.model).toEqual(['4', 0]);
    expect(graph?.['6']?.inputs.clip).toEqual(['4', 1]);
    // A bypassed node whose MODEL output is not in the same slot as its MODEL input.
    const swapped = workflowToGraph({
      nodes: [
        { id: 1, type: 'UNETLoader', outputs: [{ type: 'MODEL' }], widgets_values: ['flux.safetensors'] },
        { id: 2, type: 'ModelPatch', mode: 4, inputs: [{ name: 'clip', type: 'CLIP', link: null }, { name: 'model', type: 'MODEL', link: 1 }], outputs: [{ type: 'MODEL' }] },
        { id: 3, type: 'KSampler', inputs: [{ name: 'model', type: 'MODEL', link: 2 }] },
      ],
      links: [[1, 1, 0, 2, 1, 'MODEL'], [2, 2, 0, 3, 0, 'MODEL']],
    });
    expect(swapped?.['3']?.inputs.model).toEqual(['1', 0]);
  });
  it('keeps at most MAX_PROMPTS prompts from a hostile graph of many encoders each fed 32 texts, and reads it quickly', () => {
    const keys = ['text', 'text_g', 'text_l', 't5xxl', 'clip_l', 'prompt', 'string', 'value', 'clip_g', 'bert', 'mt5xl', 'user_prompt', 'populated_text'];
    const graph: Record<string, { class_type: string; inputs: Inputs }> = {};
    let id = 0;
    for (let i = 0; i < 300; i++) {
      const encoder = { class_type: 'CLIPTextEncode', inputs: {} as Inputs };
      for (const key of keys) {
        const texts: Inputs = {};
        for (let j = 0; j < 32; j++) texts[`text${j}`] = `${i}.${key}.${j}`;
        graph[++id] = { class_type: 'S', inputs: texts };
        encoder.inputs[key] = [String(id), 0];
      }
      graph[++id] = encoder;
      graph[++id] = { class_type: 'KSampler', inputs: { positive: [String(id - 1), 0], negative: [String(id - 1), 0] } };
    }
    const record = readComfy(JSON.stringify(graph), null, []);
    expect(record?.positivePrompts).toHaveLength(MAX_PROMPTS);
    expect(record?.negativePrompts).toHaveLength(MAX_PROMPTS);
  });
});
