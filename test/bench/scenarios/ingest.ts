/**
 * Scenario 6, durable ingest.
 * - End to end: the same write-heavy load through Mutualab with SQLite `synchronous=NORMAL` (default) and `FULL`
 *   (env SQLITE_SYNCHRONOUS, read by server/db/client.ts), and through the in-memory reference for scale.
 * - Row-per-update vs group commit: the server has no switch (its committer always appends a turn's updates in one
 *   transaction), so this part is a micro-benchmark of the server's own store (`createSqliteUpdateStore`, same
 *   prepared statements) in this process, on a WAL database opened by `openDatabase`, with 1 vs 50 updates per
 *   transaction, for NORMAL and FULL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../server/db/client.js';
import { createSqliteUpdateStore } from '../../../server/collab/update-store.js';
import { measureLoad, type LoadShape } from './load.js';
import type { TargetName } from '../targets.js';
import { traceUpdates } from '../trace.js';
import { nowMs, ratio } from '../util.js';
import type { ScenarioReport } from '../report.js';

/** Updates per second the store commits for `seconds`, `batch` updates per transaction. */
function storeRate(sync: 'NORMAL' | 'FULL', batch: number, seconds: number, updates: Uint8Array[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'mutualab-ingest-'));
  const { sqlite } = openDatabase(join(dir, 'store.db'));
  sqlite.pragma(`synchronous = ${sync}`);
  const store = createSqliteUpdateStore(sqlite, { chunkRows: 500 });
  let n = 0;
  const t0 = nowMs();
  while (nowMs() - t0 < seconds * 1000) {
    const rows = Array.from({ length: batch }, (_, i) => updates[(n + i) % updates.length]);
    store.append([{ documentId: 'bench_ingest', updates: rows }]);
    n += batch;
  }
  const rate = n / ((nowMs() - t0) / 1000);
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  return Math.round(rate);
}

/** Runs scenario 6. */
export async function ingestScenario(opts: { shape: LoadShape; withReference: boolean; microSeconds: number }, log: (s: string) => void): Promise<ScenarioReport> {
  const updates = traceUpdates(5000);
  const micro: Record<string, number> = {};
  for (const sync of ['NORMAL', 'FULL'] as const)
    for (const batch of [1, 50]) micro[`${sync} ${batch}`] = storeRate(sync, batch, opts.microSeconds, updates);
  log(`  store micro-benchmark (updates/s): ${JSON.stringify(micro)}`);

  const runs: Record<string, Awaited<ReturnType<typeof measureLoad>>[string]> = {};
  const normal = await measureLoad(['mutualab'], opts.shape, 1, {}, log);
  runs['mutualab NORMAL'] = normal.mutualab;
  const full = await measureLoad(['mutualab'], opts.shape, 1, { mutualab: { env: { SQLITE_SYNCHRONOUS: 'FULL' } } }, log);
  runs['mutualab FULL'] = full.mutualab;
  if (opts.withReference) runs.reference = (await measureLoad(['reference' as TargetName], opts.shape, 1, {}, log)).reference;
  const names = Object.keys(runs);
  // Micro-benchmark figures sit under the NORMAL and FULL columns (the reference has no store).
  const microRow = (metric: string, batch: number) => ({
    metric,
    values: names.map((n) => (n === 'mutualab NORMAL' ? micro[`NORMAL ${batch}`] : n === 'mutualab FULL' ? micro[`FULL ${batch}`] : null)).concat(ratio(micro[`FULL ${batch}`], micro[`NORMAL ${batch}`])),
  });
  const offered = opts.shape.rooms * opts.shape.clientsPerRoom * opts.shape.editsPerSec;
  return {
    id: '6-ingest',
    title: '6. Durable ingest',
    notes: [
      `End to end: ${opts.shape.rooms} rooms × ${opts.shape.clientsPerRoom} clients × ${opts.shape.editsPerSec} edits/s = ${offered} updates/s offered, ${opts.shape.measureMs / 1000} s measured, one run each.`,
      'Group commit vs row-per-update: the server has no switch (it always commits a turn\'s updates in one transaction), so those figures come from a micro-benchmark of the server\'s own store (createSqliteUpdateStore) in-process with better-sqlite3, WAL mode, the same tables and statements.',
    ],
    columns: [...names, 'FULL / NORMAL'],
    rows: [
      { metric: 'updates in /s (end to end)', values: [...names.map((n) => runs[n].median.updatesInPerSec), ratio(runs['mutualab FULL'].median.updatesInPerSec, runs['mutualab NORMAL'].median.updatesInPerSec)] },
      { metric: 'deliveries out /s', values: [...names.map((n) => runs[n].median.deliveriesOutPerSec), ratio(runs['mutualab FULL'].median.deliveriesOutPerSec, runs['mutualab NORMAL'].median.deliveriesOutPerSec)] },
      { metric: 'latency p50 (ms)', values: [...names.map((n) => runs[n].median.latency.p50), ratio(runs['mutualab FULL'].median.latency.p50, runs['mutualab NORMAL'].median.latency.p50)] },
      { metric: 'latency p99 (ms)', values: [...names.map((n) => runs[n].median.latency.p99), ratio(runs['mutualab FULL'].median.latency.p99, runs['mutualab NORMAL'].median.latency.p99)] },
      { metric: 'lost', values: [...names.map((n) => runs[n].median.lost), null] },
      { metric: 'server CPU %', values: [...names.map((n) => runs[n].median.server.cpuPercent), null] },
      { metric: 'generator event-loop delay p99 (ms)', values: [...names.map((n) => runs[n].median.generatorLagP99Ms), null] },
      microRow('store micro-benchmark: 1 update per transaction (updates/s)', 1),
      microRow('store micro-benchmark: 50 updates per transaction (updates/s)', 50),
    ],
    cdf: Object.fromEntries(names.map((n) => [n, runs[n].median.cdf])),
    data: { micro, runs: Object.fromEntries(names.map((n) => [n, { ...runs[n].median, cdf: undefined }]))},
  };
}
