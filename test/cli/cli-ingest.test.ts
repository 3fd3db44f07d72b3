import { spawn } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genlog, genlogUnprivileged, spawnGenlogUnprivileged } from '../support/cli';
import { ok, tempDir, testClient } from '../support/context';
import { createContext } from '../../main/app-context';
import { describeEvent } from '../../main/cli/commands/ingest-commands';
import { A1111_PARAMETERS, captureJpeg, comfyPng, framePng, sparseFile, titanPath, truncatedPng } from '../ingest-api/fixtures';
import { sharedC2paFixture } from '../provenance/helpers/paths';
import { pngWith, tEXt } from '../provenance/helpers/png';

/** A db with SHOW1 and just the tools a test needs (each CLI start costs most of a second). */
function fresh(...tools: string[]) {
  const dir = tempDir('genlog-cli-ingest-');
  const db = join(dir, 'g.db');
  const run = (...args: string[]) => genlog(['--db', db, ...args]);
  expect(run('production', 'add', '--code', 'SHOW1', '--title', 'The Show', '--contact', 'amy@netflix.com').code).toBe(0);
  for (const name of tools) expect(run('tool', 'add', '--name', name, '--hosting', 'local').code).toBe(0);
  const file = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, content);
    return p;
  };
  return { dir, db, run, file };
}

/** The scan a watcher would make, from another GenLog on the same database (a render node): the drafts it made. */
async function scanFromRenderNode(db: string) {
  const other = createContext({ dbPath: db, transport: 'cli', actor: 'render-node' });
  try {
    return ok(await testClient(other).scanWatchFolders({}));
  } finally {
    other.db.close();
  }
}

/** The ISSUES cell of the `inbox list` row whose path holds `pathPart` (long paths are cut short in the table). */
function issuesCell(listing: string, pathPart: string): string | undefined {
  const rows = listing.split('\n');
  const column = rows[0]!.indexOf('ISSUES');
  return rows.find((r) => r.includes(pathPart))?.slice(column, column + 'ISSUES'.length).trim();
}

