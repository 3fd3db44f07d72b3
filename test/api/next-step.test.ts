import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../main/api/context';
import { insertInboxItem } from '../../db/inbox';
import { ingestFolder } from '../../main/services/ingest/folder-ingest';
import { ok, seedCatalog, testClient, testContext, writeFile } from '../support/context';

/** Errors that say what to do next, as the CLI and as the app (desktop or browser) get them. */
async function messages(transport: ApiContext['transport']): Promise<string[]> {
  const ctx = testContext({ transport });
  contexts.push(ctx);
  const api = testClient(ctx);
  await seedCatalog(api);
  const dir = join(ctx.dataDir, 'work');
  mkdirSync(join(dir, 'empty', 'sub'), { recursive: true });
  writeFile(join(dir, 'empty', 'sub'), 'a.png', 'x');
  mkdirSync(join(dir, 'renders', 'shots'), { recursive: true });
  const file = writeFile(dir, 'b.png', 'y');
  const id = insertInboxItem(ctx.db, {
    watchId: null, kind: 'file', path: file, fileName: 'b.png', size: 1, mtimeMs: 1, sha256: 'a'.repeat(64), mediaType: 'image',
    frames: null, provenance: null, prefill: JSON.stringify({ production: 'SHOW1', tool: null }), foundAt: '2026-11-23T10:00:00.000Z',
  })!;
  ok(await api.addWatchFolder({ path: join(dir, 'renders', 'shots'), production: 'SHOW1' }));
  const failures = await Promise.all([
    api.logAssets({ files: [{ path: file }], production: 'NOPE', tool: 'Firefly' }),
    api.logAssets({ files: [{ path: file }], production: 'SHOW1', tool: 'Nope' }),
    api.addWatchFolder({ path: join(dir, 'renders'), production: 'SHOW1' }),
    api.confirmInbox({ id }),
  ]);
  const folder = await ingestFolder(ctx, { paths: [join(dir, 'empty')], recursive: false, production: 'SHOW1', tool: 'Firefly', by: 'ana', prompt: '', notes: '', episode: '' })
    .then(() => 'logged', (error: Error) => error.message);
  return [...failures.map((f) => (f.ok ? 'ok' : f.error.message)), folder];
}

const contexts: ApiContext[] = [];
afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.db.close();
});

describe('a folder with nothing to log', () => {
  it('names the filters that left everything out, and mentions subfolders only when there are some', async () => {
    const ctx = testContext({ transport: 'cli' });
    contexts.push(ctx);
    await seedCatalog(testClient(ctx));
    const dir = join(ctx.dataDir, 'seq');
    mkdirSync(dir);
    writeFile(dir, 'shot.1001.exr', 'x');
    const base = { production: 'SHOW1', tool: 'Firefly', by: 'ana', prompt: '', notes: '', episode: '', recursive: false };
    await expect(ingestFolder(ctx, { ...base, paths: [dir], include: ['*.png'] }))
      .rejects.toThrow(`No files to log in ${dir} matching *.png.`);
    await expect(ingestFolder(ctx, { ...base, paths: [dir], exclude: ['*.exr'] }))
      .rejects.toThrow(`No files to log in ${dir} once *.exr is left out.`);
    // A glob leaving out everything is refused before the folder is read, as a watch folder's is.
    mkdirSync(join(dir, 'sub'));
    for (const exclude of [['*.tmp', '**'], ['*']]) {
      expect(await testClient(ctx).startIngest({ ...base, paths: [dir], exclude })).toEqual({ ok: false, error: { code: 'invalid_input',
        message: `exclude: "${exclude.at(-1)}" leaves out every file, so nothing would be logged, whatever the folder holds. Name only what to leave out, such as "tmp/**" or "*.tmp".` } });
    }
    // Subfolders are advised only when they hold files the same filters take.
    writeFile(join(dir, 'sub'), 'deeper.exr', 'x');
    await expect(ingestFolder(ctx, { ...base, paths: [dir], exclude: ['*.exr'] }))
      .rejects.toThrow(`No files to log in ${dir} once *.exr is left out (nor do its subfolders).`);
    writeFile(join(dir, 'sub'), 'deeper.png', 'x');
    await expect(ingestFolder(ctx, { ...base, paths: [dir], include: ['*.png'] }))
      .rejects.toThrow(`No files to log in ${dir} matching *.png (it has subfolders: add --recursive to include them).`);
  });
});

describe('paths typed in the app', () => {
  it('must be full paths: there is no working folder a person can see; the CLI takes them from where it runs', async () => {
    const app = testContext({ transport: 'http' });
    contexts.push(app);
    const api = testClient(app);
    await seedCatalog(api);
    expect(await api.addWatchFolder({ path: 'renders/sh010', production: 'SHOW1' }))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Give the folder\'s full path (like /mnt/renders/sh010 or D:\\renders\\sh010), not "renders/sh010".' } });
    await expect(ingestFolder(app, { paths: ['renders'], recursive: true, production: 'SHOW1', tool: 'Firefly', by: 'a', prompt: '', notes: '', episode: '' }))
      .rejects.toThrow(/full path/);
    const cli = testContext({ transport: 'cli' });
    contexts.push(cli);
    await seedCatalog(testClient(cli));
    expect(await testClient(cli).addWatchFolder({ path: 'surely-not-here', production: 'SHOW1' }))
      .toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Cannot watch \/.*surely-not-here: it does not exist\.$/) } });
  });
});

describe('what to do next, in the words of the caller', () => {
  it('the CLI is told commands and flags', async () => {
    const [production, tool, watch, inbox, folder] = await messages('cli');
    expect(production).toMatch(/Add it first \(genlog production add\)/);
    expect(tool).toMatch(/Add it first \(genlog tool add\)/);
    expect(watch).toMatch(/add this one with --no-recursive/);
    expect(inbox).toMatch(/Confirm it with a tool \(--tool NAME\)/);
    expect(folder).toMatch(/it has subfolders: add --recursive to include them/);
  });

  it('the app is told pages and controls, never command-line syntax', async () => {
    const all = await messages('http');
    const [production, tool, watch, inbox, folder] = all;
    expect(production).toMatch(/Add it first \(Productions page\)/);
    expect(tool).toMatch(/Add it first \(AI tools page\)/);
    expect(watch).toMatch(/add this one without "Include subfolders"/);
    expect(inbox).toMatch(/Choose its AI tool, then confirm it/);
    expect(folder).toMatch(/tick "Include subfolders"/);
    for (const message of all) expect(message).not.toMatch(/--[a-z]|genlog [a-z]/);
  });
});
