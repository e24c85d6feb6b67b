import { serve, type ServerType } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import type { AddressInfo } from 'node:net';
import type { AppDeps } from './context.js';
import { createApp } from './app.js';
import { openDatabase } from './db/client.js';
import { createEventBus } from './features/events/event-bus.js';
import { createLogger } from './lib/logger.js';
import { systemClock, type Clock } from './lib/clock.js';
import type { Env } from './env.js';

/** Builds the dependencies from the configuration: database (migrated), event bus, logger, clock. */
export function createDeps(env: Env, clock: Clock = systemClock): AppDeps {
  const { db, sqlite } = openDatabase(env.DATABASE_PATH);
  return { db, sqlite, env, clock, logger: createLogger(env.LOG_LEVEL), events: createEventBus(db, clock) };
}

export type RunningServer = {
  port: number;
  server: ServerType;
  /** Flushes and closes everything: WebSockets (1001/1012), HTTP server, database. */
  close(code?: 1001 | 1012): Promise<void>;
};

/** Starts HTTP + WebSocket on one port. */
export async function startServer(deps: AppDeps): Promise<RunningServer> {
  const { app } = createApp(deps);
  const { injectWebSocket } = createNodeWebSocket({ app });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: deps.env.PORT, hostname: deps.env.HOST }, () => resolve(s));
  });
  injectWebSocket(server);
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    port,
    server,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        deps.sqlite.close();
      })();
      return closing;
    },
  };
}
