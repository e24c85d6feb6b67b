/**
 * The collaboration server: `/ws/:documentId` on the HTTP server's port (y-websocket protocol), the room registry,
 * the durable update store, presence, and the `Collaboration` service other features use.
 *
 * We drive `ws`'s WebSocketServer ourselves (`noServer`, from the Node server's 'upgrade' event) rather than through
 * @hono/node-ws: the frame cap (`maxPayload`) and compression are set explicitly, authentication runs synchronously
 * before the handshake completes on the raw request, frames reach us as Buffers (no per-message ArrayBuffer copy and
 * MessageEvent), and we own `bufferedAmount`, ping/pong and termination.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type * as Y from 'yjs';
import type { AppDeps } from '../context.js';
import type { Policy } from '../policies/index.js';
import type { Collaboration, EditOptions } from './types.js';
import { onSessionsRevoked, resolveSession } from '../features/auth/sessions.js';
import { CLOSE_MESSAGES, type CloseCode } from '../../shared/collab/close-codes.js';
import { userColor } from '../../shared/collab/colors.js';
import { DEFAULT_COLLAB_OPTIONS, type CollabOptions } from './config.js';
import { admit, isCollabRequest, writePermission, type Admission, type Permission } from './admission.js';
import { Connection } from './connection.js';
import { PresenceRegistry } from './presence.js';
import { RoomRegistry, type RoomStats } from './registry.js';
import { createSqliteUpdateStore, type UpdateStore } from './update-store.js';

/** The service plus what the HTTP server and tests need. */
export type CollaborationServer = Collaboration & {
  /** Answers an HTTP upgrade for `/ws/...`; returns false (socket untouched) for any other path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  readonly wss: WebSocketServer;
  readonly store: UpdateStore;
  readonly options: CollabOptions;
  /** Loaded rooms (tests, diagnostics). */
  stats(): RoomStats[];
};

