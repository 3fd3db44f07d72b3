import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodTable } from '../../main/api/table';
import { startServer, type RunningServer } from '../../main/server/http-server';
import { seedCatalog, tempDir, testClient, testContext } from '../support/context';

interface Reply { status: number; body: string; headers: Record<string, unknown> }

function send(s: RunningServer, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: s.port, path, method: opts.method ?? 'POST', headers: { host: `127.0.0.1:${s.port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('genlog serve', () => {
  let s: RunningServer;
  const ctx = testContext();
  const staticDir = tempDir();
  beforeAll(async () => {
    await seedCatalog(testClient(ctx));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>GenLog</title>');
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    s = await startServer({ ctx, table: methodTable, staticDir });
  });
  afterAll(() => s.close());
  const auth = () => ({ authorization: `Bearer ${s.token}`, 'content-type': 'application/json' });

  it('listens on 127.0.0.1 only and prints a URL carrying a random token', () => {
    expect(s.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/?token=${s.token}`);
    expect(s.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers API calls that carry the token', async () => {
    const r = await send(s, '/api/listProductions', { headers: auth(), body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: [{ code: 'SHOW1' }] });
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect((await send(s, '/api/listProductions', { body: '{}' })).status).toBe(401);
    expect((await send(s, '/api/listProductions', { headers: { authorization: 'Bearer nope' }, body: '{}' })).status).toBe(401);
    expect((await send(s, '/api/listProductions', { headers: { authorization: `Bearer ${s.token}x` }, body: '{}' })).status).toBe(401);
  });

  it('refuses a foreign Host or Origin with 403, even with the token (DNS rebinding, cross-site pages)', async () => {
    expect((await send(s, '/api/listProductions', { headers: { ...auth(), host: `evil.example:${s.port}` }, body: '{}' })).status).toBe(403);
    expect((await send(s, '/api/listProductions', { headers: { ...auth(), origin: 'https://evil.example' }, body: '{}' })).status).toBe(403);
    expect((await send(s, '/api/listProductions', { headers: { ...auth(), origin: `http://localhost:${s.port}` }, body: '{}' })).status).toBe(200);
    expect((await send(s, '/', { method: 'GET', headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('rejects malformed JSON and bad input without writing', async () => {
    const r = await send(s, '/api/addProduction', { headers: auth(), body: '{not json' });
    expect(r.status).toBe(400);
    const bad = await send(s, '/api/addProduction', { headers: auth(), body: JSON.stringify({ code: 'X' }) });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await testClient(ctx).listProductions({})).ok && (await testClient(ctx).listProductions({}))).toMatchObject({ value: [{ code: 'SHOW1' }] });
  });

  it('hashes an upload as it streams and lets the browser log it by staged id', async () => {
    const bytes = Buffer.alloc(300_000, 3);
    const up = JSON.parse((await send(s, '/api/upload?name=../../etc/plate.png', { headers: { authorization: `Bearer ${s.token}` }, body: bytes })).body);
    expect(up.value).toMatchObject({ fileName: 'plate.png', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const logged = JSON.parse((await send(s, '/api/logAssets', { headers: auth(), body: JSON.stringify({ files: [{ stagedId: up.value.stagedId }], production: 'SHOW1', tool: 'Firefly' }) })).body);
    expect(logged).toMatchObject({ ok: true, value: [{ fileName: 'plate.png', mediaType: 'image', size: bytes.length }] });
    expect((await send(s, '/api/upload?name=x', { body: bytes })).status).toBe(401);
  });

  it('serves the UI with a strict CSP and never files outside its folder', async () => {
    const index = await send(s, '/', { method: 'GET' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(/default-src 'self'; script-src 'self'/);
    expect((await send(s, '/assets/app.js', { method: 'GET' })).body).toBe('console.log(1)');
    const escape = await send(s, '/..%2f..%2f..%2fetc%2fpasswd', { method: 'GET' });
    expect(escape.body).not.toMatch(/root:/);
  });
});
