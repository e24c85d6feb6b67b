/**
 * One open real-time document: the Y.Doc, its IndexedDB replica and the WebSocket provider, plus the connection
 * state the editor page shows. Framework-free; `useCollabSession` owns its lifecycle (created in an effect,
 * destroyed in its cleanup, so React StrictMode's double mount leaves no orphan socket).
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { CLOSE_MESSAGES, type CloseCode } from '../../../shared/collab/close-codes.js';
import { MESSAGE_QUERY_AWARENESS } from '../../../shared/collab/protocol.js';
import { DEFAULT_FRAGMENT, fragmentToText } from '../../../shared/editor/index.js';
import { localDocName } from './local';
import { installServerHandlers } from './server-handlers';

/** What the status line says. */
export type ConnectionStatus = 'connecting' | 'saved' | 'saving' | 'reconnecting' | 'offline' | 'closed';

/** Everything the UI reads, as one immutable snapshot. */
export type SessionSnapshot = {
  status: ConnectionStatus;
  /** Set while the server refuses our edits: `read_only`, `locked` (or a future reason). */
  readOnly: string | null;
  /** A terminal close (4400–4499): code and French explanation; no retry. */
  closed: { code: number; message: string } | null;
  /** Content is on screen: the local replica or the server answered. */
  loaded: boolean;
  /** Set once when the replica diverged: the text of our local version, to offer before it is replaced. */
  diverged: string | null;
};

/** Construction options. */
export type SessionOptions = { documentId: string; userId: string; wsBase?: string };

/** How long after the server's step 1 a permission-denied still answers that first exchange. */
const FRESH_STEP1_MS = 2000;
/** Local edits older than this when a permission-denied arrives were processed by the server before it. */
const IN_FLIGHT_MS = 3000;
/** Connect without the local replica if IndexedDB has not answered by then. */
const IDB_FALLBACK_MS = 4000;
/** After a reconnection synced, how long a permission-denied may still be on its way. */
const WRITABLE_GRACE_MS = 600;
const JITTER_MIN_MS = 1500;
const JITTER_SPAN_MS = 2000;

/** Default WebSocket base: same origin, `/ws`. */
function defaultWsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