/** Builds the collaboration server on the app's database, logger and policy. */
export function createCollaboration(deps: AppDeps, policy: Policy, overrides: Partial<CollabOptions> = {}): CollaborationServer {
  const options: CollabOptions = { ...DEFAULT_COLLAB_OPTIONS, ...overrides };
  const { logger } = deps;
  const store = createSqliteUpdateStore(deps.sqlite, { chunkRows: options.chunkRows, now: () => deps.clock.now().toISOString() });
  const registry = new RoomRegistry(store, options, logger);
  const presence = new PresenceRegistry(logger);
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes, perMessageDeflate: false, clientTracking: true });
  const byUser = new Map<string, Set<Connection>>();
  const byDocument = new Map<string, Set<Connection>>();
  let shuttingDown: Promise<void> | null = null;
  let shutdownCode: 1001 | 1012 = 1001;

  const index = <K>(map: Map<K, Set<Connection>>, key: K, conn: Connection, add: boolean) => {
    let set = map.get(key);
    if (add) {
      if (!set) map.set(key, (set = new Set()));
      set.add(conn);
    } else if (set) {
      set.delete(conn);
      if (set.size === 0) map.delete(key);
    }
  };

  function closeRaw(ws: WebSocket, code: CloseCode): void {
    ws.close(code, CLOSE_MESSAGES[code]);
    setTimeout(() => ws.terminate(), options.closeGraceMs).unref();
  }

  function accept(ws: WebSocket, admission: Admission): void {
    // `ws` closes frames over maxPayload with 1009 by itself; the contract (and the client) expects 4413.
    const close = ws.close.bind(ws);
    ws.close = ((code?: number, reason?: string | Buffer) => (code === 1009 ? close(4413, CLOSE_MESSAGES[4413]) : close(code, reason))) as WebSocket['close'];
    ws.on('error', (err) => logger.debug('collab socket error', { error: String(err) }));
    if (shuttingDown) return closeRaw(ws, shutdownCode);
    if (!admission.ok) return closeRaw(ws, admission.code);
    const { user, documentId } = admission;
    const stamp = { id: user.id, name: user.name, role: user.role, communeId: user.communeId ?? null, color: userColor(user.id) };
    const conn = new Connection(ws, user, admission.token, documentId, stamp, admission.permission, options);
    ws.on('message', (data, isBinary) => conn.receive(data as Buffer, isBinary));
    ws.on('pong', () => {
      conn.alive = true;
    });
    const room = registry.acquire(documentId);
    ws.on('close', () => {
      conn.open = false;
      room.remove(conn);
      index(byUser, user.id, conn, false);
      index(byDocument, documentId, conn, false);
      presence.leave(documentId, user.id);
      registry.touch(room);
    });
    index(byUser, user.id, conn, true);
    index(byDocument, documentId, conn, true);
    presence.join(documentId, stamp);
    room.add(conn);
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (!isCollabRequest(req.url)) return false;
    let admission: Admission;
    try {
      admission = admit(deps, policy, req);
    } catch (err) {
      logger.error('collab admission failed', { error: String(err) });
      admission = { ok: false, code: 4503, documentId: null };
    }
    // Refusals are closes after the handshake: browsers cannot read the HTTP status of a failed upgrade.
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, admission));
    return true;
  }

  /** Re-checks a connection's session and permissions (sessions revoked, role changed). */
  function recheck(conn: Connection): void {
    const session = resolveSession(deps, conn.token);
    if (!session) return conn.close(4401);
    if (!policy.can(session.user, 'document.read', { documentId: conn.documentId })) return conn.close(4403);
    conn.setPermission(writePermission(policy, session.user, conn.documentId), true);
  }

  // Called synchronously by logout / role changes: a failure here must not fail their HTTP request.
  const unsubscribeRevocations = onSessionsRevoked((userId) => {
    for (const conn of [...(byUser.get(userId) ?? [])]) {
      try {
        recheck(conn);
      } catch (err) {
        logger.error('collab session re-check failed', { error: String(err) });
        conn.close(4401);
      }
    }
  });

  // Half-open TCP connections would keep rooms loaded forever: ping, and terminate what stays silent. The same sweep
  // re-checks sessions (expiry) and permissions that change without a revocation (participation withdrawn).
  const keepAlive = setInterval(() => {
    for (const conns of [...byDocument.values()]) {
      for (const conn of [...conns]) {
        if (!conn.alive) {
          conn.ws.terminate();
          continue;
        }
        conn.alive = false;
        conn.ws.ping();
        try {
          recheck(conn);
        } catch (err) {
          logger.error('collab session re-check failed', { error: String(err) });
        }
      }
    }
  }, options.keepAliveMs);
  keepAlive.unref();

  /** Runs a server-side operation in the room, keeping it loaded meanwhile. */
  async function withRoom<T>(documentId: string, run: (room: ReturnType<RoomRegistry['acquire']>) => Promise<T> | T): Promise<T> {
    if (shuttingDown) throw new Error('collaboration is shutting down');
    const room = registry.acquire(documentId);
    room.holds++;
    try {
      await room.loaded;
      return await run(room);
    } finally {
      room.holds--;
      registry.touch(room);
    }
  }

  return {
    wss,
    store,
    options,
    handleUpgrade,
    stats: () => registry.stats(),

    edit(documentId: string, fn: (doc: Y.Doc) => void, editOptions: EditOptions = {}): Promise<void> {
      return withRoom(documentId, async (room) => {
        room.doc.transact(() => fn(room.doc), 'server');
        const { inTransaction } = editOptions;
        if (inTransaction) {
          // Written by the committer in the same transaction as the room's pending updates (this edit's included).
          if (room.pendingUpdates.length > 0) room.pendingTx.push(inTransaction);
          else deps.sqlite.transaction(inTransaction)();
        }
        await room.whenCommitted();
      });
    },

    read<T>(documentId: string, fn: (doc: Y.Doc) => T): Promise<T> {
      return withRoom(documentId, async (room) => {
        await room.whenCommitted(); // never read what is not durable yet
        return fn(room.doc);
      });
    },

    lockChanged(documentId: string): void {
      const perUser = new Map<string, Permission>();
      for (const conn of byDocument.get(documentId) ?? []) {
        let permission = perUser.get(conn.userId);
        if (!permission) perUser.set(conn.userId, (permission = writePermission(policy, conn.user, documentId)));
        conn.setPermission(permission, true);
      }
    },

    presence: (documentId) => presence.list(documentId),
    onPresenceChange: (listener) => presence.onChange(listener),

    shutdown(code: 1001 | 1012): Promise<void> {
      shuttingDown ??= (async () => {
        shutdownCode = code;
        clearInterval(keepAlive);
        unsubscribeRevocations();
        await registry.shutdown(code); // flush first, then close the rooms' sockets
        for (const ws of wss.clients) closeRaw(ws, code);
        const deadline = Date.now() + options.closeGraceMs;
        while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        for (const ws of wss.clients) ws.terminate();
      })();
      return shuttingDown;
    },
  };
}

export type { Collaboration } from './types.js';
export type { CollabOptions } from './config.js';
