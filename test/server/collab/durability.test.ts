/**
 * Durable before visible, failure injection, room lifecycle (one load, failed load, idle unload), compaction
 * through the room, shutdown flush. In-process server so the test reaches its SQLite connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, rawSocket, waitFor, type TestClient } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from './harness.js';

let h: Harness;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const OPTIONS = { roomIdleMs: 150, retryBaseMs: 50, retryMaxMs: 200, compactEvery: 50, chunkRows: 20 };

beforeAll(async () => {
  h = await startHarness({ collab: OPTIONS });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  h.failWrites(false);
  await h.close();
});

const varUint = (n: number) => {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
  return out;
};

const room = (documentId: string) => h.collab.stats().find((r) => r.documentId === documentId);

describe('durable before visible', () => {
  it('a failed write keeps the update pending (not broadcast, not in sync replies), then recovers', async () => {
    const documentId = h.createDocument();
    const token = await h.login(DEMO.admin);
    const writer = track(connectClient(h.wsUrl, documentId, { token }));
    const observer = track(connectClient(h.wsUrl, documentId, { token }));
    await Promise.all([writer.synced(), observer.synced()]);
    writer.doc.getText('t').insert(0, 'avant ');
    await waitFor(() => observer.text() === 'avant ', 3000, 'first edit');

    h.failWrites(true);
    writer.doc.getText('t').insert(6, 'PENDING');
    await waitFor(() => (room(documentId)?.failures ?? 0) >= 2, 3000, 'retries');
    expect(room(documentId)!.pendingUpdates).toBeGreaterThan(0);
    expect(observer.text()).toBe('avant ');
    expect(h.storedDoc(documentId).getText('t').toString()).toBe('avant ');

    // A newcomer is not answered from a state that contains the uncommitted update.
    const newcomer = track(connectClient(h.wsUrl, documentId, { token }));
    await sleep(300);
    expect(newcomer.text()).not.toContain('PENDING');
    // Everyone leaves: the room must stay loaded while its writes fail (idle timeout is 150 ms).
    writer.destroy();
    await sleep(400);
    expect(room(documentId)).toBeDefined();

    h.failWrites(false);
    await waitFor(() => observer.text() === 'avant PENDING', 3000, 'broadcast after recovery');
    await newcomer.synced();
    expect(newcomer.text()).toBe('avant PENDING');
    expect(h.storedDoc(documentId).getText('t').toString()).toBe('avant PENDING');
  });

  it('shutdown flushes pending updates before closing sockets with its code', async () => {
    const documentId = h.createDocument();
    const token = await h.login(DEMO.admin);
    const writer = track(connectClient(h.wsUrl, documentId, { token }));
    await writer.synced();
    h.failWrites(true);
    writer.doc.getText('t').insert(0, 'sauvé à l’arrêt');
    await waitFor(() => (room(documentId)?.pendingUpdates ?? 0) > 0 && room(documentId)!.failures > 0, 3000, 'pending');
    h.failWrites(false);
    await h.restart(); // SIGTERM path: close(1012) flushes first
    expect(writer.closes[0]?.code).toBe(1012);
    expect(h.storedDoc(documentId).getText('t').toString()).toBe('sauvé à l’arrêt');
    writer.destroy();
  });
});

describe('updates with missing dependencies', () => {
  it('are held back: not stored, not in sync replies, until their dependencies arrive', async () => {
    const documentId = h.createDocument();
    const token = await h.login(DEMO.admin);
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText('t').insert(0, 'a');
    source.getText('t').insert(1, 'b'); // depends on the first update (same client, next clock)
    const raw = rawSocket(`${h.wsUrl}/${documentId}?token=${token}`);
    await raw.opened;
    await waitFor(() => raw.received.length > 0, 3000, 'joined');
    const frame = (u: Uint8Array) => new Uint8Array([0, 2, ...varUint(u.length), ...u]);
    raw.ws.send(frame(updates[1]));
    await sleep(100);
    const newcomer = track(connectClient(h.wsUrl, documentId, { token }));
    await newcomer.synced();
    expect(newcomer.text()).toBe('');
    expect(newcomer.doc.store.pendingStructs).toBeNull(); // not even as held-back structs
    expect(h.logRows(documentId)).toBe(0);
    raw.ws.send(frame(updates[0]));
    await waitFor(() => newcomer.text() === 'ab', 3000, 'released');
    expect(h.storedDoc(documentId).getText('t').toString()).toBe('ab');
    raw.ws.close();
  });
});

describe('room lifecycle', () => {
  it('loads a room once for concurrent connections; messages sent during the load are kept', async () => {
    const documentId = h.createDocument();
    const seed = new Y.Doc();
    const rows: Uint8Array[] = [];
    seed.on('update', (u: Uint8Array) => rows.push(u));
    for (let i = 0; i < 200; i++) seed.getText('t').insert(i, 'x');
    h.collab.store.append([{ documentId, updates: rows }]);
    const store = h.collab.store;
    const original = store.load;
    let loads = 0;
    store.load = (id) => {
      if (id === documentId) loads++;
      return original(id);
    };
    try {
      const token = await h.login(DEMO.techEpci);
      const many = Array.from({ length: 5 }, () => track(connectClient(h.wsUrl, documentId, { token })));
      // Edits made before the first sync travel while the room still loads (200 rows, 20 per turn).
      many[0].doc.getText('t').insert(0, 'tôt ');
      // At the moment each client reports synced, it already has the stored content (never an empty doc first).
      const atSync = await Promise.all(many.map((c) => c.synced().then(() => c.text().replace('tôt ', '').length)));
      expect(atSync).toEqual([200, 200, 200, 200, 200]);
      await waitFor(() => many.every((c) => c.text() === many[0].text() && c.text().length === 204), 3000, 'convergence');
      expect(many[0].text()).toContain('tôt ');
      expect(loads).toBe(1);
    } finally {
      store.load = original;
    }
  });

  it('a failed load closes with 4503 and never serves (or stores) an empty document', async () => {
    const documentId = h.createDocument();
    const garbage = new Uint8Array([1, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
    expect(() => Y.applyUpdate(new Y.Doc(), garbage)).toThrow();
    h.collab.store.append([{ documentId, updates: [garbage] }]);
    const token = await h.login(DEMO.admin);
    const client = track(connectClient(h.wsUrl, documentId, { token }));
    expect((await client.closed()).code).toBe(4503);
    expect(client.provider.synced).toBe(false);
    client.destroy();
    await sleep(100);
    expect(h.logRows(documentId)).toBe(1);
    expect(room(documentId)).toBeUndefined();
    // Once storage is repaired, the next connection loads it (a failure is not cached).
    h.deps.sqlite.prepare('DELETE FROM doc_updates WHERE document_id = ?').run(documentId);
    const again = track(connectClient(h.wsUrl, documentId, { token }));
    await again.synced();
  });

  it('idle rooms are flushed, compacted and unloaded; reloading gives the same content', async () => {
    const documentId = h.createDocument();
    const token = await h.login(DEMO.admin);
    for (let round = 0; round < 3; round++) {
      const c = track(connectClient(h.wsUrl, documentId, { token }));
      await c.synced();
      expect(c.text()).toBe('abc'.slice(0, round));
      c.doc.getText('t').insert(round, 'abc'[round]);
      await waitFor(() => h.logRows(documentId) > 0, 3000, 'stored');
      c.destroy();
      await waitFor(() => !room(documentId), 3000, 'unloaded');
      await waitFor(() => h.logRows(documentId) === 0, 3000, 'compacted on unload');
    }
    expect(h.storedDoc(documentId).getText('t').toString()).toBe('abc');
  });

  it('a busy room compacts its log tail while loaded, content unchanged', async () => {
    const documentId = h.createDocument();
    const token = await h.login(DEMO.admin);
    const writer = track(connectClient(h.wsUrl, documentId, { token }));
    const reader = track(connectClient(h.wsUrl, documentId, { token }));
    await Promise.all([writer.synced(), reader.synced()]);
    for (let i = 0; i < 120; i++) {
      writer.doc.getText('t').insert(i, String(i % 10));
      await sleep(2); // separate turns: the group commit would otherwise fold them into a few rows
    }
    await waitFor(() => reader.text().length === 120, 5000, 'reader');
    await waitFor(() => h.deps.sqlite.prepare('SELECT 1 FROM doc_snapshots WHERE document_id = ?').get(documentId), 5000, 'compaction');
    expect(h.logRows(documentId)).toBe(room(documentId)!.tailCount); // the folded prefix is gone from the log
    expect(h.logRows(documentId)).toBeLessThan(100);
    expect(room(documentId)).toBeDefined();
    expect(h.storedDoc(documentId).getText('t').toString()).toBe(writer.text());
  });
});
