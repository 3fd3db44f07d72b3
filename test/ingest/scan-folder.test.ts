import { mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { scanFolder, type ScanSkip } from '../../main/ingest/scan-folder';
import { useTempDir } from './temp-dir';

// Running as root (as CI containers do) makes chmod useless for an unreadable folder, so readdir is told to
// refuse the folders listed here exactly as the OS would.
const { lockedFolders } = vi.hoisted(() => ({ lockedFolders: new Set<string>() }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readdir = (async (path: string, options: unknown) => {
    if (lockedFolders.has(String(path))) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
    return (actual.readdir as (path: string, options: unknown) => Promise<unknown>)(path, options);
  }) as typeof actual.readdir;
  return { ...actual, readdir, default: { ...actual, readdir } };
});

const tempDir = useTempDir('scan-folder');

describe('scanFolder', () => {
  let root = '';
  beforeAll(() => {
    root = join(tempDir(), 'job');
    const files: Record<string, string> = {
      'a.exr': 'aaaa',
      'b.png': 'bb',
      'notes.txt': 'n',
      '.DS_Store': 'x',
      '.git/config': 'x',
      'Thumbs.db': 'windows thumbnail cache',
      'sub/desktop.ini': '[.ShellClassInfo]',
      'sub/c.exr': 'ccc',
      'sub/deeper/d.exr': 'dddddd',
      'sub/cache/e.exr': 'e',
      'sub/cache/f.png': 'f',
      'locked/g.exr': 'g',
    };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), content);
    }
    symlinkSync(root, join(root, 'loop'));
    symlinkSync(join(root, 'sub'), join(root, 'another-sub'));
    symlinkSync(join(root, 'a.exr'), join(root, 'alias.exr'));
    symlinkSync(join(root, 'missing.exr'), join(root, 'dangling.exr'));
    lockedFolders.add(join(root, 'locked'));
  });

  async function scan(options: Parameters<typeof scanFolder>[1]) {
    const skipped: ScanSkip[] = [];
    const files = await scanFolder(root, { ...options, onSkip: (skip) => skipped.push(skip) });
    return { names: files.map((file) => relative(root, file.path)), files, skipped: skipped.map((skip) => [relative(root, skip.path), skip.reason, skip.unread]) };
  }

  it('lists only the top folder when not recursive, without hidden files or the OS\'s own (Thumbs.db, desktop.ini)', async () => {
    const { names, skipped } = await scan({ recursive: false });
    expect(names).toEqual(['a.exr', 'alias.exr', 'b.png', 'notes.txt']);
    expect(skipped).toEqual([['dangling.exr', 'broken symbolic link', false]]);
  });

  it('walks subfolders when recursive, reporting loops, second links and unreadable folders (marked unread) instead of failing', async () => {
    const { names, skipped } = await scan({ recursive: true });
    expect(names).toEqual(['a.exr', 'alias.exr', 'b.png', 'notes.txt', 'sub/c.exr', 'sub/cache/e.exr', 'sub/cache/f.png', 'sub/deeper/d.exr']);
    expect(skipped).toHaveLength(4);
    expect(skipped).toEqual(
      expect.arrayContaining([
        // Only the unreadable folder may hide files that were not listed.
        ['dangling.exr', 'broken symbolic link', false],
        ['locked', 'permission denied', true],
        ['loop', 'symbolic link to a folder already scanned (a loop or a second link)', false],
        ['another-sub', 'symbolic link to a folder already scanned (a loop or a second link)', false],
      ]),
    );
  });

  it('follows a link out to another folder, but not one leading back (up -> .., l1 -> .), nor links leading to one another', async () => {
    const base = join(tempDir(), 'links');
    const shot = join(base, 'shot');
    const plates = join(tempDir(), 'plates');
    const files: [string, string][] = [[join(shot, 'c.png'), 'c'], [join(base, 'outside.png'), 'o'], [join(base, 'sibling', 'o2.png'), 'o2'], [join(plates, 'sh010', 'p.exr'), 'p']];
    for (const [path, content] of files) {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, content);
    }
    symlinkSync('..', join(shot, 'up'));
    symlinkSync('.', join(shot, 'l1'));
    symlinkSync('.', join(shot, 'l2'));
    symlinkSync('b', join(shot, 'a'));
    symlinkSync('a', join(shot, 'b'));
    symlinkSync(plates, join(shot, 'plates'));
    // Inside the linked folder: a loop back to it, and a second way into a folder of it.
    symlinkSync('..', join(plates, 'sh010', 'back'));
    symlinkSync('sh010', join(plates, 'latest'));
    const skipped: ScanSkip[] = [];
    const found = await scanFolder(shot, { recursive: true, onSkip: (skip) => skipped.push(skip) });
    expect(found.map((f) => relative(shot, f.path))).toEqual(['c.png', 'plates/sh010/p.exr']);
    expect(skipped.map((skip) => [relative(shot, skip.path), skip.reason, skip.unread]).sort()).toEqual([
      ['a', 'symbolic link loop (it leads back to itself)', false],
      ['b', 'symbolic link loop (it leads back to itself)', false],
      ['l1', 'symbolic link to a folder already scanned (a loop or a second link)', false],
      ['l2', 'symbolic link to a folder already scanned (a loop or a second link)', false],
      ['plates/latest', 'symbolic link to a folder already scanned (a loop or a second link)', false],
      ['plates/sh010/back', 'symbolic link to a folder already scanned (a loop or a second link)', false],
      ['up', 'symbolic link to a folder holding the one being scanned (a loop: it leads out and back in)', false],
    ]);
  });

  it('returns size and modification time of each file', async () => {
    const { files } = await scan({ recursive: true });
    const deep = files.find((file) => file.path.endsWith('d.exr'));
    const onDisk = statSync(join(root, 'sub/deeper/d.exr'));
    expect(deep).toEqual({ path: join(root, 'sub/deeper/d.exr'), size: 6, mtimeMs: onDisk.mtimeMs });
  });

  it('lists files in number order, so assets get their ids as the files are numbered (v2 before v10)', async () => {
    const numbered = join(tempDir(), 'numbered');
    mkdirSync(join(numbered, 'take_10'), { recursive: true });
    mkdirSync(join(numbered, 'take_9'), { recursive: true });
    for (const name of ['plate_v10.bin', 'plate_v2.bin', 'plate_v1.bin', 'take_10/a.bin', 'take_9/a.bin']) writeFileSync(join(numbered, name), name);
    const files = await scanFolder(numbered, { recursive: true });
    expect(files.map((f) => relative(numbered, f.path))).toEqual(['plate_v1.bin', 'plate_v2.bin', 'plate_v10.bin', 'take_9/a.bin', 'take_10/a.bin']);
  });

  it('keeps only included files; a glob without "/" matches names in any folder', async () => {
    expect((await scan({ recursive: true, include: ['*.exr'] })).names).toEqual(['a.exr', 'alias.exr', 'sub/c.exr', 'sub/cache/e.exr', 'sub/deeper/d.exr']);
    expect((await scan({ recursive: true, include: ['sub/**/*.png', 'notes.txt'] })).names).toEqual(['notes.txt', 'sub/cache/f.png']);
  });

  it('leaves out excluded files and never enters excluded folders', async () => {
    const { names } = await scan({ recursive: true, include: ['*.exr', '*.png'], exclude: ['sub/cache/**', 'alias.*'] });
    expect(names).toEqual(['a.exr', 'b.png', 'sub/c.exr', 'sub/deeper/d.exr']);
    expect((await scan({ recursive: true, exclude: ['cache', 'deeper'] })).names).not.toContain('sub/cache/e.exr');
  });

  it('throws a clear error for a missing, unreadable or non-folder path', async () => {
    const missing = join(tempDir(), 'nowhere');
    await expect(scanFolder(missing, { recursive: true })).rejects.toThrow(`Cannot scan "${missing}": it does not exist`);
    await expect(scanFolder(join(root, 'a.exr'), { recursive: true })).rejects.toThrow('it is a file, not a folder');
    await expect(scanFolder(join(root, 'locked'), { recursive: true })).rejects.toThrow(`Cannot scan "${join(root, 'locked')}": permission denied`);
  });

  it('matches globs ignoring case, and passes over C2PA sidecar manifests (read as the provenance of the file beside them)', async () => {
    const mixed = join(tempDir(), 'mixed');
    for (const name of ['Deep.PNG', 'deep.png', 'icon.jpg', 'icon.c2pa', 'still.png.C2PA', 'Cache/x.png']) {
      mkdirSync(join(mixed, name, '..'), { recursive: true });
      writeFileSync(join(mixed, name), name);
    }
    const names = async (options: Parameters<typeof scanFolder>[1]) => (await scanFolder(mixed, options)).map((f) => relative(mixed, f.path));
    expect(await names({ recursive: true, include: ['*.png', '*.JPG'], exclude: ['cache/**'] })).toEqual(['Deep.PNG', 'deep.png', 'icon.jpg']);
    expect(await names({ recursive: false })).toEqual(['Deep.PNG', 'deep.png', 'icon.jpg']);
  });

  it('names a file whose name is not valid UTF-8 as one to rename, not as missing', async () => {
    const latin1 = join(tempDir(), 'latin1');
    mkdirSync(latin1);
    writeFileSync(Buffer.concat([Buffer.from(`${latin1}/caf`), Buffer.from([0xe9]), Buffer.from('.png')]), 'pixels');
    const skipped: ScanSkip[] = [];
    expect(await scanFolder(latin1, { recursive: false, onSkip: (s) => skipped.push(s) })).toEqual([]);
    expect(skipped).toEqual([{ path: join(latin1, 'caf\uFFFD.png'), reason: expect.stringMatching(/^its name is not valid UTF-8 text .*: rename it$/), unread: true }]);
  });

  it('refuses an empty glob', async () => {
    await expect(scanFolder(root, { recursive: true, include: ['*.exr', ' '] })).rejects.toThrow('Invalid folder scan glob: " "');
  });
});
