import { describe, expect, it } from 'vitest';
import { matchTool } from '../../main/provenance';
import { c2paWithAction, iptcWith, recordWith } from './helpers/records';

const TOOLS = ['Adobe Firefly', 'Amazon Titan Image Generator', 'Midjourney v6', 'ComfyUI', 'AUTOMATIC1111', 'Photoshop', 'Runway'];

describe('matchTool', () => {
  it('matches a C2PA software agent to a tool sharing its name words, ignoring versions', () => {
    const record = recordWith({ c2pa: c2paWithAction('c2pa.created', 'trainedAlgorithmicMedia', 'Titan Image Generator G1') });
    expect(matchTool(record, TOOLS)).toBe('Amazon Titan Image Generator');
  });

  it('matches case-insensitively in either direction of containment', () => {
    expect(matchTool(recordWith({ iptc: iptcWith(null, 'adobe firefly') }), TOOLS)).toBe('Adobe Firefly');
    expect(matchTool(recordWith({ iptc: iptcWith(null, 'Midjourney') }), TOOLS)).toBe('Midjourney v6');
  });

  it('knows the usual names of the Stable Diffusion front ends', () => {
    const a1111 = { prompt: 'x', negativePrompt: null, steps: 20, sampler: null, cfgScale: null, seed: null, size: null, model: null, modelHash: null, params: {}, raw: 'x' };
    expect(matchTool(recordWith({ a1111 }), TOOLS)).toBe('AUTOMATIC1111');
    const comfy = { checkpoints: ['sd.safetensors'], loras: [], positivePrompts: [], negativePrompts: [], seeds: [] };
    expect(matchTool(recordWith({ comfy }), ['Comfy UI', 'Runway'])).toBe('Comfy UI');
    // A short alias names a tool only as a word of its name: the WebUI fork, not a voice tool that ends the same.
    expect(matchTool(recordWith({ a1111 }), ['SD WebUI Forge', 'Runway'])).toBe('SD WebUI Forge');
    expect(matchTool(recordWith({ a1111 }), ['VoiceForge', 'Runway'])).toBeNull();
    expect(matchTool(recordWith({ a1111 }), ['Stable Diffusion Web UI (A1111)'])).toBe('Stable Diffusion Web UI (A1111)');
  });

  it('prefers the generator over the editor, and the closest name among several', () => {
    const record = recordWith({
      iptc: { ...iptcWith('trainedAlgorithmicMedia', 'Adobe Firefly Image 3'), creatorTool: 'Adobe Photoshop 26.0' },
    });
    expect(matchTool(record, ['Photoshop', 'Firefly', 'Adobe Firefly'])).toBe('Adobe Firefly');
  });

  it('falls back to the editor when no generator is listed', () => {
    const record = recordWith({ exif: { software: 'Adobe Photoshop 26.0 (Windows)', make: null, model: null, dateTimeOriginal: null, userComment: null } });
    expect(matchTool(record, TOOLS)).toBe('Photoshop');
  });

  it('tells listed releases apart by the version the file names, and names none when the file gives no version to choose by', () => {
    const tools = ['Google Veo 2', 'Google Veo 3', 'Runway Gen-3', 'Runway Gen-4', 'Midjourney v6', 'Midjourney v7', 'Adobe Firefly'];
    expect(matchTool(recordWith({ c2pa: c2paWithAction('c2pa.created', 'trainedAlgorithmicMedia', 'Google Veo 3') }), tools)).toBe('Google Veo 3');
    expect(matchTool(recordWith({ c2pa: c2paWithAction('c2pa.created', 'trainedAlgorithmicMedia', 'Runway Gen-4') }), tools)).toBe('Runway Gen-4');
    expect(matchTool(recordWith({ iptc: { ...iptcWith('trainedAlgorithmicMedia', 'Midjourney'), aiSystemVersionUsed: '7' } }), tools)).toBe('Midjourney v7');
    expect(matchTool(recordWith({ iptc: iptcWith('trainedAlgorithmicMedia', 'Midjourney') }), tools)).toBeNull();
    // A tool listed without a version still takes any release; one listed release is still found for another.
    expect(matchTool(recordWith({ iptc: { ...iptcWith('trainedAlgorithmicMedia', 'Adobe Firefly'), aiSystemVersionUsed: 'Image 3' } }), tools)).toBe('Adobe Firefly');
    expect(matchTool(recordWith({ iptc: { ...iptcWith('trainedAlgorithmicMedia', 'Midjourney'), aiSystemVersionUsed: '5.2' } }), ['Midjourney v6'])).toBe('Midjourney v6');
  });

  it('returns null when nothing matches, and never matches on generic or tiny words', () => {
    const record = recordWith({ iptc: iptcWith(null, 'Image Generator AI') });
    expect(matchTool(record, ['AI', 'Image', 'Gen'])).toBeNull();
    expect(matchTool(recordWith({}), TOOLS)).toBeNull();
  });
});
