import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FRAME_GAP, frameOfFile, framesNumberedTwice, groupSequences, mayTakeFrame, sequenceHash, sequencePath, type IngestItem } from '../../main/ingest/sequences';
import { patternBytes, sha256sumOf, useTempDir } from './temp-dir';

type Sequence = Extract<IngestItem, { kind: 'sequence' }>;

function frames(directory: string, name: (frame: number) => string, from: number, to: number, skip: number[] = []): string[] {
  const paths: string[] = [];
  for (let frame = from; frame <= to; frame++) if (!skip.includes(frame)) paths.push(join(directory, name(frame)));
  return paths;
}

const pad = (frame: number, width: number) => String(frame).padStart(width, '0');

function onlySequence(items: IngestItem[]): Sequence {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item?.kind !== 'sequence') throw new Error(`expected a sequence, got ${JSON.stringify(item)}`);
  return item;
}

describe('groupSequences', () => {
  it.each([
    ['dot separated, 4-padded', (f: number) => `shot_v001.${pad(f, 4)}.exr`, 1001, 1010, 'shot_v001.####.exr'],
    ['underscore separated', (f: number) => `plate_${f}.dpx`, 1001, 1010, 'plate_####.dpx'],
    ['zero-padded from 1', (f: number) => `comp.${pad(f, 4)}.png`, 1, 12, 'comp.####.png'],
    ['dash separated', (f: number) => `bg-${pad(f, 5)}.tif`, 86_400, 86_405, 'bg-#####.tif'],
    ['no separator (Blender)', (f: number) => `render${pad(f, 4)}.png`, 1, 5, 'render####.png'],
    ['number only', (f: number) => `${pad(f, 4)}.jpg`, 1, 3, '####.jpg'],
    ['unpadded', (f: number) => `matte.${f}.tga`, 1, 12, 'matte.#.tga'],
    ['unpadded stills after a dot', (f: number) => `render.${f}.png`, 1, 12, 'render.#.png'],
    ['unpadded still frames numbered like frames', (f: number) => `plate_${f}.png`, 1001, 1010, 'plate_####.png'],
    ['ffmpeg frame_%d.png', (f: number) => `frame_${f}.png`, 1, 240, 'frame_#.png'],
    ['unpadded stills with no separator', (f: number) => `out${f}.jpg`, 1, 5, 'out#.jpg'],
    ['version and frame', (f: number) => `sq010_sh020_comp_v003.${f}.exr`, 1001, 1003, 'sq010_sh020_comp_v003.####.exr'],
    ['VDB volume cache', (f: number) => `smoke.${pad(f, 4)}.vdb`, 1, 4, 'smoke.####.vdb'],
  ])('recognises %s frames', (_label, name, from, to, pattern) => {
    const sequence = onlySequence(groupSequences(frames('/renders', name, from, to)));
    expect(sequence).toMatchObject({ directory: '/renders', pattern, first: from, last: to, missingFrames: [] });
    expect(sequence.frames.map((frame) => frame.frame)).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
    expect(sequence.frames[0]?.path).toBe(join('/renders', name(from)));
    expect(sequencePath(sequence)).toBe(join('/renders', pattern));
  });

  it('groups a render of 300,000 frames (a long simulation) into one sequence', () => {
    // Each frame once copied its whole group (17 s for 50,000 frames) and a spread of every frame overflowed the stack.
    const paths = Array.from({ length: 300_000 }, (_, i) => `/sim/cache.${String(i + 1).padStart(7, '0')}.exr`);
    const [item, ...rest] = groupSequences(paths);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ kind: 'sequence', pattern: 'cache.#######.exr', first: 1, last: 300_000, missingFrames: [] });
  });

  it('lists the holes of a sequence in missingFrames and orders frames by number', () => {
    const paths = frames('/r', (f) => `fx.${f}.exr`, 1001, 1020, [1005, 1006, 1013]).reverse();
    const sequence = onlySequence(groupSequences(paths));
    expect(sequence.missingFrames).toEqual([1005, 1006, 1013]);
    expect(sequence.frames.map((frame) => frame.frame)).toEqual(
      Array.from({ length: 20 }, (_, i) => 1001 + i).filter((f) => ![1005, 1006, 1013].includes(f)),
    );
    expect([sequence.first, sequence.last]).toEqual([1001, 1020]);
  });

  it('keeps numbers that outgrow their padding in the same sequence', () => {
    const sequence = onlySequence(groupSequences(frames('/r', (f) => `sim.${pad(f, 4)}.exr`, 9998, 10_002)));
    expect(sequence).toMatchObject({ pattern: 'sim.####.exr', first: 9998, last: 10_002 });
    const fromPadded = onlySequence(groupSequences(frames('/r', (f) => `sim.${pad(f, 3)}.exr`, 997, 1002)));
    expect(fromPadded).toMatchObject({ pattern: 'sim.###.exr', first: 997, last: 1002 });
  });

  it('keeps a render that outgrows five-digit padding in one sequence', () => {
    // No padded number above 09999: 10000 … 99999 once joined the group only after it was judged not to have run to its limit.
    const sequence = onlySequence(groupSequences(frames('/sim', (f) => `fluid.${pad(f, 5)}.bgeo`, 1, 100_002)));
    expect(sequence).toMatchObject({ pattern: 'fluid.#####.bgeo', first: 1, last: 100_002, missingFrames: [] });
  });

  it('groups frames whose extensions differ only in case, unless two files would share a frame', () => {
    const mixed = onlySequence(groupSequences(['/r/m.0001.png', '/r/m.0002.PNG', '/r/m.0003.png', '/r/m.0004.Png']));
    expect(mixed).toMatchObject({ pattern: 'm.####.png', first: 1, last: 4, missingFrames: [] });
    expect(mixed.frames.map((f) => f.path)).toEqual(['/r/m.0001.png', '/r/m.0002.PNG', '/r/m.0003.png', '/r/m.0004.Png']);
    const both = groupSequences([...frames('/r', (f) => `m.${pad(f, 4)}.png`, 1, 3), ...frames('/r', (f) => `m.${pad(f, 4)}.PNG`, 1, 3)]);
    expect(both.map((item) => (item.kind === 'sequence' ? `${item.pattern} ${item.frames.length}` : item.path))).toEqual(['m.####.png 3', 'm.####.PNG 3']);
    // Only the second file at a frame goes apart; the one `keep` names (logged, drafted) stays with the others.
    const mixed4 = ['/r/m.0001.png', '/r/m.0002.PNG', '/r/m.0003.png', '/r/m.0004.PNG'];
    const kept = groupSequences(['/r/m.0001.PNG', ...mixed4], { keep: (p) => mixed4.includes(p) });
    expect(kept.map((item) => (item.kind === 'sequence' ? `${item.pattern} ${item.frames.map((f) => basename(f.path)).join(' ')}` : item.path))).toEqual([
      '/r/m.0001.PNG', 'm.####.png m.0001.png m.0002.PNG m.0003.png m.0004.PNG',
    ]);
  });

  it('reads a minus after the separator as the frame\'s sign (pre-roll frames), one after a letter as the separator', () => {
    const names = ['-003', '-002', '-001', '0000', '0001', '0002'].map((n) => `/r/sim.${n}.exr`).reverse();
    const sequence = onlySequence(groupSequences(names));
    expect(sequence).toMatchObject({ pattern: 'sim.####.exr', first: -3, last: 2, missingFrames: [] });
    expect(sequence.frames.map((f) => [f.frame, f.path])).toEqual([-3, -2, -1, 0, 1, 2].map((f) => [f, `/r/sim.${f < 0 ? `-${pad(-f, 3)}` : pad(f, 4)}.exr`]));
    // After "_" the minus is part of the name: exposure brackets stay files, "-005" numbers a render named "fx_-".
    expect(groupSequences(['/r/hdr_-2.exr', '/r/hdr_0.exr', '/r/hdr_2.exr']).map((i) => i.kind)).toEqual(['file', 'file', 'file']);
    expect(onlySequence(groupSequences(frames('/r', (f) => `fx_-${pad(f, 3)}.exr`, 5, 7)))).toMatchObject({ pattern: 'fx_-###.exr', first: 5, last: 7 });
    // "-000" beside "0000" is not frame 0 twice.
    const zero = groupSequences(['/r/z.-000.exr', '/r/z.0000.exr', '/r/z.0001.exr', '/r/z.0002.exr']);
    expect(zero.filter((i) => i.kind === 'sequence').map((i) => (i.kind === 'sequence' ? i.frames.map((f) => f.frame) : []))).toEqual([[0, 1, 2]]);
    expect(onlySequence(groupSequences(frames('/r', (f) => `bg-${pad(f, 4)}.exr`, 1, 3)))).toMatchObject({ pattern: 'bg-####.exr', first: 1, last: 3 });
  });

  it('keeps differently padded renders of the same name apart', () => {
    const paths = [...frames('/r', (f) => `a.${pad(f, 3)}.exr`, 1, 3), ...frames('/r', (f) => `a.${pad(f, 4)}.exr`, 1, 3), ...frames('/r', (f) => `a.${f}.exr`, 2001, 2003)];
    const items = groupSequences(paths);
    expect(items.map((item) => (item.kind === 'sequence' ? `${item.pattern} ${item.first}-${item.last}` : item.path))).toEqual([
      'a.###.exr 1-3',
      'a.####.exr 1-3',
      'a.####.exr 2001-2003',
    ]);
  });

  it('never mistakes version numbers for frames', () => {
    const versions = ['comp_v001.exr', 'comp_v002.exr', 'comp_v003.exr', 'comp_v004.exr', 'matte.v1.png', 'matte.v2.png', 'matte.v3.png'];
    const items = groupSequences(versions.map((name) => `/shots/${name}`));
    expect(items).toEqual(versions.map((name) => ({ kind: 'file', path: `/shots/${name}` })));
  });

  it('leaves fewer than three frames, seeds, ComfyUI names, numbered variations and non-image media as separate files', () => {
    const names = [
      'shot.1001.exr',
      'shot.1002.exr',
      'ComfyUI_00001_.png',
      'ComfyUI_00002_.png',
      'ComfyUI_00003_.png',
      '00001-3294817265.png',
      '00002-1129384756.png',
      '00003-9988776655.png',
      'take_001.wav',
      'take_002.wav',
      'take_003.wav',
      'notes_1.txt',
      'notes_2.txt',
      'notes_3.txt',
      // Generated variations: each has its own prompt and seed.
      'Firefly_harbour_1.jpg',
      'Firefly_harbour_2.jpg',
      'Firefly_harbour_3.jpg',
      'Firefly_harbour_4.jpg',
      'batch_comfy-1.png',
      'batch_comfy-2.png',
      'batch_comfy-3.png',
      'variation 1.webp',
      'variation 2.webp',
      'variation 3.webp',
    ];
    const items = groupSequences(names.map((name) => `/out/${name}`));
    expect(items).toEqual(names.map((name) => ({ kind: 'file', path: `/out/${name}` })));
  });

  it('sorts a mixed folder into sequences and files, keeping the input order', () => {
    const paths = [
      '/job/readme.txt',
      ...frames('/job/a', (f) => `shot_v002.${f}.exr`, 1001, 1004),
      '/job/a/shot_v002.mov',
      ...frames('/job/b', (f) => `shot_v002.${f}.exr`, 1001, 1003),
      ...frames('/job/a', (f) => `shot_v002_matte.${f}.exr`, 1001, 1003),
      ...frames('/job/a', (f) => `shot_v002.${pad(f, 3)}.exr`, 1, 3),
      '/job/a/shot_v002.1001.jpg',
    ];
    const items = groupSequences(paths);
    expect(items.map((item) => (item.kind === 'file' ? item.path : `${item.directory}/${item.pattern} ${item.first}-${item.last}`))).toEqual([
      '/job/readme.txt',
      '/job/a/shot_v002.####.exr 1001-1004',
      '/job/a/shot_v002.mov',
      '/job/b/shot_v002.####.exr 1001-1003',
      '/job/a/shot_v002_matte.####.exr 1001-1003',
      '/job/a/shot_v002.###.exr 1-3',
      '/job/a/shot_v002.1001.jpg',
    ]);
  });

  it('splits at a hole too large to be lost frames, and ignores a path given twice', () => {
    const early = frames('/r', (f) => `x.${f}.png`, 1001, 1003);
    const late = frames('/r', (f) => `x.${f}.png`, 1005 + MAX_FRAME_GAP, 1007 + MAX_FRAME_GAP);
    const items = groupSequences([...early, ...late, early[0] as string]);
    expect(items.map((item) => (item.kind === 'sequence' ? [item.first, item.last, item.missingFrames.length] : item.path))).toEqual([
      [1001, 1003, 0],
      [1005 + MAX_FRAME_GAP, 1007 + MAX_FRAME_GAP, 0],
    ]);
    const justInside = groupSequences([...early, ...frames('/r', (f) => `x.${f}.png`, 1004 + MAX_FRAME_GAP, 1005 + MAX_FRAME_GAP)]);
    expect(justInside).toHaveLength(1);
    expect(onlySequence(justInside).missingFrames).toHaveLength(MAX_FRAME_GAP);
  });

  it('returns nothing for nothing', () => {
    expect(groupSequences([])).toEqual([]);
  });
});

