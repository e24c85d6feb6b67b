/**
 * The built client as the server sends it: hashed assets with a year of cache, the build's Brotli or gzip copy when
 * the browser accepts it (never to one that does not), and client routes answered with index.html.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../support/test-app.js';

const SCRIPT = `export const greeting = ${JSON.stringify('Bonjour les élus '.repeat(200))};\n`;

describe('built client assets', () => {
  let t: TestApp;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'mutualab-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Mutualab</title><div id="root"></div>');
    const file = join(dist, 'assets', 'index-Ab12Cd34.js');
    writeFileSync(file, SCRIPT);
    writeFileSync(`${file}.gz`, gzipSync(SCRIPT));
    writeFileSync(`${file}.br`, brotliCompressSync(SCRIPT));
    t = await createTestApp({ seed: false, env: { CLIENT_DIST: dist } });
  });

  const get = async (path: string, acceptEncoding?: string) => {
    const res = await t.app.request(`http://localhost${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('sends the Brotli copy to a browser that accepts it, with a year of cache', async () => {
    const { res, bytes } = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(bytes.byteLength).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(bytes).toString()).toBe(SCRIPT);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gz = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gz.bytes).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(plain.bytes.toString()).toBe(SCRIPT);
  });

  it('answers 404 for a missing asset (never index.html, never cached), and index.html for client routes', async () => {
    const missing = await get('/assets/absent-00000000.js', 'br');
    expect(missing.res.status).toBe(404);
    expect(JSON.parse(missing.bytes.toString()).error.code).toBe('not_found');
    expect(missing.res.headers.get('cache-control') ?? '').not.toContain('immutable');
    const route = await get('/projets/quelconque');
    expect(route.res.status).toBe(200);
    expect(route.bytes.toString()).toContain('<div id="root">');
  });
});
