/**
 * Drives `worker.ts` threads: spreads clients over workers, starts them on a common schedule, merges what they
 * measured, and samples the server process over the measurement window.
 */
import { Worker } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { WorkerInput, WorkerResult, Go } from './worker.js';
import { sampleProcess, type ProcWindow } from './proc.js';
import type { ServerHandle, ServerLag } from './servers.js';
import { concat, lagMs, LAG_RESOLUTION_MS, nowMs, summarize, type Percentiles } from './util.js';

/**
 * Starts a TypeScript worker. `execArgv: ['--import', 'tsx']` does NOT work on Node 20.20 (the worker fails with
 * ERR_UNKNOWN_FILE_EXTENSION: loader hooks registered by --import are not inherited), so the worker is an eval'd
 * stub that registers tsx's ESM loader in the new thread, then imports the real file.
 */
export function spawnTsWorker(file: URL, data: unknown): Worker {
  const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(file.href)}); })`;
  // A larger young generation: the clients allocate ~150 MB/s of short-lived buffers per worker (awareness JSON, ws
  // frames, the update every remote transaction re-encodes). 32 MB gave the fewest long pauses on the workshop load;
  // 16 scavenged ~10 times a second, 64 and 128 paused longer (27/11, `YG=… npm run bench -- --only 1`).
  return new Worker(code, { eval: true, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: Number(process.env.YG ?? 32) } });
}

/** A load to apply: `rooms.length × clientsPerRoom` clients, each editing and moving its caret at fixed rates. */
export type LoadSpec = {
  url: string;
  params: Record<string, string>;
  rooms: string[];
  clientsPerRoom: number;
  editsPerSec: number;
  caretsPerSec: number;
  warmupMs: number;
  measureMs: number;
  drainMs: number;
  workers: number;
  waitFor: WorkerInput['waitFor'];
};

/** Everything measured by one run. */
export type LoadResult = {
  latency: Percentiles;
  /** [quantile, ms] points of the latency CDF (for the SVG). */
  cdf: [number, number][];
  expected: number;
  delivered: number;
  lost: number;
  duplicates: number;
  updatesInPerSec: number;
  deliveriesOutPerSec: number;
  generatorLagP99Ms: number;
  generatorLagMaxMs: number;
  /** False when the generator itself lagged (p99 event-loop delay > 10 ms): its latencies are not the server's. */
  valid: boolean;
  connectFailures: number;
  closes: Record<string, number>;
  server: ProcWindow;
  /** The server's own event-loop delay over the measured window (null when its probe did not answer). */
  serverLag: ServerLag | null;
};

/** Points of a CDF: every percent, then the tail. */
export function cdfPoints(sorted: Float64Array): [number, number][] {
  if (!sorted.length) return [];
  const qs = [...Array.from({ length: 100 }, (_, i) => i / 100), 0.995, 0.999, 0.9995, 0.9999, 1];
  return qs.map((q) => [q, sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]]);
}

/** Runs one load against `server` and returns the merged measurements. */
export async function runLoad(spec: LoadSpec, server: Pick<ServerHandle, 'pid' | 'lagWindow'>): Promise<LoadResult> {
  const all = spec.rooms.flatMap((room, r) => Array.from({ length: spec.clientsPerRoom }, (_, i) => ({ id: r * spec.clientsPerRoom + i, room })));
  const n = Math.max(1, Math.min(spec.workers, all.length));
  const workers = Array.from({ length: n }, (_, w) => {
    const input: WorkerInput = { url: spec.url, params: spec.params, clients: all.filter((_, i) => i % n === w), editsPerSec: spec.editsPerSec, caretsPerSec: spec.caretsPerSec, waitFor: spec.waitFor };
    return spawnTsWorker(new URL('./worker.ts', import.meta.url), input);
  });
  const next = (w: Worker, type: string) =>
    new Promise<any>((resolve, reject) => {
      const onMsg = (m: any) => {
        if (m.type === type) {
          w.off('message', onMsg);
          resolve(m);
        }
      };
      w.on('message', onMsg);
      w.once('error', reject);
    });
  try {
    const connected = await Promise.all(workers.map((w) => next(w, 'connected')));
    const connectFailures = connected.reduce((a, m) => a + m.failed, 0);
    const startAt = nowMs() + 300;
    const go: Go = { type: 'go', startAt, measureFrom: startAt + spec.warmupMs, measureTo: startAt + spec.warmupMs + spec.measureMs, endAt: startAt + spec.warmupMs + spec.measureMs + spec.drainMs };
    const results = workers.map((w) => next(w, 'result') as Promise<WorkerResult>);
    for (const w of workers) w.postMessage(go);
    // The main thread's own lag counts too: it is part of the generator process.
    const mainLag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
    await new Promise((r) => setTimeout(r, Math.max(0, go.measureFrom - nowMs())));
    mainLag.enable();
    const sampler = sampleProcess(server.pid);
    const serverLag = server.lagWindow();
    await new Promise((r) => setTimeout(r, Math.max(0, go.measureTo - nowMs())));
    const proc = sampler.stop();
    const lag = await serverLag.stop();
    mainLag.disable();
    const res = await Promise.all(results);
    return { ...merge(spec, res, proc, connectFailures, lagMs(mainLag.count ? mainLag.percentile(99) : 0)), serverLag: lag };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function merge(spec: LoadSpec, res: WorkerResult[], server: ProcWindow, connectFailures: number, mainLagP99: number): Omit<LoadResult, 'serverLag'> {
  const sent: Record<string, number> = {};
  const got: Record<string, number> = {};
  const closes: Record<string, number> = {};
  for (const r of res) {
    for (const [k, v] of Object.entries(r.sentByRoom)) sent[k] = (sent[k] ?? 0) + v;
    for (const [k, v] of Object.entries(r.deliveredByRoom)) got[k] = (got[k] ?? 0) + v;
    for (const [k, v] of Object.entries(r.closes)) closes[k] = (closes[k] ?? 0) + v;
  }
  // Every probe sent in the window must reach the other clients of its room.
  const expected = Object.values(sent).reduce((a, v) => a + v * (spec.clientsPerRoom - 1), 0);
  const delivered = Object.values(got).reduce((a, v) => a + v, 0);
  const lat = concat(res.map((r) => r.latencies));
  const latency = summarize(lat);
  const secs = spec.measureMs / 1000;
  const lagP99 = Math.max(mainLagP99, ...res.map((r) => r.lagP99Ms));
  return {
    latency,
    cdf: cdfPoints(lat),
    expected,
    delivered,
    lost: expected - delivered,
    duplicates: res.reduce((a, r) => a + r.duplicates, 0),
    updatesInPerSec: Math.round(Object.values(sent).reduce((a, v) => a + v, 0) / secs),
    deliveriesOutPerSec: Math.round(delivered / secs),
    generatorLagP99Ms: Math.round(lagP99 * 10) / 10,
    generatorLagMaxMs: Math.round(Math.max(...res.map((r) => r.lagMaxMs)) * 10) / 10,
    valid: lagP99 <= 10 && connectFailures === 0,
    connectFailures,
    closes,
    server,
  };
}
