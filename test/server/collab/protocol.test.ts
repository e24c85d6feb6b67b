/**
 * Pure pieces: the shared protocol extension, close reasons, colours, and the room awareness rules.
 */
import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encodePermissionDenied, encodeWritable, readAuthMessage, MESSAGE_AUTH } from '../../../shared/collab/protocol.js';
import { CLOSE_MESSAGES, isRetryable } from '../../../shared/collab/close-codes.js';
import { userColor } from '../../../shared/collab/colors.js';
import { RoomAwareness, type AwarenessOwner } from '../../../server/collab/awareness.js';

const readAuth = (bytes: Uint8Array) => {
  const decoder = decoding.createDecoder(bytes);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_AUTH);
  return readAuthMessage(decoder);
};

function update(entries: [number, number, unknown][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

function decode(bytes: Uint8Array | null): Record<number, { clock: number; state: any }> {
  const out: Record<number, { clock: number; state: any }> = {};
  if (!bytes) return out;
  const d = decoding.createDecoder(bytes);
  const n = decoding.readVarUint(d);
  for (let i = 0; i < n; i++) {
    const id = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    out[id] = { clock, state: JSON.parse(decoding.readVarString(d)) };
  }
  return out;
}

const owner = (userId: string): AwarenessOwner => ({
  userId,
  awarenessIds: new Set(),
  stamp: { id: userId, name: `Nom ${userId}`, role: 'observateur', communeId: null, color: userColor(userId) },
});

describe('shared protocol', () => {
  it('encodes permission-denied as the stock y-protocols message and `writable` as sub-type 1', () => {
    expect([...encodePermissionDenied('locked')]).toEqual([2, 0, 6, ...Buffer.from('locked')]);
    expect(readAuth(encodePermissionDenied('read_only'))).toEqual({ type: 'permission-denied', reason: 'read_only' });
    expect(readAuth(encodeWritable())).toEqual({ type: 'writable' });
    expect(readAuth(new Uint8Array([2, 9]))).toBeNull();
  });

  it('close reasons fit a close frame (123 bytes) and retryable codes are the transient ones', () => {
    for (const reason of Object.values(CLOSE_MESSAGES)) expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    expect([1001, 1012, 1013, 4503].every(isRetryable)).toBe(true);
    expect([4400, 4401, 4403, 4404, 4413, 4429].some(isRetryable)).toBe(false);
  });

  it('derives a stable colour per user', () => {
    expect(userColor('usr_a')).toBe(userColor('usr_a'));
    expect(userColor('usr_a')).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(['a', 'b', 'c', 'd', 'e'].map(userColor)).size).toBeGreaterThan(3);
  });
});

describe('room awareness', () => {
  const limits = { maxStateBytes: 1000, maxIdsPerConnection: 2 };

  it('stamps the user, follows the y-protocols clock rule and coalesces changes', () => {
    const aw = new RoomAwareness(limits);
    const a = owner('u1');
    aw.apply(a, update([[1, 0, { x: 0 }]])); // clock 0 of an unknown id: ignored, like a stock peer does
    expect(aw.hasChanges).toBe(false);
    aw.apply(a, update([[1, 1, { x: 1, user: { name: 'faux' } }]]));
    aw.apply(a, update([[1, 2, { x: 2 }]]));
    aw.apply(a, update([[1, 2, { x: 'same clock' }]]));
    const changes = decode(aw.takeChanges());
    expect(changes).toEqual({ 1: { clock: 2, state: { x: 2, user: a.stamp } } });
    expect(aw.takeChanges()).toBeNull();
  });

  it('drops ids of other users, lets the same user take its id over, caps ids per connection', () => {
    const aw = new RoomAwareness(limits);
    const a = owner('u1');
    const b = owner('u2');
    const a2 = owner('u1');
    aw.apply(a, update([[1, 1, { v: 'a' }]]));
    aw.apply(b, update([[1, 5, { v: 'spoof' }], [2, 1, { v: 'b' }], [3, 1, {}], [4, 1, {}]]));
    expect(decode(aw.encodeAll())[1].state.v).toBe('a');
    expect(b.awarenessIds).toEqual(new Set([2, 3])); // capped at 2
    aw.apply(a2, update([[1, 2, { v: 'reconnected' }]]));
    expect(a.awarenessIds.size).toBe(0);
    expect(decode(aw.encodeAll())[1].state.v).toBe('reconnected');
    aw.takeChanges();
    aw.release(a); // the old connection closing no longer removes the id
    expect(aw.takeChanges()).toBeNull();
    aw.release(b);
    expect(decode(aw.takeChanges())).toEqual({ 2: { clock: 2, state: null }, 3: { clock: 2, state: null } });
    expect(Object.keys(decode(aw.encodeAll()))).toEqual(['1']);
  });

  it('refuses oversized states and malformed JSON', () => {
    const aw = new RoomAwareness(limits);
    expect(() => aw.apply(owner('u'), update([[1, 1, { big: 'x'.repeat(2000) }]]))).toThrow(/too large/);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, '{oops');
    expect(() => aw.apply(owner('u'), encoding.toUint8Array(e))).toThrow(SyntaxError);
  });
});
