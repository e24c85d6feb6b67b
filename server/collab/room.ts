/**
 * One loaded document: its Y.Doc, its connections and its awareness, speaking the y-websocket protocol.
 *
 * Durable before visible. Client updates are only queued when they arrive (`incoming`). Once per event-loop turn the
 * registry's committer integrates them into the doc in ONE transaction, which yields one delta (`pending`); the delta
 * is appended to SQLite, and only after the commit is it broadcast. The doc may therefore hold uncommitted deltas
 * (while a write fails and is retried): sync step 1 requests are then deferred until the commit, so a sync reply
 * never contains an update that is not durable. What is stored is exactly what the doc emitted, so a reload always
 * reproduces what clients saw.
 *
 * Cold open. A document stored as a compacted snapshot (no log tail) is not applied to the Y.Doc on load: building a
 * large doc and re-encoding it for a new client took most of a cold open. Until the doc is needed, a client whose
 * state vector is empty gets the stored snapshot bytes as its sync step 2, as they are (stored, hence durable). The
 * doc is built right after that first reply (or on first use: the `doc` getter), and the server's own sync step 1,
 * which needs the doc's state vector, goes out then.
 */
import * as Y from 'yjs';
import { encodePermissionDenied } from '../../shared/collab/protocol.js';
import { handleMessage } from './dispatch.js';
import { awarenessMessage, encodeIntegrated, storedSyncStep2, syncStep1, syncStep2, updateMessage } from './messages.js';
import { RoomAwareness } from './awareness.js';
import type { Connection } from './connection.js';
import type { CollabOptions } from './config.js';
import type { UpdateStore } from './update-store.js';
import { ProtocolError } from './errors.js';
import { nextTurn, settleable } from './async.js';

export type RoomHooks = {
  /** Asks the committer to integrate/commit/broadcast this room in the current turn. */
  schedule(room: Room): void;
  /** Asks for an awareness broadcast (coalesced over `awarenessFlushMs`). */
  scheduleAwareness(room: Room): void;
  /** A failure outside any caller that could report it (building a cold doc from a timer). */
  report(room: Room, step: string, err: unknown): void;
};


/** A room loaded cold builds its doc this long after the load when no client asked for the state meanwhile. */
const WARM_AFTER_MS = 250;

export class Room {
  private readonly ydoc = new Y.Doc();
  /** The stored snapshot while the doc has not been built from it yet (see "Cold open" above). */
  private cold: Uint8Array | null = null;
  private warmTimer: NodeJS.Timeout | null = null;
  /** Connections that joined while the room was cold: they get the server's sync step 1 once the doc is built. */
  private readonly awaitingStep1 = new Set<Connection>();
  readonly awareness: RoomAwareness;
  /** Connections that completed the handshake: they receive broadcasts. */
  readonly conns = new Set<Connection>();
  /** Connections that arrived during the load: their messages stay queued until it ends. */
  private readonly waiting = new Set<Connection>();
  state: 'loading' | 'ready' | 'failed' | 'closed' = 'loading';
  private readonly loadResult = settleable();
  /** Resolves when the doc is loaded; rejects when the load failed (never leaves an empty doc in service). */
  readonly loaded = this.loadResult.promise;

  // Received, not yet integrated (parallel arrays: no per-update object).
  private incoming: Uint8Array[] = [];
  private incomingFrom: Connection[] = [];
  private incomingBytes = 0;
  // Integrated into the doc, not yet committed; `pendingSkip` is the only contributor (it needs no echo) or null.
  pendingUpdates: Uint8Array[] = [];
  private pendingSkip: (Connection | null)[] = [];
  pendingBytes = 0;
  /** Writes of server-side edits that must commit in the same transaction as `pendingUpdates` (amendment decisions). */
  pendingTx: (() => void)[] = [];
  private skip: Connection | null = null;
  /** Sync step 1 requests waiting for a commit: the latest one per connection. */
  private deferredSyncs = new Map<Connection, Uint8Array>();
  private commitWaiters: { resolve: () => void; reject: (err: Error) => void }[] = [];

