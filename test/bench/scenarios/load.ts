/**
 * Scenarios 1 (live workshop), 2 (many rooms) and the relay half of 7 (floors): the same open-loop load against
 * each target, repeated, reporting the median run (by p99) of each target side by side.
 */
import { runLoad, type LoadResult, type LoadSpec } from '../loadgen.js';
import { openTarget, type TargetName, type TargetOptions } from '../targets.js';
import { medianIndex, ratio } from '../util.js';
import type { ScenarioReport } from '../report.js';

/** Shape of a load scenario (per-target connection details are added by `openTarget`). */
export type LoadShape = Omit<LoadSpec, 'url' | 'params' | 'rooms' | 'waitFor'> & { rooms: number };

/** Runs `shape` `repeats` times against each target; returns each target's median run and all runs. */
export async function measureLoad(
  targets: TargetName[],
  shape: LoadShape,
  repeats: number,
  opts: Partial<Record<TargetName, TargetOptions>> = {},
  log: (s: string) => void = () => {},
): Promise<Record<string, { median: LoadResult; runs: LoadResult[] }>> {
  const rooms = Array.from({ length: shape.rooms }, (_, i) => `bench_load_${String(i).padStart(4, '0')}`);
  const out: Record<string, { median: LoadResult; runs: LoadResult[] }> = {};
  for (const name of targets) {
    const runs: LoadResult[] = [];
    for (let i = 0; i < repeats; i++) {
      // A fresh server per run: every run starts from the same state (empty rooms, cold JIT then warm-up).
      const target = await openTarget(name, rooms, opts[name]);
      try {
        runs.push(await runLoad({ ...shape, rooms, url: target.url, params: target.params, waitFor: target.waitFor }, target.server));
      } finally {
        await target.close();
      }
      const r = runs[runs.length - 1];
      log(`  ${name} run ${i + 1}/${repeats}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, lost ${r.lost}, lag p99 ${r.generatorLagP99Ms} ms (server ${r.serverLag?.p99 ?? '?'}, max ${r.serverLag?.max ?? '?'})${r.valid ? '' : ' (INVALID)'}`);
    }
    out[name] = { median: runs[medianIndex(runs, (r) => r.latency.p99 ?? Infinity)], runs };
  }
  return out;
}

/** Table rows of a load scenario: one column per target, then mutualab / reference when both ran. */
export function loadReport(id: string, title: string, notes: string[], results: Record<string, { median: LoadResult; runs: LoadResult[] }>): ScenarioReport {
  const names = Object.keys(results);
  const both = 'mutualab' in results && 'reference' in results;
  const metric = (label: string, get: (r: LoadResult) => number | string | boolean | null) => {
    const values = names.map((n) => get(results[n].median));
    const numeric = (v: unknown) => (typeof v === 'number' ? v : null);
    if (both) values.push(ratio(numeric(get(results.mutualab.median)), numeric(get(results.reference.median))));
    return { metric: label, values: values.map((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'NO') : v)) };
  };
  return {
    id,
    title,
    notes,
    columns: [...names, ...(both ? ['mutualab / reference'] : [])],
    rows: [
      metric('latency p50 (ms)', (r) => r.latency.p50),
      metric('latency p95 (ms)', (r) => r.latency.p95),
      metric('latency p99 (ms)', (r) => r.latency.p99),
      metric('latency p99.9 (ms)', (r) => r.latency.p999),
      metric('latency max (ms)', (r) => r.latency.max),
      metric('deliveries measured', (r) => r.latency.n),
      metric('lost', (r) => r.lost),
      metric('duplicated', (r) => r.duplicates),
      metric('updates in /s', (r) => r.updatesInPerSec),
      metric('deliveries out /s', (r) => r.deliveriesOutPerSec),
      metric('server CPU %', (r) => r.server.cpuPercent),
      metric('server RSS max (MB)', (r) => r.server.rssMaxMB),
      metric('generator CPU %', (r) => r.server.generatorCpuPercent),
      metric('generator event-loop delay p99 (ms)', (r) => r.generatorLagP99Ms),
      // The max too: a few long pauses (GC of ~1000 client docs) barely move the p99 of 5 ms samples but delay
      // every delivery due meanwhile, so a latency p99 close to this max is the generator's, not the server's.
      metric('generator event-loop delay max (ms)', (r) => r.generatorLagMaxMs),
      metric('server event-loop delay p99 (ms)', (r) => r.serverLag?.p99 ?? null),
      metric('server event-loop delay max (ms)', (r) => r.serverLag?.max ?? null),
      metric('other processes CPU % (noise)', (r) => r.server.backgroundCpuPercent),
      metric('close codes seen by clients', (r) => JSON.stringify(r.closes)),
      metric('valid run (lag p99 ≤ 10 ms, all connected)', (r) => r.valid),
    ],
    cdf: Object.fromEntries(names.map((n) => [n, results[n].median.cdf])),
    data: Object.fromEntries(names.map((n) => [n, results[n].runs.map((r) => ({ ...r, cdf: undefined }))])),
  };
}
