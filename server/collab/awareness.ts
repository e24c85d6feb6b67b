/**
 * Server-side awareness of one room (y-protocols/awareness wire format, without the y-protocols `Awareness` class:
 * one timer-free map per room is all the server needs).
 *
 * Rules (contracts.md): the `user` field of every state is stamped from the session; a connection may only update the
 * client ids it introduced (a reconnect of the same user may take its id over); changes are coalesced and broadcast to
 * every connection, the sender included (stock clients drop a socket that stays silent for 30 s); a closing
 * connection's states are removed and that removal broadcast.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { AwarenessUser } from '../../shared/collab/protocol.js';
import { ProtocolError } from './errors.js';

/** What the awareness map needs to know about a connection. */
export type AwarenessOwner = {
  readonly userId: string;
  readonly stamp: AwarenessUser;
  readonly awarenessIds: Set<number>;
};

type Entry = { clock: number; /** Stamped JSON, or null once removed. */ json: string | null; owner: AwarenessOwner | null };

export type AwarenessLimits = { maxStateBytes: number; maxIdsPerConnection: number };

export class RoomAwareness {
  private readonly entries = new Map<number, Entry>();
  private readonly dirty = new Set<number>();

  constructor(private readonly limits: AwarenessLimits) {}

  /** True when changes wait to be broadcast. */
  get hasChanges(): boolean {
    return this.dirty.size > 0;
  }

  /**
   * Applies an awareness update sent by `owner`. Entries for ids another user's connection introduced are dropped
   * (spoofing), as are ids beyond the per-connection cap. Throws ProtocolError on malformed or oversized input.
   * Returns how many states it changed: stock clients echo every update they receive, and those echoes change nothing.
   */
  apply(owner: AwarenessOwner, update: Uint8Array): number {
    let changed = 0;
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const raw = decoding.readVarString(decoder);
      if (raw.length > this.limits.maxStateBytes) throw new ProtocolError(4413, 'awareness state too large');
      let entry = this.entries.get(clientId);
      // y-protocols acceptance rule, so the server forwards exactly what a stock peer would apply: a newer clock, or
      // the removal (null) of a live state at the same clock. Stale entries — the echoes every stock client sends of
      // the states it receives — are skipped first, without parsing and without touching ownership.
      const current = entry?.clock ?? 0;
      if (current > clock) continue;
      if (current === clock && (entry?.json == null || raw.trim() !== 'null')) continue;
      if (entry?.owner && entry.owner !== owner) {
        if (entry.owner.userId !== owner.userId) continue; // spoofing another user's client id: dropped
        // Same user, newer state: that client reconnected on this connection, which takes the id over. (An echo from
        // the same person's other tab carries no newer clock, so it never steals the id — nor removes it on close.)
        entry.owner.awarenessIds.delete(clientId);
        entry.owner = owner;
        owner.awarenessIds.add(clientId);
      }
      if (!owner.awarenessIds.has(clientId) && owner.awarenessIds.size >= this.limits.maxIdsPerConnection) continue;
      const state: unknown = JSON.parse(raw); // SyntaxError → 4400 by the caller
      if (current === clock && state !== null) continue;
      if (!entry) {
        entry = { clock, json: null, owner };
        this.entries.set(clientId, entry);
      }
      entry.owner = owner;
      owner.awarenessIds.add(clientId);
      entry.clock = clock;
      entry.json = state === null ? null : this.stamp(state, owner.stamp);
      this.dirty.add(clientId);
      changed++;
    }
    return changed;
  }

  /** Removes every state the connection introduced (its socket closed). */
  release(owner: AwarenessOwner): void {
    for (const clientId of owner.awarenessIds) {
      const entry = this.entries.get(clientId);
      if (!entry || entry.owner !== owner) continue;
      entry.owner = null;
      if (entry.json !== null) {
        entry.clock++;
        entry.json = null;
        this.dirty.add(clientId);
      } else if (!this.dirty.has(clientId)) {
        this.entries.delete(clientId);
      }
    }
    owner.awarenessIds.clear();
  }

  /** The coalesced update of everything changed since the last call (null when nothing changed). */
  takeChanges(): Uint8Array | null {
    if (this.dirty.size === 0) return null;
    const ids = [...this.dirty];
    this.dirty.clear();
    const update = this.encode(ids);
    for (const id of ids) {
      const entry = this.entries.get(id);
      // Removed states of departed connections are forgotten once their removal went out.
      if (entry && entry.json === null && entry.owner === null) this.entries.delete(id);
    }
    return update;
  }

  /** Every live state (for a joining connection and query-awareness), or null when there is none. */
  encodeAll(): Uint8Array | null {
    const ids: number[] = [];
    for (const [id, entry] of this.entries) if (entry.json !== null) ids.push(id);
    return ids.length ? this.encode(ids) : null;
  }

  private encode(ids: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, ids.length);
    for (const id of ids) {
      const entry = this.entries.get(id)!;
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.json ?? 'null');
    }
    return encoding.toUint8Array(encoder);
  }

  private stamp(state: unknown, user: AwarenessUser): string {
    const object = state !== null && typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
    object.user = user; // the session decides who this is, never the client
    return JSON.stringify(object);
  }
}