  /** Approximate encoded size (snapshot + committed deltas), for the document size cap. */
  sizeEstimate = 0;
  /** Log rows after the snapshot: compaction starts at `compactEvery`. */
  tailCount = 0;
  /** Server-side edits/reads in progress: the room stays loaded meanwhile. */
  holds = 0;
  failures = 0;
  retryTimer: NodeJS.Timeout | null = null;
  idleTimer: NodeJS.Timeout | null = null;
  awarenessTimer: NodeJS.Timeout | null = null;
  lastAwarenessFlush = 0;
  compacting = false;
  compactNotBefore = 0;

  constructor(
    readonly documentId: string,
    private readonly options: CollabOptions,
    private readonly hooks: RoomHooks,
  ) {
    this.awareness = new RoomAwareness({ maxStateBytes: options.maxAwarenessStateBytes, maxIdsPerConnection: options.maxAwarenessIdsPerConnection });
    this.loaded.catch(() => {}); // observed by the registry; no unhandled rejection when nobody else waits
  }

  /**
   * The document, built from the stored snapshot first if the room is still cold. Every server-side use (edits,
   * reads, integrating client updates, sync replies to non-empty state vectors) goes through here.
   */
  get doc(): Y.Doc {
    if (this.cold) this.warm();
    if (this.state === 'failed') throw new Error(`room ${this.documentId} failed: its stored state is unreadable`);
    return this.ydoc;
  }

  /**
   * Loads snapshot + log tail, `chunkRows` updates per turn. A snapshot without tail stays cold (bytes only) until
   * needed. On failure, waiting connections get 4503.
   */
  async load(store: UpdateStore): Promise<void> {
    try {
      const stored = store.load(this.documentId);
      let bytes = stored.snapshot?.byteLength ?? 0;
      const { updates } = stored;
      if (stored.snapshot && updates.length === 0) {
        this.cold = stored.snapshot;
        this.scheduleWarm(WARM_AFTER_MS);
      } else if (stored.snapshot) Y.applyUpdate(this.ydoc, stored.snapshot);
      for (let i = 0; i < updates.length; i += this.options.chunkRows) {
        if (i > 0) await nextTurn();
        if (this.state !== 'loading') return;
        this.ydoc.transact(() => {
          for (const update of updates.slice(i, i + this.options.chunkRows)) {
            Y.applyUpdate(this.ydoc, update);
            bytes += update.byteLength;
          }
        });
      }
      if (this.state !== 'loading') return;
      this.sizeEstimate = bytes;
      this.tailCount = updates.length;
      if (!this.cold) this.ydoc.on('update', this.onDocUpdate);
      this.state = 'ready';
      this.loadResult.resolve();
      for (const conn of this.waiting) this.join(conn);
    } catch (err) {
      this.state = 'failed';
      for (const conn of this.waiting) conn.close(4503);
      this.waiting.clear();
      this.loadResult.reject(err as Error);
      throw err;
    }
  }

  /** A connection for this document (joins now, or when the load ends). */
  add(conn: Connection): void {
    if (this.state === 'ready') this.join(conn);
    else if (this.state === 'loading') this.waiting.add(conn);
    else conn.close(4503);
  }

  /**
   * Builds the doc from the cold snapshot, then starts listening (what it applies is stored already) and sends the
   * server's sync step 1 to the connections that joined meanwhile. A snapshot Yjs cannot read fails the room: its
   * connections get 4503 rather than an empty document that later edits would write over.
   */
  private warm(): void {
    const bytes = this.cold!;
    this.cold = null;
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = null;
    try {
      Y.applyUpdate(this.ydoc, bytes);
    } catch (err) {
      this.state = 'failed';
      for (const conn of [...this.conns]) conn.close(4503);
      throw err;
    }
    this.ydoc.on('update', this.onDocUpdate);
    const step1 = syncStep1(this.ydoc);
    for (const conn of this.awaitingStep1) if (conn.open && this.conns.has(conn)) conn.send(step1);
    this.awaitingStep1.clear();
  }

