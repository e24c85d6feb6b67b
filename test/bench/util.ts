/**
 * Small helpers shared by the benchmark harness: a clock valid across worker threads, percentiles, medians.
 */
import { createServer } from 'node:net';

/**
 * Milliseconds on the monotonic clock. `process.hrtime` reads CLOCK_MONOTONIC, which is the same in every worker
 * thread of the process (unlike `performance.now()`, whose origin is per thread), so a timestamp taken by a sender
 * in one worker can be subtracted from an arrival time taken in another.
 */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Latency summary in milliseconds (null fields when there was no sample). */
export type Percentiles = { n: number; p50: number | null; p95: number | null; p99: number | null; p999: number | null; max: number | null };

/** Nearest-rank percentile of an ascending array. */
export function quantile(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** Sorts (in place) and summarises latencies. */
export function summarize(values: Float64Array): Percentiles {
  values.sort();
  const r = (q: number) => {
    const v = quantile(values, q);
    return v === null ? null : Math.round(v * 1000) / 1000;
  };
  return { n: values.length, p50: r(0.5), p95: r(0.95), p99: r(0.99), p999: r(0.999), max: r(1) };
}

/** Concatenates typed arrays (latencies gathered from several workers). */
export function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Median of numbers (the lower middle for an even count, so it is always a value that was measured). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/** Index of the median element by `key` (used to report the median run of several repeats, not a blend of them). */
export function medianIndex<T>(items: T[], key: (t: T) => number): number {
  const order = items.map((t, i) => [key(t), i] as const).sort((a, b) => a[0] - b[0]);
  return order[Math.floor((order.length - 1) / 2)][1];
}

/** A TCP port free right now on 127.0.0.1 (for child servers that cannot report the port they bound). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Rounds for tables. */
export function round(v: number | null | undefined, digits = 1): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Ratio a / b rounded, or null when undefined. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || b === 0) return null;
  return round(a / b, 2);
}

/** Sampling interval of the event-loop delay monitors (ms). */
export const LAG_RESOLUTION_MS = 5;

/**
 * Event-loop lag in ms from a `monitorEventLoopDelay` value (ns). The histogram records the whole interval between
 * two timer callbacks (an idle loop reads ~5 ms at a 5 ms resolution), so the resolution is subtracted.
 */
export function lagMs(ns: number): number {
  return ns ? Math.max(0, ns / 1e6 - LAG_RESOLUTION_MS) : 0;
}