describe('genlog ingest commands (spawned)', () => {
  it('watch run refuses wait times out of range, naming the flag and what it takes', () => {
    const { run } = fresh();
    const short = run('watch', 'run', '--stable-ms', '5');
    expect(short.code).toBe(2);
    // Said at once, not after announcing that the watcher waits for a folder (this database has none).
    expect(short.stderr).toBe('genlog: --stable-ms must be milliseconds from 10 to 600000, not "5".\n');
    const rescan = run('watch', 'run', '--rescan-ms', '1.5');
    expect(rescan.code).toBe(2);
    expect(rescan.stderr).toContain('--rescan-ms must be 0 (rescan only after a failure) or milliseconds from 1000 to 86400000, not "1.5".');
    // Number() reads these as numbers (0, 16, 1000); nobody means them as a wait.
    for (const [flag, value] of [['--rescan-ms', ''], ['--settle-ms', '0x10'], ['--stable-ms', '1e3']]) {
      expect(run('watch', 'run', flag!, value!)).toMatchObject({ code: 2, stderr: expect.stringContaining(`${flag} must be`) });
    }
  });

  it('log DIR --recursive groups sequences, shows progress on stderr, and never re-reads unchanged files', async () => {
    const { dir, run, file } = fresh('LocalSD');
    for (let f = 1; f <= 3; f++) file(`out/sh050/sh050.${1000 + f}.png`, await framePng(f));
    file('out/ComfyUI_00001_.png', await comfyPng());
    const r = run('--json', 'log', join(dir, 'out'), '--recursive', '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana');
    expect(r.code).toBe(0);
    const assets = r.json();
    expect(assets.map((a: { fileName: string }) => a.fileName).sort()).toEqual(['ComfyUI_00001_.png', 'sh050.####.png']);
    expect(assets.find((a: { fileName: string }) => a.fileName === 'sh050.####.png')).toMatchObject({ frameRange: { first: 1001, last: 1003 }, tool: 'LocalSD', duplicate: false });
    // Every asset in JSON carries frameRange and thumbnail, from `list` as from `log` and `show`.
    const listed = run('--json', 'list').json();
    expect(listed.find((a: { fileName: string }) => a.fileName === 'sh050.####.png')).toMatchObject({ frameRange: { first: 1001, last: 1003 }, thumbnail: expect.any(Boolean) });
    expect(listed.find((a: { fileName: string }) => a.fileName === 'ComfyUI_00001_.png')).toMatchObject({ frameRange: null, thumbnail: expect.any(Boolean) });
    expect(r.stderr).toMatch(/100%\s+4\/4 files/);
    expect(r.stderr).toMatch(/Logged 2 new asset\(s\) \(1 image sequence\(s\)\)/);
    const again = run('log', join(dir, 'out'), '--recursive', '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana');
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/Logged 0 new asset\(s\), 2 already in the log; 4 unchanged file\(s\) not re-read/);
  });

  it('log notes frames numbered twice with other padding, and logs both', async () => {
    const { dir, run, file } = fresh('LocalSD');
    for (let f = 1001; f <= 1003; f++) file(`r/shot.${f}.exr`, await framePng(f));
    file('r/shot.01002.exr', await framePng(9));
    const r = run('log', join(dir, 'r'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Note: ${join(dir, 'r', 'shot.####.exr')} and ${join(dir, 'r', 'shot.01002.exr')} both hold frame 1002, numbered differently (padding or case); they were kept apart: two renders, or one written twice?\n`);
    expect(r.stderr).toMatch(/Logged 2 new asset\(s\)/);
  });

  it('files with content already logged share their asset\'s row, are named on stderr, and carry foundPath in JSON', async () => {
    const { dir, run, file } = fresh('LocalSD');
    const first = file('out/a_take.png', await comfyPng());
    const copy = file('out/b_copy.png', await comfyPng());
    symlinkSync(first, join(dir, 'out', 'c_link.png'));
    const r = run('log', join(dir, 'out'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2); // the header and one row
    expect(r.stderr).toContain(`Same content as asset 1 (${first}), not logged again: ${copy}\n`);
    expect(r.stderr).toContain(`Same content as asset 1 (${first}), not logged again: ${join(dir, 'out', 'c_link.png')}\n`);
    const again = run('--json', 'log', join(dir, 'out'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana').json();
    expect(again.map((a: { id: number; duplicate: boolean; foundPath: string }) => [a.id, a.duplicate, a.foundPath]))
      .toEqual([[1, true, first], [1, true, copy], [1, true, join(dir, 'out', 'c_link.png')]]);
  });

  it('late frames repeating a logged sequence are named on stderr with the frames found and the asset holding them', () => {
    const { dir, run, file } = fresh('LocalSD');
    const frames = ['A', 'B', 'C'].map((c) => Buffer.alloc(600, c));
    frames.forEach((bytes, i) => file(`loop/s.${1001 + i}.exr`, bytes));
    run('log', join(dir, 'loop'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana');
    frames.forEach((bytes, i) => file(`loop/s.${1004 + i}.exr`, bytes));
    const again = run('log', join(dir, 'loop'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana');
    const pattern = join(dir, 'loop', 's.####.exr');
    expect(again.stderr).toContain(`Same content as asset 1 (${pattern}, frames 1001–1003), not logged again: ${pattern}, frames 1004–1006\n`);
    expect(run('--json', 'log', join(dir, 'loop'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana').json()[0]).toMatchObject({ foundFrames: { first: 1004, last: 1006 } });
  });

  it('prints what a file says without its control characters: an ESC sequence in a prompt or a name is written out, not obeyed', async () => {
    const { run, file } = fresh('LocalSD');
    const sneaky = file('sneaky\x1b[2J.png', await pngWith([tEXt('parameters', A1111_PARAMETERS.replace('neon lights', 'a red fox\x1b[31m in snow'))]));
    const printed = run('provenance', sneaky);
    expect(printed.code).toBe(0);
    expect(printed.stdout).not.toContain('\x1b');
    expect(printed.stdout).toContain('a red fox\\u001b[31m in snow');
    expect(printed.stdout).toContain('sneaky\\u001b[2J.png');
    // JSON keeps the exact text, escaped as JSON escapes it.
    expect(JSON.parse(run('--json', 'provenance', sneaky).stdout).a1111.prompt).toContain('a red fox\x1b[31m in snow');
  });

  it('show writes a sequence\'s frame range as its files do, pre-roll frames with their sign', () => {
    const { dir, run, file } = fresh('LocalSD');
    for (const n of ['-003', '-002', '-001', '0000', '0001', '0002']) file(`sim/sim.${n}.exr`, `frame ${n}`);
    const [seq] = run('--json', 'log', join(dir, 'sim'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana').json();
    expect(seq).toMatchObject({ fileName: 'sim.####.exr', frameRange: { first: -3, last: 2 } });
    expect(run('show', String(seq.id)).stdout).toMatch(/frames\s+6 \(-003–0002\), one SHA-256 each/);
  });

  it('log without --tool takes the tool each file names, and exits 1 naming the files that name none', async () => {
    const { run, file } = fresh('ComfyUI');
    const comfy = file('c.png', await comfyPng());
    const plain = file('plain.txt', 'nothing to say');
    const r = run('--json', 'log', comfy, plain, '--production', 'SHOW1', '--by', 'ana');
    expect(r.code).toBe(1);
    expect(r.json()).toEqual([expect.objectContaining({ fileName: 'c.png', tool: 'ComfyUI', prompt: expect.stringMatching(/glass bottle/) })]);
    expect(r.stderr).toMatch(/1 file\(s\) were not logged[\s\S]*plain\.txt[\s\S]*--tool NAME/);
  });

  it('log of numbered frames named one by one makes one sequence asset and says which frames are missing', async () => {
    const { run, file } = fresh('LocalSD');
    const frames = await Promise.all([1001, 1002, 1004].map(async (f) => file(`fx/fx_v01.${f}.exr`, await framePng(f))));
    const r = run('--json', 'log', ...frames, '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([expect.objectContaining({ fileName: 'fx_v01.####.exr', frameRange: { first: 1001, last: 1004 } })]);
    expect(r.stderr).toMatch(/Note: .*fx_v01\.####\.exr has no frame 1003; it was logged with the frames present/);
    // Logged already: the second run logs nothing, so it says nothing about the frames.
    const again = run('log', ...frames, '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana');
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/Note:/);
    // A late frame named on its own (with --tool) is a frame of that sequence, not a file asset; the one already
    // logged, named alone, is the sequence asset itself.
    const late = file('fx/fx_v01.1003.exr', await framePng(1003));
    const [joined] = run('--json', 'log', late, '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana').json();
    expect(joined).toMatchObject({ fileName: 'fx_v01.####.exr', frameRange: { first: 1003, last: 1003 }, duplicate: false, notes: expect.stringMatching(/already logged as asset #1 \(frames 1001, 1002 and 1004\)/) });
    const [known] = run('--json', 'log', frames[0] as string, '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana').json();
    expect(known).toMatchObject({ id: 1, duplicate: true });
  });

  it('a late frame of an unpadded sequence (frame_21.png after frame_1 … frame_20) joins it, and a logged frame is that asset', async () => {
    const { dir, run, file } = fresh('LocalSD');
    for (let f = 1; f <= 20; f++) file(`t/frame_${f}.png`, await framePng(f));
    const [seq] = run('--json', 'log', join(dir, 't'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana').json();
    expect(seq).toMatchObject({ fileName: 'frame_#.png', frameRange: { first: 1, last: 20 } });
    const late = file('t/frame_21.png', await framePng(21));
    const [joined] = run('--json', 'log', late, '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana').json();
    expect(joined).toMatchObject({ fileName: 'frame_#.png', frameRange: { first: 21, last: 21 }, notes: expect.stringContaining(`asset #${seq.id}`) });
    const [known] = run('--json', 'log', join(dir, 't/frame_5.png'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana').json();
    expect(known).toMatchObject({ id: seq.id, duplicate: true });
  });

  it('log DIR leaves out a file it may not read, names it, logs the rest and exits 1; fixed, the same command logs it', async () => {
    const { dir, db, run, file } = fresh('LocalSD');
    for (let f = 1; f <= 3; f++) file(`out/sh060.${1000 + f}.png`, await framePng(f));
    file('out/plate.txt', 'readable');
    const locked = file('out/locked.txt', 'not for everyone');
    chmodSync(locked, 0o000);
    const args = ['--db', db, '--json', 'log', join(dir, 'out'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana'];
    const r = genlogUnprivileged(dir, args);
    expect(r.stderr).toContain(`Skipped ${locked}: cannot be read: permission denied`);
    expect(r.stderr).toMatch(/1 file\(s\) or sequence\(s\) were not logged: a file could not be read/);
    expect(r.code).toBe(1);
    expect(r.json().map((a: { fileName: string }) => a.fileName).sort()).toEqual(['plate.txt', 'sh060.####.png']);
    // Files named one by one stay all or none, frames and variations among them.
    const named = [file('render_0005.png', 'a frame'), file('Firefly_1.jpg', 'a variation'), locked];
    const allOrNone = genlogUnprivileged(dir, ['--db', db, 'log', ...named, '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana']);
    expect(allOrNone.stderr).toContain(`Cannot read "${locked}": permission denied. Nothing was logged.`);
    // Nothing was stopped: no advice that running it again would log them.
    expect(allOrNone.stderr).not.toMatch(/stopped before their batch|run the same command again/i);
    expect(allOrNone.code).toBe(1);
    expect(run('--json', 'list').json()).toHaveLength(2);
    // A subfolder that cannot be read hides files too: named, and the exit code says so.
    const lockedFolder = join(dir, 'out', 'sub');
    file('out/sub/inside.txt', 'unseen');
    chmodSync(lockedFolder, 0o000);
    const partial = genlogUnprivileged(dir, ['--db', db, 'log', join(dir, 'out'), '--recursive', '--exclude', 'locked.txt', '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana']);
    expect(partial.stderr).toContain(`Skipped ${lockedFolder}: permission denied`);
    expect(partial.stderr).toMatch(/1 folder\(s\) or entries could not be read \(listed above\): files in them were not logged/);
    expect(partial.code).toBe(1);
    chmodSync(lockedFolder, 0o755);
    rmSync(lockedFolder, { recursive: true });
    chmodSync(locked, 0o644);
    const again = genlogUnprivileged(dir, args);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/Logged 1 new asset\(s\), 2 already in the log; 4 unchanged file\(s\) not re-read/);
    expect(run('--json', 'list').json().map((a: { fileName: string }) => a.fileName).sort()).toEqual(['locked.txt', 'plate.txt', 'sh060.####.png']);
  });

  it('log of a missing file and a C2PA-signed one exits at once with nothing logged', () => {
    const { dir, run } = fresh('ComfyUI');
    const started = Date.now();
    // The signed file's manifest is still being checked when the missing file fails the request.
    const r = run('log', join(dir, 'missing.png'), titanPath(), '--production', 'SHOW1', '--tool', 'ComfyUI', '--by', 'ana');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.png.*does not exist/);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run('--json', 'list').json()).toEqual([]);
  });

  it('provenance FILE prints what the file says; --json gives the record', async () => {
    const { run, file } = fresh('Amazon Titan Image Generator');
    const r = run('--json', 'provenance', titanPath());
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ matchedTool: 'Amazon Titan Image Generator', summary: { aiGenerated: true, digitalSourceType: 'trainedAlgorithmicMedia' }, c2pa: { validation: { state: 'untrusted' } }, errors: [] });
    const comfy = run('provenance', file('ComfyUI_00001_.png', await comfyPng())).stdout;
    expect(comfy).toMatch(/\n {2}sampler\s+KSampler: euler, normal, 20 steps, CFG 8, denoise 1\n/);
    expect(comfy).toMatch(/\n {2}seed\s+156680208700286\n/);
    const human = run('provenance', titanPath()).stdout;
    expect(human).toMatch(/made by AI\s+yes \(trainedAlgorithmicMedia\)/);
    expect(human).toMatch(/validation\s+untrusted/);
    expect(run('provenance', '/no/such/file.png')).toMatchObject({ code: 1, stderr: expect.stringMatching(/does not exist/) });
    // A folder where a file is wanted is a usage error (exit 2), as the README's exit codes say.
    expect(run('provenance', tmpdir())).toMatchObject({ code: 2, stderr: expect.stringMatching(/it is a folder, not a file/) });
    // A pipe or a device cannot be read, as `log` says of it: exit 1.
    expect(run('provenance', '/dev/null')).toMatchObject({ code: 1, stderr: expect.stringMatching(/dev\/null: it is not a regular file/) });
  });

  it('provenance FILE on a file it may not read exits 1 saying so, rather than printing a record of that error', () => {
    const { dir, db, file } = fresh();
    const locked = file('locked.png', 'pixels');
    chmodSync(locked, 0o000);
    const r = genlogUnprivileged(dir, ['--db', db, '--json', 'provenance', locked]);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: `genlog: Cannot read ${locked}: permission denied.\n` });
  });

  it('watch add/list, then watch run drafts a copied-in file into the inbox; confirm, dismiss; SIGTERM exits 0', async () => {
    const { dir, db, run, file } = fresh('Amazon Titan Image Generator');
    const renders = join(dir, 'renders');
    file('renders/old.png', await framePng(77));
    const added = run('--json', 'watch', 'add', renders, '--production', 'SHOW1', '--by', 'ana', '--class', 'deliverable', '--include', '*.png,*.exr', '--no-recursive');
    expect(added.code).toBe(0);
    expect(added.json()).toMatchObject({ path: renders, artist: 'ana', classification: 'deliverable', include: ['*.png', '*.exr'], recursive: false, tool: null });
    expect(run('--json', 'watch', 'list').json()).toMatchObject([{ path: renders, pendingDrafts: 0 }]);
    expect(run('watch', 'list').stdout).toMatch(/PENDING/);
    expect(run('watch', 'add', join(dir, 'nope'), '--production', 'SHOW1')).toMatchObject({ code: 1, stderr: expect.stringMatching(/does not exist/) });
    // A brace glob is one glob, its comma not a list separator.
    file('braces/a.png', Buffer.from('a'));
    file('braces/b.exr', Buffer.from('b'));
    file('braces/c.txt', Buffer.from('c'));
    expect(run('--json', 'watch', 'add', join(dir, 'braces'), '--production', 'SHOW1', '--include', '*.{png,exr}').json()).toMatchObject({ include: ['*.{png,exr}'] });
    expect(run('--json', 'log', join(dir, 'braces'), '--production', 'SHOW1', '--tool', 'Amazon Titan Image Generator', '--by', 'ana', '--include', '*.{png,exr}').json().map((a: { fileName: string }) => a.fileName).sort()).toEqual(['a.png', 'b.exr']);

    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'genlog.js'), '--db', db, 'watch', 'run', '--stable-ms', '300', '--settle-ms', '200', '--recheck-ms', '200'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const waitFor = async (test: () => boolean, what: string) => {
      const end = Date.now() + 15_000;
      while (!test()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stderr so far:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor(() => /Catch-up scan of .*1 inbox item\(s\) added/.test(stderr), 'the catch-up scan');
      copyFileSync(titanPath(), join(renders, 'titan.png'));
      await waitFor(() => /Inbox #\d+: .*titan\.png/.test(stderr), 'titan.png to reach the inbox');
      // Its only folder paused: the runner says so and keeps running (a render node's service must not end), and
      // picks the folder up again when it is resumed.
      expect(run('watch', 'disable', '1').code).toBe(0);
      await waitFor(() => stderr.includes(`Stopped watching ${renders}: paused or removed`), 'the paused folder to be let go');
      await new Promise((r) => setTimeout(r, 600));
      expect(child.exitCode).toBeNull();
      expect(run('watch', 'enable', '1').code).toBe(0);
      await waitFor(() => stderr.split(`Watching ${renders}`).length === 3, 'the resumed folder to be watched again');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    expect(stderr).toMatch(/Stopped watching/);

    const pending = run('--json', 'inbox', 'list').json();
    expect(pending.map((i: { fileName: string }) => i.fileName).sort()).toEqual(['old.png', 'titan.png']);
    const titan = pending.find((i: { fileName: string }) => i.fileName === 'titan.png');
    expect(titan.prefill).toMatchObject({ matchedTool: 'Amazon Titan Image Generator', artist: 'ana', classification: 'deliverable' });
    const confirmed = run('--json', 'inbox', 'confirm', String(titan.id), '--prompt', 'hero lighthouse');
    expect(confirmed.code).toBe(0);
    expect(confirmed.json().asset).toMatchObject({ tool: 'Amazon Titan Image Generator', prompt: 'hero lighthouse', classification: 'deliverable', createdBy: 'ana', createdAt: '2024-09-25T08:29:07.629Z' });
    expect(confirmed.stderr).toMatch(/logged as asset \d+/);
    const old = pending.find((i: { fileName: string }) => i.fileName === 'old.png');
    expect(run('inbox', 'confirm', String(old.id))).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs a tool/) });
    expect(run('--json', 'inbox', 'dismiss', String(old.id), '--by', 'lead').json()).toMatchObject({ status: 'dismissed', decidedBy: 'lead' });
    expect(run('--json', 'inbox', 'list').json()).toEqual([]);
    expect(run('--json', 'inbox', 'list', '--status', 'all').json()).toHaveLength(2);
    expect(run('inbox', 'list', '--status', 'all').stdout).toMatch(/confirmed #\d+/);
  });

  it('show prints the provenance panel: mismatches and read errors of logged files', async () => {
    const { run, file } = fresh('LocalSD');
    const [plate, broken] = run('--json', 'log', file('plate.jpg', await captureJpeg()), file('broken.png', await truncatedPng()),
      '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana').json();
    expect(run('show', String(plate.id)).stdout).toMatch(/Provenance[\s\S]*made by AI\s+no \(digitalCapture\)[\s\S]*MISMATCH\s+.*logged as a generative-AI asset/);
    expect(run('show', String(broken.id)).stdout).toMatch(/PROVENANCE ERROR\s+\S/);
  });

  it('log says on stderr which new assets failed C2PA validation, contradict how they were logged, or could not be read', async () => {
    const { dir, run, file } = fresh('LocalSD');
    const titan = readFileSync(titanPath());
    titan[titan.length - 100] = (titan[titan.length - 100] as number) ^ 0xff;
    const files = [file('logged/tampered.png', titan), file('logged/plate.jpg', await captureJpeg()), file('logged/broken.png', await truncatedPng())];
    const one = run('--json', 'log', ...files, '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana');
    expect(one.code).toBe(0);
    const [tampered, plate, broken] = one.json();
    expect(one.stderr).toMatch(new RegExp(`Asset ${tampered.id} \\(tampered\\.png\\): C2PA validation FAILED: .*does not match the hash`));
    // Why it failed, not the trust-list note every signed file carries (that one stays in the record).
    expect(one.stderr).not.toMatch(/trust list/);
    expect(one.stderr).toMatch(new RegExp(`Asset ${plate.id} \\(plate\\.jpg\\): provenance MISMATCH: .*logged as a generative-AI asset`));
    expect(one.stderr).toMatch(new RegExp(`Asset ${broken.id} \\(broken\\.png\\): provenance error: `));
    // The same from a folder ingest; files already logged are not reported again.
    file('more/tampered_v002.png', Buffer.concat([titan, Buffer.from('x')]));
    file('more/plate.jpg', await captureJpeg());
    const folder = run('log', join(dir, 'more'), '--recursive', '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana');
    expect(folder.code).toBe(0);
    expect(folder.stderr).toMatch(/\(tampered_v002\.png\): C2PA validation FAILED/);
    expect(folder.stderr).not.toMatch(/plate\.jpg\): provenance/);
    expect(folder.stderr).toContain(`not logged again: ${join(dir, 'more', 'plate.jpg')}\n`);
  });

  it('log raises a C2PA check that could not be made (a damaged time stamp) though the manifest is not invalid, and not the missing trust list', () => {
    const { run, file } = fresh('LocalSD');
    const signed = readFileSync(sharedC2paFixture('trustnxt-icon-signed-timestamp.jpg'));
    const damaged = Buffer.from(signed);
    const token = damaged.indexOf('tstTokens', 0, 'latin1');
    damaged[token + 1254] = (damaged[token + 1254] ?? 0) ^ 0x01; // inside the time stamp token, outside what the claim signs
    const files = [file('stamps/intact.jpg', signed), file('stamps/damaged.jpg', damaged)];
    const logged = run('--json', 'log', ...files, '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana');
    expect(logged.code).toBe(0);
    const [intact, broken] = logged.json();
    expect(logged.stderr).toMatch(new RegExp(`Asset ${broken.id} \\(damaged\\.jpg\\): C2PA validation problem: The time stamp could not be verified`));
    expect(logged.stderr).not.toContain(`Asset ${intact.id} `);
    expect(logged.stderr).not.toMatch(/trust list/);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s (Ctrl+C, a scheduler) during a folder log keeps the finished batches, --json still prints them, and what the scan skipped is named', async (signal) => {
    const { dir, db, run, file } = fresh('LocalSD');
    for (let i = 0; i < 501; i++) file(`big/a${String(i).padStart(4, '0')}.bin`, `file ${i}`);
    symlinkSync(join(dir, 'nowhere.bin'), join(dir, 'big', 'broken-link.bin'));
    // The second batch: tens of seconds of hashing, so Ctrl+C lands in it even on a fast or a busy machine.
    sparseFile(join(dir, 'big'), 'zz_huge.mov', 32 * 1024 * 1024 * 1024);
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'genlog.js'), '--db', db, '--json', 'log', join(dir, 'big'), '--recursive',
      '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const end = Date.now() + 20_000;
      // The first batch (500 files) is committed once the log holds them; the huge file is still being hashed.
      while ((run('--json', 'list', '--limit', '1').json() as unknown[]).length === 0) {
        if (Date.now() > end) throw new Error(`the first batch never committed; stderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      child.kill(signal);
      // Then again while it stops (Ctrl+C pressed twice, or `timeout` signalling the process group too): still a
      // clean stop that reports what it kept, not a kill halfway through.
      const end2 = Date.now() + 20_000;
      while (!/Cancelling/.test(stderr) && Date.now() < end2) await new Promise((r) => setTimeout(r, 5));
      child.kill(signal);
      // Both at once: a run that finished before the signal arrived says so here, not as a bare exit code.
      expect({ code: await exited, cancelled: /Cancelling/.test(stderr) }).toEqual({ code: 1, cancelled: true });
    } finally {
      child.kill('SIGKILL');
    }
    const kept = JSON.parse(stdout) as { id: number; fileName: string }[];
    expect(kept).toHaveLength(500);
    expect(kept.some((a) => a.fileName === 'zz_huge.mov')).toBe(false);
    expect(run('--json', 'list', '--limit', '1000').json()).toHaveLength(500);
    expect(stderr).toContain(`Skipped ${join(dir, 'big', 'broken-link.bin')}: `);
    expect(stderr).toContain('2 file(s) found were not logged: the run stopped before their batch was committed.'); // a0500 and zz_huge.mov
  });

  it('watch run names a file it may not read (the watcher library drops it silently) and drafts a sequence whole once its locked frame can be read', async () => {
    const { dir, db, run } = fresh('LocalSD');
    const renders = join(dir, 'renders');
    mkdirSync(join(renders, 'a'), { recursive: true });
    mkdirSync(join(renders, 'b'));
    expect(run('watch', 'add', renders, '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana').code).toBe(0);
    const child = spawnGenlogUnprivileged(dir, ['--db', db, 'watch', 'run', '--stable-ms', '300', '--settle-ms', '200', '--recheck-ms', '200']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const waitFor = async (test: () => boolean, what: string) => {
      const end = Date.now() + 20_000;
      while (!test()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stderr so far:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    // Written by another account (root here, the render farm there) without read permission for the watcher.
    const locked = (path: string, bytes: Buffer) => {
      writeFileSync(path, bytes);
      if (process.getuid?.() === 0) chownSync(path, 0, 0);
      chmodSync(path, 0o000);
    };
    try {
      await waitFor(() => /Catch-up scan of /.test(stderr), 'the catch-up scan');
      locked(join(renders, 'b', 'lone.png'), await framePng(9));
      await waitFor(() => stderr.includes(`Cannot read "${join(renders, 'b', 'lone.png')}": permission denied`), 'the locked file to be named');
      locked(join(renders, 'a', 'sh.1003.png'), await framePng(3));
      for (const f of [1001, 1002, 1004]) writeFileSync(join(renders, 'a', `sh.${f}.png`), await framePng(f));
      await waitFor(() => stderr.includes(`Cannot read "${join(renders, 'a', 'sh.1003.png')}": permission denied`), 'the locked frame to be named');
      await new Promise((r) => setTimeout(r, 1000));
      // Not drafted without its frame 1003 (that would be a sequence "with a hole", split in two once confirmed).
      expect(run('--json', 'inbox', 'list').json()).toEqual([]);
      chmodSync(join(renders, 'a', 'sh.1003.png'), 0o644);
      await waitFor(() => /Inbox #\d+: .*sh\.####\.png/.test(stderr), 'the whole sequence to be drafted');
      expect(stderr).toMatch(/Inbox #\d+: .*sh\.####\.png \[4 frames 1001–1004\]/);
      expect(run('--json', 'inbox', 'list').json()).toMatchObject([{ fileName: 'sh.####.png', frameRange: { first: 1001, last: 1004 } }]);
      expect(stderr.split(`Cannot read "${join(renders, 'b', 'lone.png')}"`)).toHaveLength(2); // named once
      expect(stderr).toContain(`Cannot read "${join(renders, 'b', 'lone.png')}": permission denied; it is tried again when it changes, and at the next scan`);
      expect(stderr).not.toMatch(/EACCES: permission denied, watch/); // the watcher library's own words stay inside
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('inbox show names the asset a late frame\'s draft continues, as confirming will log it', async () => {
    const { dir, db, run, file } = fresh('LocalSD');
    for (let f = 1001; f <= 1003; f++) file(`r/sh070.${f}.png`, await framePng(f));
    const [seq] = run('--json', 'log', join(dir, 'r'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana').json();
    file('r/sh070.1004.png', await framePng(1004));
    expect(run('watch', 'add', join(dir, 'r'), '--production', 'SHOW1', '--tool', 'LocalSD').code).toBe(0);
    expect((await scanFromRenderNode(db))[0]?.found).toHaveLength(1);
    const [item] = run('--json', 'inbox', 'list').json() as { id: number }[];
    expect(run('inbox', 'show', String(item!.id)).stdout).toContain(`\nNotes: Frame 1004 of sh070.####.png, which is already logged as asset #${seq.id} (frames 1001–1003).\n`);
  });

  it('log of files whose drafts wait in the inbox says they were confirmed, and the inbox no longer lists them', async () => {
    const { dir, db, run, file } = fresh('LocalSD');
    for (let f = 1001; f <= 1003; f++) file(`r/sh080.${f}.png`, await framePng(f));
    file('r/still.png', await framePng(5));
    expect(run('watch', 'add', join(dir, 'r'), '--production', 'SHOW1', '--tool', 'LocalSD').code).toBe(0);
    await scanFromRenderNode(db);
    expect(run('--json', 'inbox', 'list').json()).toHaveLength(2);
    const logged = run('log', join(dir, 'r'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'node7');
    expect(logged).toMatchObject({ code: 0, stderr: expect.stringContaining('2 draft(s) of these files waiting in the inbox were marked confirmed as the assets logged now.\n') });
    expect(run('--json', 'inbox', 'list').json()).toEqual([]);
    expect(run('--json', 'inbox', 'list', '--status', 'all').json()).toMatchObject([{ status: 'confirmed', decidedBy: 'node7' }, { status: 'confirmed', decidedBy: 'node7' }]);
    // Logged again: nothing was waiting, so nothing is said.
    expect(run('log', join(dir, 'r'), '--production', 'SHOW1', '--tool', 'LocalSD').stderr).not.toMatch(/draft/);
  });

  it('a watched file whose C2PA time stamp could not be verified counts as an issue in inbox list and watch run, as a failure does', async () => {
    const { dir, db, run, file } = fresh('LocalSD');
    const signed = readFileSync(sharedC2paFixture('trustnxt-icon-signed-timestamp.jpg'));
    const damaged = Buffer.from(signed);
    const token = damaged.indexOf('tstTokens', 0, 'latin1');
    damaged[token + 1254] = (damaged[token + 1254] ?? 0) ^ 0x01; // inside the time stamp token, outside what the claim signs
    file('w/intact.jpg', signed);
    file('w/stamp.jpg', damaged);
    expect(run('watch', 'add', join(dir, 'w'), '--production', 'SHOW1', '--tool', 'LocalSD').code).toBe(0);
    const found = (await scanFromRenderNode(db))[0]!.found;
    const line = (name: string) => describeEvent({ type: 'found', item: found.find((i) => i.fileName === name)! });
    expect(line('stamp.jpg')).toMatch(/stamp\.jpg \(.*\), C2PA check incomplete\.\n$/);
    expect(line('intact.jpg')).toMatch(/intact\.jpg \([^)]*\)\.\n$/);
    const listing = run('inbox', 'list').stdout;
    expect(issuesCell(listing, '/w/stamp')).toBe('1');
    expect(issuesCell(listing, '/w/intac')).toBe('');
  });

  it('inbox dismiss of a file that says AI made it says so, and the dismissed item keeps it as a mismatch; a dismissed camera plate has none', async () => {
    const { dir, db, run, file } = fresh('LocalSD');
    file('w/titan.png', readFileSync(titanPath()));
    file('w/plate.jpg', await captureJpeg());
    expect(run('watch', 'add', join(dir, 'w'), '--production', 'SHOW1', '--tool', 'LocalSD').code).toBe(0);
    await scanFromRenderNode(db);
    const pending = run('--json', 'inbox', 'list').json() as { id: number; fileName: string; provenance: { mismatches: string[] } }[];
    const titan = pending.find((i) => i.fileName === 'titan.png')!;
    const plate = pending.find((i) => i.fileName === 'plate.jpg')!;
    expect(titan.provenance.mismatches).toEqual([]);
    expect(plate.provenance.mismatches).toEqual([expect.stringMatching(/logged as a generative-AI asset/)]);

    const dismissedAi = run('--json', 'inbox', 'dismiss', String(titan.id), '--by', 'lead');
    expect(dismissedAi.code).toBe(0);
    expect(dismissedAi.stderr).toMatch(new RegExp(`Inbox #${titan.id} \\(titan\\.png\\): provenance MISMATCH: Dismissed, so neither logged nor disclosed, but its C2PA manifest records a c2pa\\.created action`));
    expect(dismissedAi.json().provenance.mismatches).toHaveLength(1);
    const dismissedPlate = run('--json', 'inbox', 'dismiss', String(plate.id));
    expect(dismissedPlate.stderr).not.toMatch(/MISMATCH/);
    expect(dismissedPlate.json().provenance.mismatches).toEqual([]);
    const listing = run('inbox', 'list', '--status', 'dismissed').stdout;
    expect(issuesCell(listing, '/w/tit')).toBe('1');
    expect(issuesCell(listing, '/w/pla')).toBe('');
    // Dismissed by mistake: back in the inbox, waiting.
    expect(run('--json', 'inbox', 'reopen', String(plate.id)).json()).toMatchObject({ id: plate.id, status: 'pending', decidedBy: null });
    expect(run('inbox', 'reopen', String(plate.id))).toMatchObject({ code: 1, stderr: `genlog: Inbox item ${plate.id} is waiting already.\n` });
  });

  /** `genlog inbox show` of the draft a watch folder makes of plate.NNNN.png frames `frames`. */
  async function shownSequenceDraft(frames: number[]): Promise<string> {
    const { dir, db, run, file } = fresh('LocalSD');
    for (const f of frames) file(`r/plate.${String(f).padStart(4, '0')}.png`, await framePng(f));
    expect(run('watch', 'add', join(dir, 'r'), '--production', 'SHOW1', '--tool', 'LocalSD').code).toBe(0);
    await scanFromRenderNode(db);
    const [item] = run('--json', 'inbox', 'list').json() as { id: number }[];
    return run('inbox', 'show', String(item!.id)).stdout;
  }

  it('inbox show names the frames a sequence draft lacks, written as its files write them', async () => {
    const shown = await shownSequenceDraft([1, 2, 4, 7]);
    expect(shown).toContain('4 frames 0001–0007 (3 missing)');
    expect(shown).toContain('\nMissing frames: 0003, 0005, 0006\n');
  });

  it('inbox show counts the missing frames of a sequence with a long hole instead of listing every one', async () => {
    expect(await shownSequenceDraft([1, 2, 50])).toContain('\nMissing frames: 47, from 0003 to 0049\n');
  });

  it('Ctrl+C while files named one by one are hashed says nothing will be logged (they are all or none) and logs nothing', async () => {
    const { dir, db, run } = fresh('LocalSD');
    const huge = sparseFile(dir, 'huge_plate.mov', 32 * 1024 * 1024 * 1024);
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'genlog.js'), '--db', db, 'log', huge,
      '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      // The first progress line (after 2 s off a terminal) shows the cancel handler is in place and hashing runs.
      const end = Date.now() + 20_000;
      while (!/files, /.test(stderr)) {
        if (Date.now() > end) throw new Error(`no progress; stderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      child.kill('SIGINT');
      expect(await exited).toBe(1);
    } finally {
      child.kill('SIGKILL');
    }
    expect(stderr).toContain('Cancelling: the files named are logged all or none, so nothing will be logged');
    expect(run('--json', 'list').json()).toEqual([]);
  });

  it('watch run without any watch folder says how to add one, waits, and watches the first one added', async () => {
    const { dir, db, run, file } = fresh('LocalSD');
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'genlog.js'), '--db', db, 'watch', 'run', '--stable-ms', '300', '--settle-ms', '200', '--recheck-ms', '200'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const waitFor = async (test: () => boolean, what: string) => {
      const end = Date.now() + 15_000;
      while (!test()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stderr so far:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      // A render node's service started before anyone set up a folder.
      await waitFor(() => stderr.includes('No watch folders yet: waiting for one (add it with genlog watch add DIR --production CODE'), 'the waiting message');
      file('renders/first.png', await framePng(5));
      expect(run('watch', 'add', join(dir, 'renders'), '--production', 'SHOW1', '--tool', 'LocalSD', '--by', 'ana').code).toBe(0);
      await waitFor(() => /Inbox #\d+: .*first\.png/.test(stderr), 'the file in the folder added to be drafted');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
