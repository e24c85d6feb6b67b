/**
 * Hostile input closes (or is ignored for) the offender only: garbage, truncated messages, huge length prefixes,
 * text frames, oversized frames and documents, awareness floods and spoofing, slow consumers. Meanwhile another
 * room keeps working and the process never crashes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import fc from 'fast-check';
import { connectClient, rawSocket, waitFor, type TestClient } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from './harness.js';

let h: Harness;
let token: string;
let otherToken: string;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  h = await startHarness({ collab: { maxDocumentBytes: 300_000, maxBufferedBytes: 256 * 1024, closeGraceMs: 300 } });
  [token, otherToken] = await Promise.all([h.login(DEMO.admin), h.login(DEMO.techEpci)]);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h.close();
});

const bytes = (...parts: number[]) => new Uint8Array(parts);

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** `[1, update]` with the given (clientId, clock, state) entries. */
function awarenessMessage(entries: [number, number, unknown][]): Uint8Array {
  const update = message((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const [id, clock, state] of entries) {
      encoding.writeVarUint(e, id);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, JSON.stringify(state));
    }
  });
  return message((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, update);
  });
}

async function openRaw(documentId: string, t = token) {
  const raw = rawSocket(`${h.wsUrl}/${documentId}?token=${t}`);
  await raw.opened;
  await waitFor(() => raw.received.length > 0, 3000, 'server step 1'); // joined the room
  return raw;
}

/** A healthy pair in another room: proves the offender did not stall the server. */
async function otherRoomStillWorks() {
  const documentId = h.createDocument();
  const a = track(connectClient(h.wsUrl, documentId, { token }));
  const b = track(connectClient(h.wsUrl, documentId, { token: otherToken }));
  await Promise.all([a.synced(), b.synced()]);
  a.doc.getText('t').insert(0, 'ok');
  await waitFor(() => b.text() === 'ok', 3000, 'other room');
  a.destroy();
  b.destroy();
}

describe('malformed frames close the offender with 4400', () => {
  const cases: [string, Uint8Array | string][] = [
    ['unknown message type', bytes(0xff, 0x01)],
    ['empty frame', bytes()],
    ['unknown sync sub-type', bytes(0, 7, 0)],
    ['truncated update', bytes(0, 2, 10, 1, 2)],
    ['huge length prefix', bytes(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3)],
    ['malformed state vector', bytes(0, 0, 3, 0xff, 0xff, 0xff)],
    ['garbage Yjs update', bytes(0, 2, 11, 1, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)],
    ['malformed awareness JSON', message((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, message((u) => {
        encoding.writeVarUint(u, 1);
        encoding.writeVarUint(u, 42);
        encoding.writeVarUint(u, 1);
        encoding.writeVarString(u, '{pas du json');
      }));
    })],
    ['text frame', 'bonjour'],
  ];
  it.each(cases)('%s', async (_label, frame) => {
    const documentId = h.createDocument();
    const peer = track(connectClient(h.wsUrl, documentId, { token: otherToken }));
    await peer.synced();
    const raw = await openRaw(documentId);
    raw.ws.send(frame);
    expect((await raw.closed).code).toBe(4400);
    // The peer in the same room is untouched and the room still works.
    peer.doc.getText('t').insert(0, 'toujours là');
    await waitFor(() => h.storedDoc(documentId).getText('t').toString() === 'toujours là', 3000, 'room works');
    expect(peer.closes).toEqual([]);
  });

  it('random byte frames never crash the server (fuzz)', async () => {
    const documentId = h.createDocument();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 64 }), async (frame) => {
        const raw = await openRaw(documentId);
        raw.ws.send(frame);
        await Promise.race([raw.closed, sleep(30)]);
        raw.ws.terminate();
      }),
      { numRuns: 40 },
    );
    await otherRoomStillWorks();
  });
});