describe('framesNumberedTwice', () => {
  it('pairs what holds the same frame numbers written differently: other padding, other case; not other names', () => {
    const paths = [
      ...frames('/r', (f) => `shot.${f}.exr`, 1001, 1005),
      ...frames('/r', (f) => `shot.${pad(f, 5)}.exr`, 1004, 1006),
      '/r/shot.01009.exr',
      ...frames('/r', (f) => `m.${pad(f, 4)}.png`, 1, 3),
      ...frames('/r', (f) => `m.${pad(f, 4)}.PNG`, 3, 5),
      ...frames('/r', (f) => `other.${pad(f, 5)}.exr`, 1001, 1003),
      ...frames('/r/sub', (f) => `shot.${pad(f, 5)}.exr`, 1001, 1003),
    ];
    expect(framesNumberedTwice(groupSequences(paths))).toEqual([
      { paths: ['/r/shot.####.exr', '/r/shot.#####.exr'], frames: [1004, 1005] },
      { paths: ['/r/m.####.png', '/r/m.0003.PNG'], frames: [3] },
    ]);
    expect(framesNumberedTwice(groupSequences(['/r/a.0001.exr', '/r/a.00001.exr']))).toEqual([{ paths: ['/r/a.00001.exr', '/r/a.0001.exr'], frames: [1] }]);
    expect(framesNumberedTwice(groupSequences(frames('/r', (f) => `shot.${f}.exr`, 1001, 1100)))).toEqual([]);
  });
});

