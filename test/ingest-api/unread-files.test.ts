import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadFiles } from '../../main/services/ingest/unread-files';
import { useTempDir } from '../ingest/temp-dir';

const tempDir = useTempDir('unread-files');
const idle = () => false;

/** What a draft says when every file in `unread` stayed unreadable, each with one message naming it. */
function stillUnread(unread: string[], message = (p: string) => `${p}: permission denied`) {
  const failedFiles = unread.map((path) => ({ path, message: message(path) }));
  return { errors: failedFiles.map((f) => f.message), unreadFiles: unread, failedFiles };
}

/** Rechecks until `path` is due again, returning how many passed without it. */
function rechecksUntilDue(files: UnreadFiles, path: string): number {
  for (let passed = 0; passed < 1000; passed++) if (files.due(idle).includes(path)) return passed;
  throw new Error(`${path} never came due`);
}

describe('UnreadFiles', () => {
  it('tries a file again at the next recheck, then after twice as many rechecks each time, at most a minute apart', () => {
    const files = new UnreadFiles(1000);
    const frame = '/renders/shot.1001.exr';
    const waits: number[] = [];
    for (let tries = 0; tries < 9; tries++) {
      files.afterDraft([frame], stillUnread([frame]));
      waits.push(rechecksUntilDue(files, frame));
    }
    // 1 s rechecks: 0, 1, 3, 7 … rechecks skipped, capped at 59 (the 60th recheck, a minute on).
    expect(waits).toEqual([0, 1, 3, 7, 15, 31, 59, 59, 59]);
  });

  it('counts the cap in rechecks of its own length', () => {
    const files = new UnreadFiles(20_000);
    const frame = '/renders/shot.1001.exr';
    const waits: number[] = [];
    for (let tries = 0; tries < 4; tries++) {
      files.afterDraft([frame], stillUnread([frame]));
      waits.push(rechecksUntilDue(files, frame));
    }
    expect(waits).toEqual([0, 1, 2, 2]);
  });

  it('forgets a file once a draft read it, and keeps the others of its folder waiting together', () => {
    const files = new UnreadFiles(1000);
    const [a, b] = ['/renders/shot.1001.exr', '/renders/shot.1002.exr'];
    files.afterDraft([a, b, '/renders/shot.1003.exr'], stillUnread([a, b]));
    expect(files.inFolder('/renders')).toEqual([a, b]);
    expect(files.inFolder('/elsewhere')).toEqual([]);
    files.afterDraft([a, b], stillUnread([b]));
    expect(files.inFolder('/renders')).toEqual([b]);
  });

  it('leaves alone the files of a folder being drafted', () => {
    const files = new UnreadFiles(1000);
    const [frame, other] = ['/renders/shot.1001.exr', '/plates/plate.0001.exr'];
    files.afterDraft([frame, other], stillUnread([frame, other]));
    expect(files.due((folder) => folder === '/renders')).toEqual([other]);
    // Due until a draft says how it went.
    expect(files.due(idle)).toEqual([frame, other]);
  });

  it('reports a file once while it stays unreadable, even when each attempt words it differently, and again after it was read', () => {
    const files = new UnreadFiles(1000);
    const frame = '/renders/shot.1001.exr';
    let attempt = 0;
    const changing = (p: string) => `${p} changed while being read (${++attempt} bytes)`;
    expect(files.afterDraft([frame], stillUnread([frame], changing))).toEqual([`${frame} changed while being read (1 bytes)`]);
    expect(files.afterDraft([frame], stillUnread([frame], changing))).toEqual([]);
    // Read at last, then unreadable again: that is news.
    expect(files.afterDraft([frame], { errors: [], unreadFiles: [], failedFiles: [] })).toEqual([]);
    expect(files.afterDraft([frame], stillUnread([frame], changing))).toEqual([`${frame} changed while being read (3 bytes)`]);
  });

  it('reports a message naming no file once while anything is waiting', () => {
    const files = new UnreadFiles(1000);
    const frame = '/renders/shot.1001.exr';
    const outcome = { errors: ['The folder could not be listed'], unreadFiles: [frame], failedFiles: [] };
    expect(files.afterDraft([frame], outcome)).toEqual(['The folder could not be listed']);
    expect(files.afterDraft([frame], outcome)).toEqual([]);
  });

  it('takes up no readable file, folder or missing path a folder event names', async () => {
    const files = new UnreadFiles(1000);
    const readable = join(tempDir(), 'frame.1001.exr');
    writeFileSync(readable, 'exr');
    const folder = join(tempDir(), 'sub');
    mkdirSync(folder);
    const drafted: string[] = [];
    for (const path of [readable, folder, join(tempDir(), 'gone.exr')]) await files.check(path, (p) => drafted.push(p));
    expect(drafted).toEqual([]);
    expect(files.inFolder(tempDir())).toEqual([]);
  });
});
