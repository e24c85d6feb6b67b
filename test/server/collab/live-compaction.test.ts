/**
 * Issue #9, workshop latency: a loaded room compacts its log from the doc it holds (right after a commit the doc is
 * exactly the log), instead of rebuilding a doc from the log, which stalled the event loop every `compactEvery`
 * rows; held-back structs (missing dependencies) never reach the snapshot. And awareness echoes — every stock client
 * re-sends the states it receives — never steal a client id: closing one tab of a person no longer removes the
 * caret of their other tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { connectClient, rawSocket, waitFor, type TestClient } from '../../support/ws-client.js';
import { MESSAGE_SYNC, SYNC_UPDATE } from '../../../shared/collab/protocol.js';
import { startHarness, DEMO, type Harness } from './harness.js';

let h: Harness;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const snapshotOf = (documentId: string) => (h.deps.sqlite.prepare('SELECT data FROM doc_snapshots WHERE document_id = ?').get(documentId) as { data: Buffer } | undefined)?.data;

beforeAll(async () => {
  h = await startHarness({ collab: { compactEvery: 20 } });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h.close();
});

describe('compaction of a loaded room', () => {
  it('folds the log from the room’s doc, without re-reading it; the content is unchanged', async () => {
    const documentId = h.createDocument();
    const token = await h.login(DEMO.admin);
    const writer = track(connectClient(h.wsUrl, documentId, { token }));
    const reader = track(connectClient(h.wsUrl, documentId, { token }));
    await Promise.all([writer.synced(), reader.synced()]);
    const store = h.collab.store;
    const original = store.compact;
    let rebuilt = 0;
    store.compact = (id) => {
      rebuilt++;
      return original(id);
    };
    try {
      for (let i = 0; i < 60; i++) {
        writer.doc.getText('t').insert(i, String(i % 10));
        await sleep(2);
      }
      await waitFor(() => reader.text().length === 60, 5000, 'reader');
      await waitFor(() => !!snapshotOf(documentId), 5000, 'snapshot');
      expect(h.logRows(documentId)).toBeLessThan(20);
      expect(rebuilt).toBe(0);
      expect(h.storedDoc(documentId).getText('t').toString()).toBe(writer.text());
    } finally {
      store.compact = original;
    }
  });

  it('structs held back for a missing dependency stay out of the snapshot', async () => {
    const documentId = h.createDocument();
    const token = await h.login(DEMO.admin);
    const writer = track(connectClient(h.wsUrl, documentId, { token }));
    await writer.synced();
    // Another replica makes two edits; only the second (which depends on the first) reaches the server.
    const other = new Y.Doc();
    other.getText('t').insert(0, 'premier ');
    const before = Y.encodeStateVector(other);
    other.getText('t').insert(8, 'second');
    const second = Y.encodeStateAsUpdate(other, before);
    const raw = rawSocket(`${h.wsUrl}/${documentId}?token=${token}`);
    await raw.opened;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, second);
    raw.ws.send(encoding.toUint8Array(e));
    for (let i = 0; i < 40; i++) {
      writer.doc.getText('t').insert(0, 'x');
      await sleep(2);
    }
    await waitFor(() => !!snapshotOf(documentId) && h.logRows(documentId) < 20, 5000, 'compaction');
    const structs = Y.decodeUpdate(snapshotOf(documentId)!).structs;
    expect(structs.some((s) => s.id.client === other.clientID)).toBe(false);
    expect(h.storedDoc(documentId).getText('t').toString()).toBe('x'.repeat(40));
    raw.ws.close();
  });
});

describe('awareness echoes', () => {
  it('closing one tab of a person keeps the caret of their other tab', async () => {
    const documentId = h.createDocument();
    const [tab1, tab2, observer] = [
      track(connectClient(h.wsUrl, documentId, { token: await h.login(DEMO.vp) })),
      track(connectClient(h.wsUrl, documentId, { token: await h.login(DEMO.vp) })),
      track(connectClient(h.wsUrl, documentId, { token: await h.login(DEMO.eluFayence) })),
    ];
    await Promise.all([tab1.synced(), tab2.synced(), observer.synced()]);
    tab1.provider.awareness.setLocalStateField('cursor', 7);
    await waitFor(() => (observer.provider.awareness.getStates().get(tab1.doc.clientID) as { cursor?: number } | undefined)?.cursor === 7, 3000, 'caret seen');
    // tab2 has received tab1's state and echoed it (stock clients re-send what they receive).
    await waitFor(() => tab2.provider.awareness.getStates().has(tab1.doc.clientID), 3000, 'tab2 got it');
    await sleep(100);
    // A stock client re-asserts its own state when told it was removed, so watch for the removal itself.
    const removed: number[] = [];
    observer.provider.awareness.on('change', (change: { removed: number[] }) => removed.push(...change.removed));
    const connections = () => h.collab.stats().find((r) => r.documentId === documentId)?.connections;
    tab2.destroy();
    await waitFor(() => connections() === 2, 3000, 'tab2 closed on the server');
    await sleep(150);
    expect(removed).not.toContain(tab1.doc.clientID);
    expect((observer.provider.awareness.getStates().get(tab1.doc.clientID) as { cursor?: number } | undefined)?.cursor).toBe(7);
  });
});