describe('frameOfFile', () => {
  it('names the sequence paths a frame may be logged under: each width, the extension as written, lower and upper case', () => {
    expect(frameOfFile('/r/m.0004.PNG')).toEqual({ frame: 4, sequencePaths: ['/r/m.####.PNG', '/r/m.####.png'], otherSpellings: new Set(['/r/m.####.png']) });
    expect(frameOfFile('/r/f_21.Exr')?.sequencePaths).toEqual(['/r/f_##.Exr', '/r/f_##.exr', '/r/f_##.EXR', '/r/f_#.Exr', '/r/f_#.exr', '/r/f_#.EXR']);
    expect(frameOfFile('/r/comp_v002.exr')).toBeUndefined();
  });

  it('lets a sequence take a frame under another spelling only when it holds no frame of that number', () => {
    const frame = frameOfFile('/r/m.0004.PNG')!;
    expect(mayTakeFrame(frame, '/r/m.####.PNG', () => true)).toBe(true); // its own spelling: a re-render
    expect(mayTakeFrame(frame, '/r/m.####.png', (n) => n === 4)).toBe(false); // m.0004.png is there: a second file
    expect(mayTakeFrame(frame, '/r/m.####.png', (n) => n === 3)).toBe(true); // a late frame
  });
});

describe('sequenceHash', () => {
  const tempDir = useTempDir('sequence-hash');

  it('is SHA-256 of the frame hashes joined by line feeds, recomputable without GenLog', () => {
    const paths = [1001, 1002, 1003].map((frame) => {
      const path = join(tempDir(), `shot.${frame}.exr`);
      writeFileSync(path, patternBytes(10_000 + frame, frame));
      return path;
    });
    const frameHashes = paths.map(sha256sumOf);
    const ours = sequenceHash(frameHashes);

    // The documented recipe with plain crypto...
    expect(ours).toBe(createHash('sha256').update(`${frameHashes[0]}\n${frameHashes[1]}\n${frameHashes[2]}`).digest('hex'));
    // ...and the shell one-liner from the doc comment, run by coreutils alone.
    const shell = execFileSync('sh', ['-c', 'sha256sum "$@" | cut -c1-64 | head -c -1 | sha256sum', 'sh', ...paths], { encoding: 'utf8' });
    expect(ours).toBe(shell.slice(0, 64));
  });

  it('depends on frame order', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    expect(sequenceHash([a, b])).not.toBe(sequenceHash([b, a]));
  });

  it('refuses input that is not a list of lower-case hex SHA-256 hashes', () => {
    expect(() => sequenceHash([])).toThrow('A sequence hash needs at least one frame hash');
    expect(() => sequenceHash(['a'.repeat(64), 'ABC'])).toThrow('Frame hash #2 is not a lower-case hex SHA-256: "ABC"');
    expect(() => sequenceHash(['A'.repeat(64)])).toThrow('Frame hash #1');
  });
});
