import { describe, expect, it } from 'vitest';
import { extensionOf, mediaTypeOf } from '../../main/ingest/media-type';

describe('mediaTypeOf', () => {
  const cases: [string, ReturnType<typeof mediaTypeOf>][] = [
    ['shot_v001.1001.exr', 'image'],
    ['plate.dpx', 'image'],
    ['matte.TIF', 'image'],
    ['matte.tiff', 'image'],
    ['comfy_00001_.png', 'image'],
    ['ref.jpg', 'image'],
    ['ref.webp', 'image'],
    ['paint.psd', 'image'],
    ['sky.hdr', 'image'],
    ['old.tga', 'image'],
    ['edit.mov', 'video'],
    ['gen.mp4', 'video'],
    ['master.MXF', 'video'],
    ['web.webm', 'video'],
    ['clip.avi', 'video'],
    ['clip.mkv', 'video'],
    ['A001_C002.R3D', 'video'],
    ['take.braw', 'video'],
    ['vo.wav', 'audio'],
    ['fx.aif', 'audio'],
    ['fx.aiff', 'audio'],
    ['temp.mp3', 'audio'],
    ['stem.flac', 'audio'],
    ['stem.ogg', 'audio'],
    ['voice.m4a', 'audio'],
    ['prompt.txt', 'text'],
    ['notes.md', 'text'],
    ['workflow.json', 'text'],
    ['subs.srt', 'text'],
    ['subs.vtt', 'text'],
    ['brief.pdf', 'text'],
    ['letter.docx', 'text'],
    ['script.fdx', 'text'],
    ['prop.obj', '3d'],
    ['rig.fbx', '3d'],
    ['cache.abc', '3d'],
    ['set.usd', '3d'],
    ['set.usda', '3d'],
    ['set.usdc', '3d'],
    ['set.usdz', '3d'],
    ['asset.gltf', '3d'],
    ['asset.glb', '3d'],
    ['scene.blend', '3d'],
    ['scan.ply', '3d'],
    ['print.stl', '3d'],
    ['smoke.0001.vdb', '3d'],
    ['archive.zip', 'other'],
    ['README', 'other'],
    ['.hidden', 'other'],
    ['weird.', 'other'],
  ];
  it.each(cases)('%s is %s', (fileName, expected) => {
    expect(mediaTypeOf(fileName)).toBe(expected);
  });

  it('looks only at the file name, not at dots in folder names', () => {
    expect(mediaTypeOf('/renders/v2.exr/readme')).toBe('other');
    expect(mediaTypeOf('C:\\renders\\shot.v1\\plate.EXR')).toBe('image');
  });

  it('extracts the lower-case extension', () => {
    expect(extensionOf('a/b/Shot.1001.EXR')).toBe('exr');
    expect(extensionOf('noext')).toBe('');
    expect(extensionOf('C:\\renders/shot.v1\\.hidden')).toBe('');
    expect(extensionOf('/renders\\v2.exr/plate')).toBe('');
    expect(extensionOf('mixed/sep\\name.tar.GZ')).toBe('gz');
  });
});