/** Manages one document's Yjs objects and derives a {@link SessionSnapshot}. */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence;
  private snapshot: SessionSnapshot = { status: 'connecting', readOnly: null, closed: null, loaded: false, diverged: null };
  private listeners = new Set<() => void>();
  private pending = false;
  private pendingTimer: ReturnType<typeof setTimeout> | null = null;
  private everConnected = false;
  private aheadAtStep1 = false;
  /** When we last changed the doc locally (ms): only recent edits can have crossed a lock in flight. */
  private lastLocalEditAt = 0;
  private destroyed = false;
  private started = false;
  private deniedOnThisConnection = false;
  private idbFallback: ReturnType<typeof setTimeout> | null = null;
  private aheadTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly options: SessionOptions) {
    this.persistence = new IndexeddbPersistence(localDocName(options.userId, options.documentId), this.doc);
    // Connect once the local replica is loaded: our first sync then carries the offline edits.
    this.provider = new WebsocketProvider(options.wsBase ?? defaultWsBase(), options.documentId, this.doc, {
      connect: false,
      // The server is the only authority (read-only checks, durability): no tab-to-tab shortcut around it.
      disableBc: true,
    });
    installServerHandlers(this.provider, {
      onAuth: (message) => this.onAuth(message),
      onServerStateVector: (ahead) => {
        // A read-only connection is told so right after this step 1: only then does "ahead" mean "refused".
        this.aheadAtStep1 = ahead;
        if (this.aheadTimer) clearTimeout(this.aheadTimer);
        this.aheadTimer = setTimeout(() => (this.aheadAtStep1 = false), FRESH_STEP1_MS);
      },
    });
    this.provider.on('status', ({ status }) => {
      // Ask the room for everybody's awareness on each (re)connection, so the presence list is complete at once.
      if (status === 'connected') {
        this.provider.ws?.send(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
        this.deniedOnThisConnection = false;
      }
      this.refresh();
    });
    this.provider.on('sync', (synced) => {
      // The server repeats permission-denied on every new connection, never "writable": if this connection synced
      // without a denial (the document was unlocked while we were away), we may write again.
      if (synced && this.snapshot.readOnly !== null) {
        setTimeout(() => {
          if (!this.deniedOnThisConnection && this.provider.synced) this.set({ readOnly: null });
        }, WRITABLE_GRACE_MS);
      }
      this.refresh();
    });
    this.provider.on('connection-close', (event) => {
      // Retryable closes: y-websocket backs off exponentially up to maxBackoffTime; jitter the cap so that a
      // restarting server is not hit by every client at the same instant.
      this.provider.maxBackoffTime = JITTER_MIN_MS + Math.random() * JITTER_SPAN_MS;
      void event;
      this.refresh();
    });
    this.provider.on('closed', ({ code }) => {
      const message = CLOSE_MESSAGES[code as CloseCode] ?? `Connexion fermée (${code}).`;
      this.provider.disconnect();
      this.set({ closed: { code, message }, status: 'closed' });
    });
    this.doc.on('update', this.onUpdate);
    const start = () => {
      if (this.destroyed || this.started) return;
      this.started = true;
      this.set({ loaded: true });
      this.provider.connect();
    };
    this.persistence.once('synced', start);
    // IndexedDB can be unavailable (private browsing, quota): never let it keep the document offline.
    this.idbFallback = setTimeout(start, IDB_FALLBACK_MS);
    this.onNetwork = () => this.refresh();
    window.addEventListener('online', this.onNetwork);
    window.addEventListener('offline', this.onNetwork);
  }

  private onNetwork: () => void;

  /** Subscribes to snapshot changes (useSyncExternalStore-compatible). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current snapshot (stable identity until something changes). */
  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** The plain text of the current replica. */
  text(): string {
    return fragmentToText(this.doc.getXmlFragment(DEFAULT_FRAGMENT));
  }

  /** Closes the socket, the IndexedDB handle and the Y.Doc. Idempotent. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    if (this.aheadTimer) clearTimeout(this.aheadTimer);
    if (this.idbFallback) clearTimeout(this.idbFallback);
    window.removeEventListener('online', this.onNetwork);
    window.removeEventListener('offline', this.onNetwork);
    this.doc.off('update', this.onUpdate);
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.provider || origin === this.persistence) return;
    this.lastLocalEditAt = Date.now();
    this.pending = true;
    this.schedulePendingCheck();
    this.refresh();
  };

  /** y-websocket has no ack: consider local changes saved once sent on a synced, open socket with an empty buffer. */
  private schedulePendingCheck() {
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = null;
      const ws = this.provider.ws;
      if (this.provider.wsconnected && this.provider.synced && ws && ws.bufferedAmount === 0) {
        this.pending = false;
        this.refresh();
      } else this.schedulePendingCheck();
    }, 400);
  }

  private onAuth(message: { type: 'permission-denied'; reason: string } | { type: 'writable' }) {
    if (message.type === 'writable') {
      this.deniedOnThisConnection = false;
      return this.set({ readOnly: null });
    }
    this.deniedOnThisConnection = true;
    this.set({ readOnly: message.reason });
    this.pending = false;
    if (this.aheadAtStep1) {
      // Our replica held changes the server just refused: it diverged. Hand its text to the UI, which resets.
      this.set({ diverged: this.text() });
    } else if (Date.now() - this.lastLocalEditAt < IN_FLIGHT_MS) {
      // Edits sent just before the lock reached us may have been dropped: reconnect, and the fresh step 1 tells.
      this.lastLocalEditAt = 0;
      this.provider.disconnect();
      this.provider.connect();
    }
    this.refresh();
  }

  private refresh() {
    if (this.destroyed || this.snapshot.closed) return;
    const p = this.provider;
    if (p.wsconnected) this.everConnected = true;
    let status: ConnectionStatus;
    if (p.wsconnected && p.synced) status = this.pending ? 'saving' : 'saved';
    else if (p.wsconnected || (!this.everConnected && p.wsUnsuccessfulReconnects < 2)) status = 'connecting';
    else if (navigator.onLine && p.wsUnsuccessfulReconnects < 2) status = 'reconnecting';
    else status = 'offline';
    this.set({ status });
  }

  private set(patch: Partial<SessionSnapshot>) {
    if (this.destroyed) return;
    const next = { ...this.snapshot, ...patch };
    if (Object.keys(patch).every((k) => next[k as keyof SessionSnapshot] === this.snapshot[k as keyof SessionSnapshot])) return;
    this.snapshot = next;
    for (const l of this.listeners) l();
  }
}
