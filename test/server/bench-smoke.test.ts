/**
 * The benchmark harness measures what it claims: a few seconds of trivial load against the reference server and
 * against Mutualab give percentiles and zero loss, and the loss detector fires when a relay drops 1 % of the
 * server→client updates. Not a performance test (no pinning, other test files run alongside): `npm run bench` is.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { runLoad, type LoadSpec } from '../bench/loadgen.js';
import { openTarget, type Target } from '../bench/targets.js';
import { startDropProxy } from '../bench/floors-server.js';
import { mutualabCollabPresent } from '../bench/servers.js';
import { removeDatabases } from '../bench/mutualab-db.js';

const ROOMS = ['bench_smoke_0000'];
const TRIVIAL = { rooms: ROOMS, clientsPerRoom: 4, editsPerSec: 20, caretsPerSec: 2, warmupMs: 500, measureMs: 1500, drainMs: 500, workers: 1 } as const;

async function load(target: Target, url = target.url) {
  const spec: LoadSpec = { ...TRIVIAL, rooms: [...ROOMS], url, params: target.params, waitFor: target.waitFor };
  return runLoad(spec, target.server);
}

// Concurrent: the two servers are independent processes, and the file must stay well under 20 s.
describe.concurrent('benchmark harness (smoke)', () => {
  afterAll(removeDatabases);
  it('measures the reference server, and counts the losses of a relay that drops 1 % of updates', async () => {
    const target = await openTarget('reference', ROOMS);
    try {
      const clean = await load(target);
      expect(clean.latency.n).toBeGreaterThan(100);
      expect(clean.latency.p50).toBeGreaterThan(0);
      expect(clean.latency.p99).toBeGreaterThanOrEqual(clean.latency.p50!);
      expect(clean.lost).toBe(0);
      expect(clean.duplicates).toBe(0);
      expect(clean.server.cpuPercent).toBeGreaterThan(0);
      expect(clean.serverLag?.max).toBeGreaterThanOrEqual(clean.serverLag?.p99 ?? Infinity); // the preloaded probe answered

      const proxy = await startDropProxy(target.url, 100);
      try {
        const lossy = await load(target, proxy.url);
        expect(proxy.dropped()).toBeGreaterThan(0);
        expect(lossy.lost).toBeGreaterThan(0);
      } finally {
        await proxy.close();
      }
    } finally {
      await target.close();
    }
  }, 20_000);

  it.skipIf(!mutualabCollabPresent())('measures Mutualab (real server process, ?token= auth, rows in documents)', async () => {
    const target = await openTarget('mutualab', ROOMS);
    try {
      const r = await load(target);
      expect(r.connectFailures).toBe(0);
      expect(r.latency.n).toBeGreaterThan(100);
      expect(r.latency.p99).toBeGreaterThan(0);
      expect(r.lost).toBe(0);
      expect(r.duplicates).toBe(0);
      expect(r.closes).toEqual({});
    } finally {
      await target.close();
    }
  }, 20_000);
});