describe('limits', () => {
  it('an oversized frame is closed with 4413', async () => {
    const documentId = h.createDocument();
    const raw = await openRaw(documentId);
    raw.ws.send(new Uint8Array(h.collab.options.maxFrameBytes + 1024));
    const closed = await raw.closed;
    expect(closed.code).toBe(4413);
    expect(closed.reason).toBe('Modification trop volumineuse : la connexion a été fermée.');
    expect(h.collab.wss.options.maxPayload).toBe(1024 * 1024);
    await otherRoomStillWorks();
  });

  it('an update that would push the document over its size cap is refused with 4413', async () => {
    const documentId = h.createDocument();
    const writer = track(connectClient(h.wsUrl, documentId, { token }));
    await writer.synced();
    writer.doc.getText('t').insert(0, 'a'.repeat(200_000));
    await waitFor(() => h.logRows(documentId) === 1, 3000, 'first chunk stored');
    writer.doc.getText('t').insert(0, 'b'.repeat(200_000));
    expect((await writer.closed()).code).toBe(4413);
    expect(h.storedDoc(documentId).getText('t').toString()).toBe('a'.repeat(200_000));
  });

  it('an awareness flood is closed with 4429', async () => {
    const documentId = h.createDocument();
    const peer = track(connectClient(h.wsUrl, documentId, { token: otherToken }));
    await peer.synced();
    const raw = await openRaw(documentId);
    for (let i = 1; i <= 400; i++) raw.ws.send(awarenessMessage([[777, i, { cursor: i }]]));
    expect((await raw.closed).code).toBe(4429);
    expect(peer.closes).toEqual([]);
    // Its state was removed for the others when it was closed.
    await waitFor(() => !peer.provider.awareness.getStates().has(777), 3000, 'flooder removed');
  });

  it('a message flood of any kind is closed with 4429', async () => {
    const documentId = h.createDocument();
    const raw = await openRaw(documentId);
    const step1 = bytes(0, 0, 1, 0); // sync step 1 with an empty state vector
    for (let i = 0; i < 6000; i++) raw.ws.send(step1);
    expect((await raw.closed).code).toBe(4429);
    await otherRoomStillWorks();
  });

  it('awareness echoes (stale clocks, as stock clients re-send) do not count as a flood', async () => {
    const documentId = h.createDocument();
    const peer = track(connectClient(h.wsUrl, documentId, { token: otherToken }));
    await peer.synced();
    const raw = await openRaw(documentId);
    raw.ws.send(awarenessMessage([[888, 5, { cursor: 1 }]]));
    for (let i = 0; i < 400; i++) raw.ws.send(awarenessMessage([[888, 5, { cursor: 1 }]]));
    await sleep(300);
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.terminate();
  });

  it('spoofed awareness client ids of another user are dropped', async () => {
    const documentId = h.createDocument();
    const victim = track(connectClient(h.wsUrl, documentId, { token: otherToken }));
    await victim.synced();
    victim.provider.awareness.setLocalStateField('cursor', 1);
    const observer = track(connectClient(h.wsUrl, documentId, { token }));
    await observer.synced();
    await waitFor(() => observer.provider.awareness.getStates().get(victim.doc.clientID), 3000, 'victim state');
    const raw = await openRaw(documentId);
    raw.ws.send(awarenessMessage([[victim.doc.clientID, 1000, { user: { name: 'Usurpateur' }, cursor: 99 }], [555, 1, { cursor: 5 }]]));
    const own = await waitFor(() => observer.provider.awareness.getStates().get(555) as { user: { name: string } } | undefined, 3000, 'own id accepted');
    expect(own.user.name).toBe('Alex Administrateur'); // stamped from the session, not claimed
    const victimState = observer.provider.awareness.getStates().get(victim.doc.clientID) as { user: { name: string }; cursor: number };
    expect(victimState.cursor).toBe(1);
    expect(victimState.user.name).toBe('Nadia Benali');
    // Removing someone else's state is dropped too.
    raw.ws.send(awarenessMessage([[victim.doc.clientID, 2000, null]]));
    await sleep(100);
    expect(observer.provider.awareness.getStates().has(victim.doc.clientID)).toBe(true);
    raw.ws.close();
  });

  it('a slow consumer is closed instead of buffering without bound', async () => {
    const documentId = h.createDocument();
    const peer = track(connectClient(h.wsUrl, documentId, { token }));
    await peer.synced();
    peer.provider.awareness.setLocalStateField('blob', 'x'.repeat(15_000));
    const raw = await openRaw(documentId, otherToken);
    await waitFor(() => raw.received.length >= 2, 3000, 'awareness of peer');
    (raw.ws as unknown as { _socket: { pause(): void } })._socket.pause(); // stops reading
    const query = bytes(3);
    for (let i = 0; i < 1500; i++) raw.ws.send(query); // each answered with ~15 kB it never reads
    await waitFor(() => h.collab.presence(documentId).every((u) => u.name !== 'Nadia Benali'), 5000, 'slow consumer dropped');
    (raw.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect([1013, 1006]).toContain((await raw.closed).code);
    expect(peer.closes).toEqual([]);
  });
});
