/**
 * Scenario 4, cold open of a 100,000-update document (the first updates of the editing trace; CC BY 4.0, Martin
 * Kleppmann and Alastair R. Beresford, automerge-perf): raw log vs compacted, time to synced and server RSS.
 *
 * Mutualab: the raw log is written straight into `doc_updates` (one row per update, as the server writes them),
 * because the server compacts only after a commit once the tail reaches `compactEvery` rows, or when an idle room
 * unloads: a document that is only opened stays raw. The compacted state is then produced BY THE SERVER: the harness
 * opens the raw document on a server with COLLAB_ROOM_IDLE_MS=1000, disconnects, and waits until the idle unload
 * has folded the log into `doc_snapshots`. Each measured open runs on a fresh copy of the file and a fresh process.
 * Reference: in memory only, so no cold open exists; its figure is an open of the same document while loaded.
 */
import { copyFileSync, existsSync } from 'node:fs';
import * as Y from 'yjs';
import { openClient } from '../client.js';
import { freshDatabase, insertDocuments, login, storedShape, writeRawLog } from '../mutualab-db.js';
import { memory, mb } from '../proc.js';
import { startMutualab, startReference } from '../servers.js';
import { plainText, textAfter, traceText, traceUpdates, loadTrace } from '../trace.js';
import { median, ratio, round, sleep } from '../util.js';
import { TRACE_ATTRIBUTION, type ScenarioReport } from '../report.js';

type Open = { syncedMs: number; rssBeforeMB: number; peakRssMB: number; textOk: boolean };

function copyDb(from: string, to: string): string {
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
  return to;
}

/** One cold open on a fresh server over a copy of `dbFile`. */
async function coldOpen(dbFile: string, room: string, expected: string, copyTo: string, env: Record<string, string> = {}): Promise<Open> {
  const srv = await startMutualab({ dbPath: copyDb(dbFile, copyTo), env });
  try {
    const token = await login(srv.httpUrl);
    await sleep(300); // let the boot's garbage settle before the baseline
    const before = memory(srv.pid).rss;
    const c = await openClient(srv.wsUrl, room, { token });
    const t = traceText(c.doc);
    const textOk = !!t && plainText(t) === expected;
    c.close();
    await sleep(200);
    return { syncedMs: round(c.syncedMs, 1)!, rssBeforeMB: mb(before), peakRssMB: mb(memory(srv.pid).hwm), textOk };
  } finally {
    await srv.stop();
  }
}

/**
 * Runs scenario 4 with `updates` log rows (100,000 in the full run; the whole trace for scenario 3's cold open, since
 * a stock client cannot push the whole trace through Mutualab's rate limit) and `repeats` opens of each kind.
 */
export async function coldOpenScenario(opts: { id: string; label: string; updates: number; repeats: number; withReference: boolean }, log: (s: string) => void): Promise<ScenarioReport> {
  const room = 'bench_cold_0000';
  const updates = traceUpdates(opts.updates);
  const expected = textAfter(loadTrace().edits, updates.length - 1); // update 0 creates the paragraph
  const raw = await freshDatabase();
  insertDocuments(raw, [room]);
  writeRawLog(raw, room, updates);
  const rawOpens: Open[] = [];
  for (let i = 0; i < opts.repeats; i++) rawOpens.push(await coldOpen(raw, room, expected, `${raw}.run${i}`));
  log(`  raw: ${rawOpens.map((o) => o.syncedMs).join(', ')} ms`);

  // Let the server compact: open, leave, and wait for the idle unload to fold the log.
  const compacted = copyDb(raw, `${raw}.compacted`);
  const srv = await startMutualab({ dbPath: compacted, env: { COLLAB_ROOM_IDLE_MS: '1000' } });
  let shape = storedShape(compacted, room);
  const t0 = Date.now();
  try {
    const c = await openClient(srv.wsUrl, room, { token: await login(srv.httpUrl) });
    c.close();
    while (shape.logRows > 0 && Date.now() - t0 < 120_000) {
      await sleep(250);
      shape = storedShape(compacted, room);
    }
  } finally {
    await srv.stop();
  }
  const compactionMs = Date.now() - t0;
  log(`  compaction by the server: ${shape.logRows} rows left, snapshot ${shape.snapshotBytes} B after ${compactionMs} ms`);
  const compactOpens: Open[] = [];
  for (let i = 0; i < opts.repeats; i++) compactOpens.push(await coldOpen(compacted, room, expected, `${raw}.c${i}`));
  log(`  compacted: ${compactOpens.map((o) => o.syncedMs).join(', ')} ms`);

  let reference: Open | null = null;
  if (opts.withReference) {
    const ref = await startReference();
    try {
      // The reference holds documents in memory only: load it (one merged update: same CRDT state), then open.
      const seed = new Y.Doc();
      Y.applyUpdate(seed, Y.mergeUpdates(updates));
      const before = memory(ref.pid).rss;
      const writer = await openClient(ref.wsUrl, room, {});
      Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(seed));
      await sleep(1000);
      const c = await openClient(ref.wsUrl, room, {});
      const t = traceText(c.doc);
      reference = { syncedMs: round(c.syncedMs, 1)!, rssBeforeMB: mb(before), peakRssMB: mb(memory(ref.pid).hwm), textOk: !!t && plainText(t) === expected };
      c.close();
      writer.close();
    } finally {
      await ref.stop();
    }
  }

  const m = (opens: Open[], get: (o: Open) => number) => round(median(opens.map(get)), 1);
  const rawMs = m(rawOpens, (o) => o.syncedMs);
  const compactMs = m(compactOpens, (o) => o.syncedMs);
  return {
    id: opts.id,
    title: `${opts.label}: cold open of a ${updates.length.toLocaleString('en')}-update document`,
    notes: [
      TRACE_ATTRIBUTION,
      `Median of ${opts.repeats} opens, each on a fresh server process over a fresh copy of the database file.`,
      `Raw log written directly into doc_updates (one row per update). Compaction done by the Mutualab server itself (idle unload with COLLAB_ROOM_IDLE_MS=1000): ${shape.logRows} log rows left, snapshot ${shape.snapshotBytes} bytes, ${compactionMs} ms from open to folded.`,
      'Reference: in memory only (no persistence), so the figure is an open while the document is loaded, for scale.',
    ],
    columns: ['mutualab raw log', 'mutualab compacted', 'compacted / raw', 'reference (in memory)'],
    rows: [
      { metric: 'time to synced (ms)', values: [rawMs, compactMs, ratio(compactMs, rawMs), reference?.syncedMs ?? null] },
      { metric: 'server RSS before open (MB)', values: [m(rawOpens, (o) => o.rssBeforeMB), m(compactOpens, (o) => o.rssBeforeMB), null, reference?.rssBeforeMB ?? null] },
      { metric: 'server peak RSS (MB, VmHWM)', values: [m(rawOpens, (o) => o.peakRssMB), m(compactOpens, (o) => o.peakRssMB), ratio(m(compactOpens, (o) => o.peakRssMB), m(rawOpens, (o) => o.peakRssMB)), reference?.peakRssMB ?? null] },
      { metric: 'text equals the replayed text', values: [rawOpens.every((o) => o.textOk) ? 'yes' : 'NO', compactOpens.every((o) => o.textOk) ? 'yes' : 'NO', null, reference ? (reference.textOk ? 'yes' : 'NO') : null] },
    ],
    data: { rawOpens, compactOpens, reference, compaction: { ...shape, ms: compactionMs } },
  };
}
