import { afterAll, describe, expect, it } from 'vitest';
import { closeParserThread, readProvenance } from '../../main/provenance';
import { readComfy } from '../../main/provenance/sd/comfy';
import { webpWith } from './helpers/c2pa';
import { exifTiff } from './helpers/exif-tiff';
import { provenanceFixtureText, tempDir, writeTemp } from './helpers/paths';
import { pngWith, tEXt } from './helpers/png';

afterAll(closeParserThread);

const SD15_PROMPT = provenanceFixtureText('comfy-sd15-prompt.json');
const SD15_WORKFLOW = provenanceFixtureText('comfy-sd15-workflow.json');
const FLUX_PROMPT = provenanceFixtureText('comfy-flux-prompt.json');

const SD15 = {
  checkpoints: ['v1-5-pruned-emaonly.safetensors'],
  loras: ['film_grain_v2.safetensors'],
  positivePrompts: ['beautiful scenery nature glass bottle landscape, purple galaxy bottle'],
  negativePrompts: ['text, watermark'],
  seeds: [156680208700286],
  samplers: [{ node: 'KSampler', sampler: 'euler', scheduler: 'normal', steps: 20, cfg: 8, denoise: 1 }],
};

describe('ComfyUI PNG text chunks', () => {
  it('reads models, prompts and seeds from the "prompt" and "workflow" chunks', async () => {
    const png = await pngWith([tEXt('prompt', SD15_PROMPT), tEXt('workflow', SD15_WORKFLOW)]);
    const record = await readProvenance(writeTemp(tempDir(), 'ComfyUI_00001_.png', png));
    expect(record.errors).toEqual([]);
    expect(record.comfy).toEqual(SD15);
    expect(record.summary).toMatchObject({
      prompt: SD15.positivePrompts[0],
      negativePrompt: 'text, watermark',
      model: 'v1-5-pruned-emaonly.safetensors',
      toolHints: ['ComfyUI'],
      aiGenerated: true,
    });
  });

  it('reads the UI workflow alone, following its links table', () => {
    expect(readComfy(null, SD15_WORKFLOW, [])).toEqual(SD15);
  });

  it('parses the UI workflow only for what the API graph lacks', () => {
    // Every field filled by the API graph: the workflow is not parsed, so even a broken one changes nothing.
    const errors: string[] = [];
    expect(readComfy(SD15_PROMPT, '{"nodes": [', errors)).toEqual(SD15);
    expect(errors).toEqual([]);
    // A seed the API graph cannot resolve (its source node is missing): the workflow supplies it.
    const graph = JSON.parse(SD15_PROMPT) as Record<string, { inputs: Record<string, unknown> }>;
    (graph['3'] as { inputs: Record<string, unknown> }).inputs.seed = ['99', 0];
    const gappy = JSON.stringify(graph);
    expect(readComfy(gappy, null, [])?.seeds).toEqual([]);
    expect(readComfy(gappy, SD15_WORKFLOW, [])).toEqual(SD15);
    // Then a broken workflow is reported.
    const reported: string[] = [];
    expect(readComfy(gappy, '{"nodes": [', reported)?.seeds).toEqual([]);
    expect(reported).toEqual([expect.stringMatching(/^The ComfyUI 'workflow' is not valid JSON/)]);
  });

  it('follows a Flux graph: UNETLoader, BasicGuider, FluxGuidance, RandomNoise', () => {
    expect(readComfy(FLUX_PROMPT, null, [])).toEqual({
      checkpoints: ['flux1-dev.safetensors'],
      loras: [],
      positivePrompts: ['cinematic still of a lighthouse in a storm, volumetric light'],
      negativePrompts: [],
      seeds: [219670278747233],
      samplers: [
        { node: 'KSamplerSelect', sampler: 'euler', scheduler: null, steps: null, cfg: null, denoise: null },
        { node: 'BasicScheduler', sampler: null, scheduler: 'simple', steps: 20, cfg: null, denoise: 1 },
      ],
    });
  });

  it('follows ControlNet, combined conditioning, linked text and seed, and a zeroed negative', () => {
    const graph = {
      1: { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sdxl_base.safetensors' } },
      2: { class_type: 'PrimitiveString', inputs: { value: 'a knight, dramatic light' } },
      3: { class_type: 'CLIPTextEncode', inputs: { text: ['2', 0], clip: ['1', 1] } },
      4: { class_type: 'CLIPTextEncode', inputs: { text: 'castle in fog', clip: ['1', 1] } },
      5: { class_type: 'ConditioningCombine', inputs: { conditioning_1: ['3', 0], conditioning_2: ['4', 0] } },
      6: { class_type: 'CLIPTextEncode', inputs: { text: 'blurry, lowres', clip: ['1', 1] } },
      7: { class_type: 'ControlNetApplyAdvanced', inputs: { positive: ['5', 0], negative: ['6', 0], strength: 0.7 } },
      8: { class_type: 'PrimitiveInt', inputs: { value: 987654321 } },
      9: { class_type: 'KSampler', inputs: { seed: ['8', 0], positive: ['7', 0], negative: ['7', 1], model: ['1', 0] } },
      10: { class_type: 'ConditioningZeroOut', inputs: { conditioning: ['3', 0] } },
      11: { class_type: 'KSamplerAdvanced', inputs: { noise_seed: 5, positive: ['3', 0], negative: ['10', 0] } },
    };
    const record = readComfy(JSON.stringify(graph), null, []);
    expect(record?.checkpoints).toEqual(['sdxl_base.safetensors']);
    expect(record?.positivePrompts).toEqual(['a knight, dramatic light', 'castle in fog']);
    expect(record?.negativePrompts).toEqual(['blurry, lowres']);
    expect(record?.seeds).toEqual([987654321, 5]);
  });

  it("reads Python's NaN in ComfyUI JSON", () => {
    const errors: string[] = [];
    const record = readComfy('{"1": {"class_type": "KSampler", "inputs": {"seed": 7, "denoise": NaN, "cfg": -Infinity}}}', null, errors);
    expect(record?.seeds).toEqual([7]);
    // Read as empty, and said so: an unset cfg and one Python could not write are not the same thing.
    expect(errors).toEqual(["The ComfyUI 'prompt' graph holds 2 values written as NaN or Infinity; GenLog reads them as empty"]);
    const one: string[] = [];
    readComfy('{"1": {"class_type": "KSampler", "inputs": {"seed": 7, "cfg": NaN, "sampler_name": "NaN"}}}', null, one);
    expect(one).toEqual(["The ComfyUI 'prompt' graph holds a value written as NaN or Infinity; GenLog reads it as empty"]);
  });

  it('ignores a plain-text "prompt" chunk from other tools and reports JSON that is not a graph', () => {
    const errors: string[] = [];
    expect(readComfy('a watercolor fox', null, errors)).toBeNull();
    expect(errors).toEqual([]);
    expect(readComfy('{"not": "a graph"}', null, errors)).toBeNull();
    expect(errors).toEqual([expect.stringContaining('not a ComfyUI graph')]);
  });

  it("reads ComfyUI's WebP EXIF convention (prompt:/workflow: in Model and Make)", async () => {
    const tiff = exifTiff({ model: `prompt:${SD15_PROMPT}`, make: `workflow:${SD15_WORKFLOW}` });
    const record = await readProvenance(writeTemp(tempDir(), 'ComfyUI_00002_.webp', await webpWith([{ fourcc: 'EXIF', data: tiff }])));
    expect(record.errors).toEqual([]);
    expect(record.comfy).toEqual(SD15);
    expect(record.exif?.make ?? null).toBeNull();
  });
});
