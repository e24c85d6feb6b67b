import { serve, type ServerType } from '@hono/node-server';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppDeps } from './context.js';
import { createApp, type FeatureMount } from './app.js';
import { openDatabase } from './db/client.js';
import { createEventBus } from './features/events/event-bus.js';
import { createLogger } from './lib/logger.js';
import { systemClock, type Clock } from './lib/clock.js';
import { createPolicy } from './policies/index.js';
import { createCollaboration, type CollaborationServer } from './collab/index.js';
import { collabOptions, type CollabOptions } from './collab/config.js';
import type { Collaboration } from './collab/types.js';
import { documentsMount } from './features/documents/documents.mount.js';
import { eventsMount } from './features/events/events.routes.js';
import { exportsMount } from './features/exports/exports.mount.js';
import { versionsMount } from './features/versions/versions.mount.js';
import { conventionMount } from './features/convention/convention.mount.js';
import { scenariosMount } from './features/scenarios/scenarios.mount.js';
import { commentsMount } from './features/comments/comments.mount.js';
import { workshopsMount } from './features/workshops/workshops.mount.js';
import { roundsMount } from './features/rounds/rounds.mount.js';
import type { Env } from './env.js';

/** Builds the dependencies from the configuration: database (migrated), event bus, logger, clock. */
export function createDeps(env: Env, clock: Clock = systemClock): AppDeps {
  const { db, sqlite } = openDatabase(env.DATABASE_PATH);
  return { db, sqlite, env, clock, logger: createLogger(env.LOG_LEVEL), events: createEventBus(db, clock) };
}

/**
 * Features that need the collaboration service (documents routes, presence events…), mounted under /api next to
 * the base features of `createApp`. Add yours here.
 */
export function buildMounts(collaboration: Collaboration, options: { shutdownSignal?: AbortSignal } = {}): FeatureMount[] {
  return [documentsMount(collaboration), versionsMount(collaboration), exportsMount(collaboration), commentsMount(collaboration), workshopsMount(collaboration), scenariosMount(collaboration), conventionMount(collaboration), roundsMount(collaboration, { shutdownSignal: options.shutdownSignal }), eventsMount({ shutdownSignal: options.shutdownSignal })];
}

export type RunningServer = {
  port: number;
  server: ServerType;
  /** The collaboration service (rooms on `/ws/:documentId`), for features and tests. */
  collaboration: CollaborationServer;
  /** Flushes and closes everything: WebSockets (1001/1012), HTTP server, database. */
  close(code?: 1001 | 1012): Promise<void>;
};

export type StartOptions = {
  /** Collaboration tunables over the defaults and `COLLAB_*` variables (tests shrink timings and limits). */
  collab?: Partial<CollabOptions>;
};

/** Starts HTTP + WebSocket (`/ws/:documentId`, y-websocket protocol) on one port. */
export async function startServer(deps: AppDeps, options: StartOptions = {}): Promise<RunningServer> {
  const policy = createPolicy(deps.db);
  const collaboration = createCollaboration(deps, policy, collabOptions(process.env, options.collab));
  // Ends the open event streams on shutdown: server.close() waits for every open HTTP response.
  const streams = new AbortController();
  const { app } = createApp(deps, buildMounts(collaboration, { shutdownSignal: streams.signal }));
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: deps.env.PORT, hostname: deps.env.HOST }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Le port ${deps.env.PORT} est déjà utilisé : choisissez-en un autre avec PORT=…`) : err),
    );
  });
  // The collaboration server owns `/ws/*` upgrades; any other upgrade is answered 404 rather than left hanging.
  (server as HttpServer).on('upgrade', (req, socket, head) => {
    if (collaboration.handleUpgrade(req, socket, head)) return;
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    port,
    server,
    collaboration,
    close(code = 1001) {
      closing ??= (async () => {
        // Flush every room, then close the sockets with `code`; then terminate stragglers, or server.close() would
        // wait for them (an upgraded socket still counts as an open connection).
        streams.abort();
        await collaboration.shutdown(code);
        for (const ws of collaboration.wss.clients) ws.terminate();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        deps.sqlite.close();
      })();
      return closing;
    },
  };
}
