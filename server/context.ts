import type { Db, Sqlite } from './db/client.js';
import type { Env } from './env.js';
import type { Clock } from './lib/clock.js';
import type { Logger } from './lib/logger.js';
import type { Actor } from '../shared/auth/abilities.js';
import type { EventBus } from './features/events/event-bus.js';

/** Everything a feature needs, built once at boot (or per test) and passed to each router. */
export type AppDeps = {
  db: Db;
  sqlite: Sqlite;
  env: Env;
  clock: Clock;
  logger: Logger;
  events: EventBus;
};

/** The signed-in user as every route sees it. */
export type SessionUser = Actor & {
  email: string;
  name: string;
  title?: string | null;
};

/** Hono environment: variables set by the middlewares. */
export type AppEnv = {
  Variables: {
    requestId: string;
    user: SessionUser | null;
    /** How the request authenticated: cookie requests are subject to CSRF checks, Bearer ones are not. */
    authVia: 'cookie' | 'bearer' | null;
    sessionTokenHash: string | null;
  };
};
