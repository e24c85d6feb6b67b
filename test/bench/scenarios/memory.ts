/**
 * Scenario 5, memory: server RSS per idle connection (ramp to 2,000 connections spread over rooms that are already
 * loaded, so the slope is the connection's own cost) and per loaded room for three document sizes.
 */
import * as Y from 'yjs';
import type { Worker } from 'node:worker_threads';
import { spawnTsWorker } from '../loadgen.js';
import { openClient, type OpenedClient } from '../client.js';
import { writeSnapshot } from '../mutualab-db.js';
import { memory } from '../proc.js';
import { openTarget, type Target, type TargetName } from '../targets.js';
import { sizedDocuments } from '../trace.js';
import { ratio, round, sleep } from '../util.js';
import { TRACE_ATTRIBUTION, type ScenarioReport } from '../report.js';
import type { WorkerInput } from '../worker.js';

/** Holds `clients` idle connections in a worker until `release()`. */
async function hold(target: Target, clients: WorkerInput['clients']): Promise<{ failed: number; release(): Promise<void> }> {
  const w: Worker = spawnTsWorker(new URL('../worker.ts', import.meta.url), { url: target.url, params: target.params, clients, editsPerSec: 0, caretsPerSec: 0, waitFor: target.waitFor } satisfies WorkerInput);
  const failed = await new Promise<number>((resolve, reject) => {
    w.on('message', (m) => m.type === 'connected' && resolve(m.failed));
    w.once('error', reject);
  });
  return { failed, release: async () => void (await w.terminate()) };
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  const num = points.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0);
  const den = points.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  return den ? num / den : 0;
}

/** RSS after letting the server settle (garbage of the ramp is collected lazily; this only reduces the noise). */
async function settledRss(pid: number): Promise<number> {
  await sleep(1000);
  return memory(pid).rss;
}

async function perConnection(name: TargetName, rooms: number, total: number, step: number): Promise<{ bytes: number; points: [number, number][]; failed: number }> {
  const ids = Array.from({ length: rooms }, (_, i) => `bench_mem_${String(i).padStart(4, '0')}`);
  const target = await openTarget(name, ids);
  const held: { release(): Promise<void> }[] = [];
  let failed = 0;
  try {
    let next = 0;
    const add = async (n: number) => {
      const clients = Array.from({ length: n }, (_, i) => ({ id: next + i, room: ids[(next + i) % rooms] }));
      next += n;
      const h = await hold(target, clients);
      failed += h.failed;
      held.push(h);
    };
    await add(rooms); // every room loaded once: the ramp then measures connections, not rooms
    const points: [number, number][] = [[next, await settledRss(target.server.pid)]];
    while (next < total) {
      await add(Math.min(step, total - next));
      points.push([next, await settledRss(target.server.pid)]);
    }
    return { bytes: slope(points), points, failed };
  } finally {
    for (const h of held) await h.release();
    await target.close();
  }
}

async function perRoom(name: TargetName, state: Uint8Array, rooms: number): Promise<number> {
  const ids = Array.from({ length: rooms }, (_, i) => `bench_room_${String(i).padStart(4, '0')}`);
  const target = await openTarget(name, ids, {});
  const open: OpenedClient[] = [];
  try {
    if (target.dbPath) {
      // Mutualab: the content is on disk, as for any real document; stop, write snapshots, restart.
      await target.close();
      for (const id of ids) writeSnapshot(target.dbPath, id, state);
      Object.assign(target, await openTarget(name, ids, { dbPath: target.dbPath }));
    }
    const before = await settledRss(target.server.pid);
    for (const id of ids) {
      const c = await openClient(target.url, id, target.params);
      // The reference is in memory: its content arrives from the first client.
      if (!target.dbPath) Y.applyUpdate(c.doc, state);
      open.push(c);
    }
    const after = await settledRss(target.server.pid);
    return (after - before) / rooms;
  } finally {
    for (const c of open) c.close();
    await target.close();
  }
}

/** Runs scenario 5 against each target. */
export async function memoryScenario(targets: TargetName[], opts: { connections: number; step: number; rooms: number }, log: (s: string) => void): Promise<ScenarioReport> {
  const docs = sizedDocuments();
  const res: Record<string, { conn: Awaited<ReturnType<typeof perConnection>>; small: number; medium: number; large: number }> = {};
  for (const name of targets) {
    const conn = await perConnection(name, opts.rooms, opts.connections, opts.step);
    log(`  ${name}: ${round(conn.bytes / 1024, 1)} kB per idle connection (${conn.failed} failed)`);
    const small = await perRoom(name, docs.small, 100);
    const medium = await perRoom(name, docs.medium, 20);
    const large = await perRoom(name, docs.large, 5);
    log(`  ${name}: per room ${round(small / 1024)} / ${round(medium / 1024)} / ${round(large / 1024)} kB`);
    res[name] = { conn, small, medium, large };
  }
  const names = Object.keys(res);
  const both = names.includes('mutualab') && names.includes('reference');
  const kb = (v: number) => round(v / 1024, 1);
  const row = (metric: string, get: (r: (typeof res)[string]) => number | null) => ({
    metric,
    values: [...names.map((n) => get(res[n])), ...(both ? [ratio(get(res.mutualab), get(res.reference))] : [])],
  });
  return {
    id: '5-memory',
    title: '5. Memory (server RSS)',
    notes: [
      `Idle connections: ${opts.rooms} rooms loaded with one connection each, then ramped by ${opts.step} to ${opts.connections}; figure = least-squares slope of RSS over connections (RSS read 1 s after each step; no forced GC, so garbage adds noise).`,
      `Per room: RSS growth / rooms after opening 100 small (${docs.small.byteLength} B), 20 medium (${docs.medium.byteLength} B) and 5 large (${docs.large.byteLength} B) documents, one connection each (its cost included). Mutualab reads them from doc_snapshots; the in-memory reference receives them from the client.`,
      TRACE_ATTRIBUTION,
    ],
    columns: [...names, ...(both ? ['mutualab / reference'] : [])],
    rows: [
      row('RSS per idle connection (kB)', (r) => kb(r.conn.bytes)),
      row('connections that failed', (r) => r.conn.failed),
      row('RSS at the end of the ramp (MB)', (r) => round(r.conn.points[r.conn.points.length - 1][1] / 1e6)),
      row('RSS per loaded room, small doc (kB)', (r) => kb(r.small)),
      row('RSS per loaded room, ~160 kB doc (kB)', (r) => kb(r.medium)),
      row('RSS per loaded room, ~1.6 MB doc (kB)', (r) => kb(r.large)),
    ],
    data: res,
  };
}
