/**
 * The loaded rooms and their lifecycle, and the group-commit loop.
 *
 * - One load per room: `acquire` returns the same Room while it loads; a failed load removes it (the next
 *   connection tries again) and never serves an empty doc.
 * - Group commit: rooms touched during an event-loop turn are committed together in `setImmediate`: integrate the
 *   turn's updates, append every delta in ONE SQLite transaction, then broadcast. better-sqlite3 is synchronous, so
 *   nothing interleaves between the commit and the broadcast.
 * - A failed write keeps the room loaded with its deltas pending (not broadcast), logs, and retries with backoff;
 *   when several rooms fail together each is retried alone so one poisoned document cannot block the others.
 * - Idle rooms (no connection for `roomIdleMs`) are flushed, unloaded and compacted.
 */
import type { Logger } from '../lib/logger.js';
import type { CollabOptions } from './config.js';
import type { CompactionResult, UpdateStore } from './update-store.js';
import { Room } from './room.js';

/** What tests and diagnostics can see of a loaded room. */
export type RoomStats = { documentId: string; state: Room['state']; connections: number; pendingUpdates: number; tailCount: number; failures: number };

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly dirty = new Set<Room>();
  private flushScheduled = false;
  private closed = false;

  constructor(
    private readonly store: UpdateStore,
    private readonly options: CollabOptions,
    private readonly logger: Logger,
  ) {}

  /** The loaded (or loading) room of a document, if any. */
  get(documentId: string): Room | undefined {
    return this.rooms.get(documentId);
  }

  /** The room of a document, starting its load if it is not loaded. */
  acquire(documentId: string): Room {
    if (this.closed) throw new Error('collaboration is shut down');
    let room = this.rooms.get(documentId);
    // A room that failed after its load (a stored snapshot Yjs could not read when built lazily) is replaced: the
    // next connection tries the load again, as after a failed load.
    if (room?.state === 'failed') {
      this.rooms.delete(documentId);
      room.destroy();
      room = undefined;
    }
    if (room) {
      this.clearIdle(room);
      return room;
    }
    room = new Room(documentId, this.options, { schedule: this.schedule, scheduleAwareness: this.scheduleAwareness, report: this.report });
    this.rooms.set(documentId, room);
    const loading = room;
    loading.load(this.store).then(
      () => this.touch(loading),
      (err) => {
        this.logger.error('collab room load failed', { documentId, error: String(err) });
        if (this.rooms.get(documentId) === loading) this.rooms.delete(documentId);
        loading.destroy();
      },
    );
    return room;
  }

  /** Re-evaluates whether the room is idle (after a connection left or a server-side operation ended). */
  touch(room: Room): void {
    if (this.closed || room.state !== 'ready' || this.rooms.get(room.documentId) !== room) return;
    if (!room.idle) return this.clearIdle(room);
    if (room.idleTimer) return;
    room.idleTimer = setTimeout(() => {
      room.idleTimer = null;
      this.guard(room, 'unload', () => this.unload(room));
    }, this.options.roomIdleMs);
    room.idleTimer.unref();
  }

  /** Rooms touched this turn; the committer runs once, after the I/O of the turn. */
  readonly schedule = (room: Room): void => {
    this.dirty.add(room);
    if (this.flushScheduled || this.closed) return;
    this.flushScheduled = true;
    setImmediate(this.flush);
  };

  /** Awareness is broadcast at most every `awarenessFlushMs` per room (coalescing cursor storms), else this turn. */
  readonly scheduleAwareness = (room: Room): void => {
    if (room.awarenessTimer || this.closed) return;
    const wait = room.lastAwarenessFlush + this.options.awarenessFlushMs - Date.now();
    if (wait <= 0) return this.schedule(room);
    room.awarenessTimer = setTimeout(() => {
      room.awarenessTimer = null;
      this.schedule(room);
    }, wait);
  };

  private readonly flush = (): void => {
    this.flushScheduled = false;
    const rooms = [...this.dirty];
    this.dirty.clear();
    this.commit(rooms, false);
  };

  /** Integrate → one transaction → broadcast. `force` ignores retry backoff (unload, shutdown). */
  private commit(rooms: Room[], force: boolean): void {
    const ready = rooms.filter((r) => r.state === 'ready');
    for (const room of ready) this.guard(room, 'integrate', () => room.integrate());
    const batch = ready.filter((r) => r.pendingUpdates.length > 0 && (force || !r.retryTimer));
    if (batch.length) this.write(batch);
    const now = Date.now();
    for (const room of ready) {
      if (room.awareness.hasChanges && !room.awarenessTimer) this.guard(room, 'awareness', () => room.broadcastAwareness(now));
    }
  }

  private readonly report = (room: Room, step: string, err: unknown): void => {
    this.logger.error('collab room step failed', { documentId: room.documentId, step, error: String(err), stack: (err as Error).stack });
  };

  /** A bug in one room must neither crash the process (this runs in setImmediate) nor stall the other rooms. */
  private guard(room: Room, step: string, run: () => void): void {
    try {
      run();
    } catch (err) {
      this.logger.error('collab room step failed', { documentId: room.documentId, step, error: String(err), stack: (err as Error).stack });
    }
  }

  private write(batch: Room[]): void {
    try {
      this.store.append(batch.map((r) => ({ documentId: r.documentId, updates: r.pendingUpdates, inTransaction: r.pendingTx })));
    } catch (err) {
      if (batch.length === 1) return this.failed(batch[0], err);
      for (const room of batch) {
        try {
          this.store.append([{ documentId: room.documentId, updates: room.pendingUpdates, inTransaction: room.pendingTx }]);
        } catch (roomErr) {
          this.failed(room, roomErr);
          continue;
        }
        this.committed(room);
      }
      return;
    }
    for (const room of batch) this.committed(room);
  }

  private committed(room: Room): void {
    if (room.retryTimer) clearTimeout(room.retryTimer);
    room.retryTimer = null;
    this.guard(room, 'broadcast', () => room.committed());
    if (room.tailCount >= this.options.compactEvery && !room.compacting && Date.now() >= room.compactNotBefore) this.compact(room);
  }

  private failed(room: Room, err: unknown): void {
    room.failures++;
    const delay = Math.min(this.options.retryBaseMs * 2 ** (room.failures - 1), this.options.retryMaxMs);
    this.logger.error('collab write failed; updates kept pending', {
      documentId: room.documentId,
      pendingUpdates: room.pendingUpdates.length,
      attempt: room.failures,
      retryInMs: delay,
      error: String(err),
    });
    if (room.retryTimer) clearTimeout(room.retryTimer);
    room.retryTimer = setTimeout(() => {
      room.retryTimer = null;
      this.schedule(room);
    }, delay);
  }

  /**
   * Compacts a loaded room's log. Right after its commit the room's doc is exactly what its log holds (the room is
   * the only writer of its document), so the snapshot is encoded from it: no doc is rebuilt from the log, which used
   * to stall a busy room's event loop for tens of milliseconds every `compactEvery` rows.
   */
  private compact(room: Room): void {
    if (!room.hasUncommitted) {
      try {
        this.compacted(room, this.store.compactWith(room.documentId, room.committedState()));
      } catch (err) {
        room.compactNotBefore = Date.now() + 30_000;
        this.logger.error('collab compaction failed', { documentId: room.documentId, error: String(err) });
      }
      return;
    }
    room.compacting = true;
    this.store.compact(room.documentId).then(
      (result) => this.compacted(room, result),
      (err) => {
        room.compactNotBefore = Date.now() + 30_000;
        this.logger.error('collab compaction failed', { documentId: room.documentId, error: String(err) });
      },
    ).finally(() => {
      room.compacting = false;
    });
  }

  private compacted(room: Room, result: CompactionResult): void {
    if (!result) return;
    room.tailCount = Math.max(0, room.tailCount - result.compactedRows);
    room.sizeEstimate += result.snapshotBytes - result.foldedBytes;
  }

  /** Flushes, unloads and compacts an idle room; keeps it loaded while its writes fail. */
  private unload(room: Room): void {
    if (!room.idle || this.rooms.get(room.documentId) !== room || this.closed) return;
    if (room.hasUncommitted) this.commit([room], true);
    if (room.hasUncommitted) {
      this.touch(room); // storage still failing: stay loaded, try again after another idle period
      return;
    }
    this.rooms.delete(room.documentId);
    // Everything is committed: fold the log from the doc about to be freed (nothing to re-read), unless the room
    // never built it (a cold room only read its snapshot: there is no log to fold then).
    if (room.built) {
      try {
        this.store.compactWith(room.documentId, room.committedState());
      } catch (err) {
        this.logger.error('collab compaction failed', { documentId: room.documentId, error: String(err) });
      }
      room.destroy();
      return;
    }
    room.destroy();
    this.store.compact(room.documentId).catch((err) => {
      this.logger.error('collab compaction failed', { documentId: room.documentId, error: String(err) });
    });
  }

  private clearIdle(room: Room): void {
    if (room.idleTimer) clearTimeout(room.idleTimer);
    room.idleTimer = null;
  }

  /** Loaded rooms, for tests and diagnostics. */
  stats(): RoomStats[] {
    return [...this.rooms.values()].map((r) => ({
      documentId: r.documentId,
      state: r.state,
      connections: r.conns.size,
      pendingUpdates: r.pendingUpdates.length,
      tailCount: r.tailCount,
      failures: r.failures,
    }));
  }

  /**
   * Shutdown: one last commit of every room (ignoring backoff), each log folded into its snapshot, then every
   * socket is closed with `code` and the rooms freed. Uncommitted deltas of a store that still fails are logged:
   * their authors still hold them and re-send them when they reconnect.
   */
  async shutdown(code: 1001 | 1012): Promise<void> {
    if (this.closed) return;
    const rooms = [...this.rooms.values()];
    this.commit(rooms, true);
    this.closed = true;
    for (const room of rooms) {
      if (room.hasUncommitted) {
        this.logger.error('collab shutdown with uncommitted updates', { documentId: room.documentId, pendingUpdates: room.pendingUpdates.length });
      } else if (room.built && room.tailCount > 0) {
        // Fold the log from the doc we hold: after the restart the document opens from its snapshot alone (cold open).
        try {
          this.store.compactWith(room.documentId, room.committedState());
        } catch (err) {
          this.logger.error('collab compaction failed', { documentId: room.documentId, error: String(err) });
        }
      }
      room.close(code);
      room.destroy();
    }
    this.rooms.clear();
    this.dirty.clear();
    await this.store.close();
  }
}
