/**
 * The SQLite update store: append-only log, chunked and atomic compaction that never changes content.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../../server/db/client.js';
import { createSqliteUpdateStore, type UpdateStore } from '../../../server/collab/update-store.js';

/** A doc edited `n` times (text inserts/deletes, map sets), with every update it emitted. */
function editedDoc(n: number, seed = 1) {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < n; i++) {
    doc.transact(() => {
      const text = doc.getText('t');
      if (text.length > 5 && rand() < 0.3) text.delete(Math.floor(rand() * (text.length - 2)), 2);
      else text.insert(Math.floor(rand() * (text.length + 1)), `m${i} `);
      if (i % 10 === 0) doc.getMap('m').set(`k${i % 30}`, i);
    });
  }
  return { doc, updates };
}

function rebuild(store: UpdateStore, documentId: string): Y.Doc {
  const stored = store.load(documentId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

const same = (a: Y.Doc, b: Y.Doc) => {
  expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  expect(b.getMap('m').toJSON()).toEqual(a.getMap('m').toJSON());
  expect(Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(b)))).toEqual(Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(a))));
};

function setup(chunkRows = 7) {
  const { sqlite } = openDatabase(':memory:');
  return { sqlite, store: createSqliteUpdateStore(sqlite, { chunkRows }) };
}

const logCount = (sqlite: ReturnType<typeof setup>['sqlite'], id: string) =>
  (sqlite.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE document_id = ?').get(id) as { n: number }).n;

describe('update store', () => {
  it('appends in one transaction and loads snapshot + tail in order', () => {
    const { store } = setup();
    const { doc, updates } = editedDoc(40);
    store.append([{ documentId: 'a', updates: updates.slice(0, 20) }, { documentId: 'b', updates: [updates[0]] }]);
    store.append([{ documentId: 'a', updates: updates.slice(20) }]);
    const loaded = store.load('a');
    expect(loaded.snapshot).toBeNull();
    expect(loaded.updates).toHaveLength(40);
    same(doc, rebuild(store, 'a'));
    expect(store.load('b').updates).toHaveLength(1);
    expect(store.load('none')).toEqual({ snapshot: null, updates: [], lastId: 0 });
  });

  it('compaction is chunked, keeps content identical, and composes with later appends', async () => {
    const { sqlite, store } = setup(7);
    const { doc, updates } = editedDoc(300);
    store.append([{ documentId: 'a', updates: updates.slice(0, 200) }, { documentId: 'other', updates: updates.slice(0, 3) }]);
    const result = await store.compact('a');
    expect(result).toMatchObject({ documentId: 'a', compactedRows: 200 });
    expect(logCount(sqlite, 'a')).toBe(0);
    expect(logCount(sqlite, 'other')).toBe(3); // other documents untouched
    store.append([{ documentId: 'a', updates: updates.slice(200) }]);
    expect(store.load('a').updates).toHaveLength(100);
    same(doc, rebuild(store, 'a'));
    await store.compact('a');
    same(doc, rebuild(store, 'a'));
    expect(store.load('a').updates).toHaveLength(0);
    expect(await store.compact('a')).toBeNull(); // nothing to do
  });

  it('rows appended while a compaction runs stay in the log; one compaction per document at a time', async () => {
    const { sqlite, store } = setup(5);
    const { doc, updates } = editedDoc(120);
    store.append([{ documentId: 'a', updates: updates.slice(0, 100) }]);
    const running = store.compact('a');
    expect(await store.compact('a')).toBeNull();
    await new Promise((r) => setImmediate(r)); // between two chunks
    store.append([{ documentId: 'a', updates: updates.slice(100) }]);
    expect((await running)!.compactedRows).toBe(100);
    expect(logCount(sqlite, 'a')).toBe(20);
    same(doc, rebuild(store, 'a'));
  });

  it('a failing swap changes nothing (snapshot + delete are one transaction)', async () => {
    const { sqlite, store } = setup();
    const { doc, updates } = editedDoc(60);
    store.append([{ documentId: 'a', updates: updates.slice(0, 30) }]);
    await store.compact('a');
    const before = sqlite.prepare('SELECT data, last_update_id FROM doc_snapshots').get();
    store.append([{ documentId: 'a', updates: updates.slice(30) }]);
    sqlite.exec("CREATE TEMP TRIGGER no_delete BEFORE DELETE ON doc_updates BEGIN SELECT RAISE(ABORT, 'injected'); END;");
    await expect(store.compact('a')).rejects.toThrow('injected');
    expect(sqlite.prepare('SELECT data, last_update_id FROM doc_snapshots').get()).toEqual(before);
    expect(logCount(sqlite, 'a')).toBe(30);
    same(doc, rebuild(store, 'a'));
    sqlite.exec('DROP TRIGGER temp.no_delete');
    await store.compact('a');
    same(doc, rebuild(store, 'a'));
  });

  it('a failing append writes nothing', () => {
    const { sqlite, store } = setup();
    const { updates } = editedDoc(10);
    sqlite.exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON doc_updates WHEN NEW.document_id = 'b' BEGIN SELECT RAISE(ABORT, 'injected'); END;");
    expect(() => store.append([{ documentId: 'a', updates }, { documentId: 'b', updates }])).toThrow('injected');
    expect(logCount(sqlite, 'a')).toBe(0);
  });

  it('close() stops a running compaction at its next chunk', async () => {
    const { sqlite, store } = setup(3);
    const { updates } = editedDoc(60);
    store.append([{ documentId: 'a', updates }]);
    const running = store.compact('a');
    await store.close();
    expect(await running).toBeNull();
    expect(logCount(sqlite, 'a')).toBe(60);
  });
});
