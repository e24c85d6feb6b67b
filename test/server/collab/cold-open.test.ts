/**
 * Cold open of a compacted document (issue #9): the stored snapshot is not built into a Y.Doc before the first
 * reply. A client with nothing gets the stored bytes as its sync step 2, byte for byte; the doc is built right after
 * and the server's sync step 1 follows. Everything that needs the doc (client edits, offline edits, server-side
 * edits and reads) builds it first, so nothing is ever applied to an empty doc; an unreadable snapshot fails the
 * room (4503) and is never written over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { connectClient, rawSocket, waitFor, type TestClient } from '../../support/ws-client.js';
import { MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2 } from '../../../shared/collab/protocol.js';
import { startHarness, DEMO, type Harness } from './harness.js';

let h: Harness;
let token: string;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);
const loaded = (documentId: string) => h.collab.stats().some((r) => r.documentId === documentId);
const snapshotOf = (documentId: string) => (h.deps.sqlite.prepare('SELECT data FROM doc_snapshots WHERE document_id = ?').get(documentId) as { data: Buffer } | undefined)?.data;

beforeAll(async () => {
  h = await startHarness({ collab: { roomIdleMs: 150 } });
  token = await h.login(DEMO.admin);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h.close();
});

/** A document whose text is `text`, stored as a snapshot only (written, unloaded, compacted). */
async function compactedDocument(text: string): Promise<string> {
  const documentId = h.createDocument();
  const writer = connectClient(h.wsUrl, documentId, { token });
  await writer.synced();
  writer.doc.getText('t').insert(0, text);
  await waitFor(() => h.logRows(documentId) > 0, 3000, 'stored');
  writer.destroy();
  await waitFor(() => !loaded(documentId) && h.logRows(documentId) === 0 && !!snapshotOf(documentId), 5000, 'unloaded and compacted');
  return documentId;
}

function syncStep1Frame(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_STEP1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

/** The sync messages of a raw socket, decoded: `[type, payload]`. */
function syncMessages(received: Uint8Array[]): [number, Uint8Array][] {
  const out: [number, Uint8Array][] = [];
  for (const m of received) {
    const d = decoding.createDecoder(m);
    if (decoding.readVarUint(d) !== MESSAGE_SYNC) continue;
    out.push([decoding.readVarUint(d), decoding.readVarUint8Array(d)]);
  }
  return out;
}

describe('cold open of a compacted document', () => {
  it('answers an empty state vector with the stored snapshot itself, then sends its own sync step 1', async () => {
    const documentId = await compactedDocument('Texte compacté');
    const stored = snapshotOf(documentId)!;
    const raw = rawSocket(`${h.wsUrl}/${documentId}?token=${token}`);
    await raw.opened;
    raw.ws.send(syncStep1Frame(Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => syncMessages(raw.received).length >= 2, 3000, 'step 2 then step 1');
    const [[firstType, firstPayload], [secondType, secondPayload]] = syncMessages(raw.received);
    expect(firstType).toBe(SYNC_STEP2);
    expect(Buffer.from(firstPayload).equals(stored)).toBe(true);
    expect(secondType).toBe(SYNC_STEP1);
    const built = new Y.Doc();
    Y.applyUpdate(built, stored);
    expect(Buffer.from(secondPayload).equals(Buffer.from(Y.encodeStateVector(built)))).toBe(true);
    raw.ws.close();
  });

  it('a stock client has the text when synced and its first edit is stored once and broadcast', async () => {
    const documentId = await compactedDocument('abc');
    const a = track(connectClient(h.wsUrl, documentId, { token }));
    await a.synced();
    expect(a.text()).toBe('abc');
    a.doc.getText('t').insert(3, 'd'); // likely before the room's doc is built: integrating builds it first
    const b = track(connectClient(h.wsUrl, documentId, { token }));
    await b.synced();
    await waitFor(() => b.text() === 'abcd', 3000, 'broadcast');
    await waitFor(() => h.storedDoc(documentId).getText('t').toString() === 'abcd', 3000, 'stored');
    a.destroy();
    b.destroy();
  });

  it('a reconnecting client with offline edits (non-empty state vector) merges them', async () => {
    const documentId = await compactedDocument('Base');
    const offline = new Y.Doc();
    Y.applyUpdate(offline, snapshotOf(documentId)!);
    offline.getText('t').insert(4, ' + hors ligne');
    const c = track(connectClient(h.wsUrl, documentId, { token, doc: offline }));
    await c.synced();
    await waitFor(() => h.storedDoc(documentId).getText('t').toString() === 'Base + hors ligne', 3000, 'offline edit stored');
    c.destroy();
  });

  it('server-side reads and edits of a cold room see the stored text, never an empty doc', async () => {
    const documentId = await compactedDocument('Relevé');
    expect(await h.collab.read(documentId, (d) => d.getText('t').toString())).toBe('Relevé');
    await waitFor(() => !loaded(documentId), 3000, 'unloaded again');
    await h.collab.edit(documentId, (d) => d.getText('t').insert(6, ' validé'));
    expect(h.storedDoc(documentId).getText('t').toString()).toBe('Relevé validé');
  });

  it('a graceful restart folds every loaded room’s log, so documents reopen cold from their snapshot', async () => {
    const documentId = h.createDocument();
    const c = connectClient(h.wsUrl, documentId, { token });
    await c.synced();
    c.doc.getText('t').insert(0, 'Avant redémarrage');
    await waitFor(() => h.logRows(documentId) > 0, 3000, 'stored');
    await h.restart();
    c.destroy();
    expect(h.logRows(documentId)).toBe(0);
    expect(h.storedDoc(documentId).getText('t').toString()).toBe('Avant redémarrage');
    token = await h.login(DEMO.admin);
    const raw = rawSocket(`${h.wsUrl}/${documentId}?token=${token}`);
    await raw.opened;
    raw.ws.send(syncStep1Frame(Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => syncMessages(raw.received).length >= 1, 3000, 'reply');
    expect(Buffer.from(syncMessages(raw.received)[0][1]).equals(snapshotOf(documentId)!)).toBe(true);
    raw.ws.close();
  });

  it('an unreadable snapshot fails the room with 4503, is never written over, and a repaired one loads', async () => {
    const documentId = await compactedDocument('Sain');
    const good = snapshotOf(documentId)!;
    const garbage = Buffer.from([1, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
    h.deps.sqlite.prepare('UPDATE doc_snapshots SET data = ? WHERE document_id = ?').run(garbage, documentId);
    const raw = rawSocket(`${h.wsUrl}/${documentId}?token=${token}`);
    await raw.opened;
    raw.ws.send(syncStep1Frame(Y.encodeStateVector(new Y.Doc())));
    expect((await raw.closed).code).toBe(4503);
    expect(snapshotOf(documentId)!.equals(garbage)).toBe(true);
    expect(h.logRows(documentId)).toBe(0);
    await expect(h.collab.read(documentId, (d) => d.getText('t').toString())).rejects.toThrow();
    h.deps.sqlite.prepare('UPDATE doc_snapshots SET data = ? WHERE document_id = ?').run(good, documentId);
    const again = track(connectClient(h.wsUrl, documentId, { token }));
    await again.synced();
    expect(again.text()).toBe('Sain');
    again.destroy();
  });
});