  private scheduleWarm(afterMs: number): void {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => this.warmQuietly(), afterMs);
    this.warmTimer.unref();
  }

  /** Warming off any request (timer, reply written): a failure fails the room (see `warm`) and is reported here. */
  private warmQuietly(): void {
    this.warmTimer = null;
    if (!this.cold || this.state !== 'ready') return;
    try {
      this.warm();
    } catch (err) {
      this.hooks.report(this, 'warm', err);
    }
  }

  /** The connection closed: forget it and remove its awareness states. */
  remove(conn: Connection): void {
    this.waiting.delete(conn);
    this.awaitingStep1.delete(conn);
    this.deferredSyncs.delete(conn);
    if (!this.conns.delete(conn)) return;
    this.awareness.release(conn);
    if (this.awareness.hasChanges) this.hooks.scheduleAwareness(this);
  }

  /** False while the room is cold (its doc not built from the stored snapshot yet). */
  get built(): boolean {
    return this.cold === null && this.state === 'ready';
  }

  /** The doc's integrated content, i.e. everything committed (call when nothing is uncommitted): for compaction. */
  committedState(): Uint8Array {
    return encodeIntegrated(this.doc);
  }

  /** No connection and no server-side operation: a candidate for unloading. */
  get idle(): boolean {
    return this.conns.size === 0 && this.waiting.size === 0 && this.holds === 0;
  }

  get hasUncommitted(): boolean {
    return this.incoming.length > 0 || this.pendingUpdates.length > 0;
  }

  /** Resolves once everything applied so far is committed. */
  whenCommitted(): Promise<void> {
    if (!this.hasUncommitted) return Promise.resolve();
    return new Promise((resolve, reject) => this.commitWaiters.push({ resolve, reject }));
  }

  private join(conn: Connection): void {
    this.waiting.delete(conn);
    if (!conn.open) return;
    this.conns.add(conn);
    if (this.cold) this.awaitingStep1.add(conn);
    else conn.send(syncStep1(this.ydoc));
    this.sendAwarenessTo(conn);
    // Read-only users learn it at once, so the UI shows its banner before they type.
    if (!conn.permission.writable && conn.permission.reason) conn.send(encodePermissionDenied(conn.permission.reason));
    conn.attach((c, message) => handleMessage(this, c, message));
  }

  /** Every awareness state of the room (on join and on query-awareness). */
  sendAwarenessTo(conn: Connection): void {
    const states = this.awareness.encodeAll();
    if (states) conn.send(awarenessMessage(states));
  }

  /**
   * Sync step 1 of a client: answered from committed state only (deferred while a delta awaits its commit). While
   * the room is cold, a client that has nothing (empty state vector) gets the stored snapshot as it is, and the doc
   * is built just after that reply went out.
   */
  answerSync(conn: Connection, stateVector: Uint8Array): void {
    Y.decodeStateVector(stateVector); // validates now: a deferred reply must not fail later
    if (this.cold && stateVector.byteLength === 1 && stateVector[0] === 0) {
      // Build the doc once the reply is written out (a large one takes several writes: building first would hold
      // them back), or after WARM_AFTER_MS if the socket went away meanwhile.
      this.scheduleWarm(WARM_AFTER_MS);
      conn.send(storedSyncStep2(this.cold), () => setImmediate(() => this.warmQuietly()));
      return;
    }
    if (this.pendingUpdates.length) this.deferredSyncs.set(conn, stateVector.slice());
    else conn.send(syncStep2(this.doc, stateVector));
  }

  /** An awareness update of a client (rate-limited, ownership-checked, stamped, coalesced). */
  receiveAwareness(conn: Connection, update: Uint8Array): void {
    // Only updates that change something count against the flood limit: y-websocket clients re-send every awareness
    // update they receive (stale clocks, ignored here), so in a busy room honest clients would otherwise be closed.
    if (this.awareness.apply(conn, update) > 0) conn.chargeAwareness();
    if (this.awareness.hasChanges) this.hooks.scheduleAwareness(this);
  }

  /** A sync step 2 or update of a client: dropped for read-only connections, else queued for this turn's commit. */
  receiveUpdate(conn: Connection, update: Uint8Array): void {
    // `[0, 0]`: no struct, no deletion (a synced client's step 2). Not an edit, read-only or not.
    if (update.byteLength === 2 && update[0] === 0 && update[1] === 0) return;
    if (!conn.permission.writable) return conn.denied();
    const projected = this.sizeEstimate + this.pendingBytes + this.incomingBytes + update.byteLength;
    if (projected > this.options.maxDocumentBytes) throw new ProtocolError(4413, 'document too large');
    if (this.pendingBytes > this.options.maxPendingBytes) throw new ProtocolError(4503, 'storage unavailable');
    this.incoming.push(update.slice()); // own copy: the socket buffer is not retained by the doc
    this.incomingFrom.push(conn);
    this.incomingBytes += update.byteLength;
    this.hooks.schedule(this);
  }

  /** Committer step 1: applies the turn's updates in one transaction (one delta). Bad updates close their sender. */
  integrate(): void {
    if (this.incoming.length === 0 || this.state !== 'ready') return;
    const updates = this.incoming;
    const from = this.incomingFrom;
    this.incoming = [];
    this.incomingFrom = [];
    this.incomingBytes = 0;
    // The sole contributor of a turn needs no echo, unless the delta may also release structs Yjs held back for
    // missing dependencies (sent by someone else, so possibly unknown to it).
    const heldBack = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
    let only: Connection | null = heldBack ? null : from[0];
    for (const conn of from) if (conn !== only) only = null;
    const offenders: Connection[] = [];
    this.skip = only;
    try {
      this.doc.transact(() => {
        for (let i = 0; i < updates.length; i++) {
          try {
            Y.applyUpdate(this.doc, updates[i]);
          } catch {
            offenders.push(from[i]); // whatever it integrated before failing is in the delta, so stored too
          }
        }
      }, this);
    } finally {
      this.skip = null;
    }
    for (const conn of offenders) conn.close(4400);
  }

  private readonly onDocUpdate = (update: Uint8Array): void => {
    this.pendingUpdates.push(update);
    this.pendingSkip.push(this.skip);
    this.pendingBytes += update.byteLength;
    this.hooks.schedule(this);
  };

  /** Committer step 3 (after the transaction committed): broadcast, answer deferred syncs, release waiters. */
  committed(): void {
    const updates = this.pendingUpdates;
    const skips = this.pendingSkip;
    this.pendingUpdates = [];
    this.pendingSkip = [];
    this.pendingTx = [];
    this.sizeEstimate += this.pendingBytes;
    this.pendingBytes = 0;
    this.tailCount += updates.length;
    this.failures = 0;
    for (let i = 0; i < updates.length; i++) {
      const message = updateMessage(updates[i]); // encoded once, sent to every peer
      for (const conn of this.conns) if (conn !== skips[i]) conn.send(message);
    }
    const syncs = this.deferredSyncs;
    this.deferredSyncs = new Map();
    for (const [conn, stateVector] of syncs) conn.send(syncStep2(this.doc, stateVector));
    if (!this.hasUncommitted) this.settleWaiters(null);
  }

  /** Broadcasts the coalesced awareness changes to everyone, the senders included. */
  broadcastAwareness(now: number): void {
    const changes = this.awareness.takeChanges();
    this.lastAwarenessFlush = now;
    if (!changes) return;
    const message = awarenessMessage(changes);
    for (const conn of this.conns) conn.send(message);
  }

  /** Closes every connection (shutdown) and rejects server-side operations still waiting for a commit. */
  close(code: 1001 | 1012 | 4503): void {
    if (this.state === 'loading') {
      this.state = 'closed';
      this.loadResult.reject(new Error(`room ${this.documentId} closed during its load`));
    }
    for (const conn of [...this.waiting, ...this.conns]) conn.close(code);
    this.settleWaiters(new Error(`room ${this.documentId} closed before its updates were committed`));
  }

  /** Frees the doc and timers (after unload or shutdown). */
  destroy(): void {
    this.state = 'closed';
    for (const timer of [this.retryTimer, this.idleTimer, this.awarenessTimer, this.warmTimer]) if (timer) clearTimeout(timer);
    this.cold = null;
    this.ydoc.destroy();
  }

  private settleWaiters(err: Error | null): void {
    const waiters = this.commitWaiters;
    this.commitWaiters = [];
    for (const waiter of waiters) {
      if (err) waiter.reject(err);
      else waiter.resolve();
    }
  }
}
