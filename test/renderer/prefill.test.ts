import { describe, expect, it } from 'vitest';
import { prefillFromFiles } from '../../renderer/provenance/prefill';
import type { FileProvenance } from '../../renderer/provenance/types';

const namingSd: FileProvenance = {
  path: '/r/a.png', c2pa: null, iptc: null, exif: null, a1111: null, comfy: null, errors: [], mismatches: [],
  summary: { toolHints: ['Stable Diffusion'], aiGenerated: true }, matchedTool: 'Stable Diffusion',
} as FileProvenance;

describe('prefillFromFiles', () => {
  it('says the other files name no tool only once they have been read', () => {
    const tools = ['Stable Diffusion'];
    const whileReading = prefillFromFiles([{ name: 'a.png', provenance: namingSd }, { name: 'b.png', provenance: null, reading: true }], tools);
    expect(whileReading.toolNeedsChoice).toBeNull();
    expect(whileReading.tool).toBeUndefined();
    const read = prefillFromFiles([{ name: 'a.png', provenance: namingSd }, { name: 'b.png', provenance: null }], tools);
    expect(read.toolNeedsChoice).toMatch(/^1 of 2 files name Stable Diffusion; the others name no tool\./);
    expect(prefillFromFiles([{ name: 'a.png', provenance: namingSd }, { name: 'b.png', provenance: namingSd }], tools)).toMatchObject({ tool: 'Stable Diffusion', toolNeedsChoice: null });
  });
});
