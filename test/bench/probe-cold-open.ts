/**
 * `npx tsx test/bench/probe-cold-open.ts [--updates 259779] [--opens 5] [--tail 0] [--cpu-prof]`
 *
 * A quick, targeted measurement of scenario 3's "cold open after restart" (the whole editing trace, compacted), for
 * before/after comparisons of the open path without the 15-minute bench: the snapshot is written the way the
 * server's compaction writes it (`Y.encodeStateAsUpdate` of the folded doc), optionally followed by `--tail` log
 * rows; each open runs on a fresh server process over a fresh copy of the file (server pinned to core 0, this
 * process to core 1, as in the bench). The client's Yjs code is warmed first, as it is in the bench (the replay runs
 * before the cold opens there).
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { openClient } from './client.js';
import { freshDatabase, insertDocuments, login, removeDatabases, writeRawLog, writeSnapshot } from './mutualab-db.js';
import { pinGenerator, startMutualab } from './servers.js';
import { loadTrace, plainText, textAfter, traceText, traceUpdates } from './trace.js';
import { median, round, sleep } from './util.js';

const { values: args } = parseArgs({
  options: {
    updates: { type: 'string', default: '259779' },
    opens: { type: 'string', default: '5' },
    tail: { type: 'string', default: '0' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  pinGenerator();
  const room = 'bench_cold_0000';
  const updates = traceUpdates(Number(args.updates));
  const tail = Number(args.tail);
  const head = updates.slice(0, updates.length - tail);
  const expected = textAfter(loadTrace().edits, updates.length - 1);
  const folded = new Y.Doc();
  folded.transact(() => {
    for (const u of head) Y.applyUpdate(folded, u);
  });
  const snapshot = Y.encodeStateAsUpdate(folded);
  // Warm the client side (the bench's generator has replayed the trace before its cold opens).
  for (let i = 0; i < 3; i++) Y.applyUpdate(new Y.Doc(), snapshot);

  const db = await freshDatabase();
  insertDocuments(db, [room]);
  writeSnapshot(db, room, snapshot);
  if (tail) writeRawLog(db, room, updates.slice(updates.length - tail));
  const profDir = args['cpu-prof'] ? mkdtempSync(join(tmpdir(), 'mutualab-prof-')) : null;
  const opens: number[] = [];
  for (let i = 0; i < Number(args.opens); i++) {
    const copy = `${db}.open${i}`;
    copyFileSync(db, copy);
    if (existsSync(`${db}-wal`)) copyFileSync(`${db}-wal`, `${copy}-wal`);
    const srv = await startMutualab({ dbPath: copy, nodeArgs: profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : undefined });
    try {
      const token = await login(srv.httpUrl);
      await sleep(300);
      const c = await openClient(srv.wsUrl, room, { token });
      opens.push(round(c.syncedMs, 1)!);
      const t = traceText(c.doc);
      if (!t || plainText(t) !== expected) throw new Error('cold open: the text differs from the trace');
      c.close();
    } finally {
      await srv.stop();
    }
  }
  console.log(`cold open of ${updates.length} updates (snapshot ${snapshot.byteLength} B, tail ${tail} rows): ${opens.join(', ')} ms; median ${round(median(opens), 1)} ms`);
  if (profDir) console.log(`CPU profiles: ${profDir}`);
}

main()
  .finally(removeDatabases)
  .then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
