/**
 * An in-process app on a fresh in-memory SQLite database with the demo seeded, a manual clock and helpers to log in
 * as demo users and call the API through `app.request` (no network).
 */
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../server/db/client.js';
import { createApp, type FeatureMount } from '../../server/app.js';
import { buildMounts } from '../../server/server.js';
import { createCollaboration, type CollaborationServer } from '../../server/collab/index.js';
import { createPolicy } from '../../server/policies/index.js';
import { createEventBus } from '../../server/features/events/event-bus.js';
import { createLogger } from '../../server/lib/logger.js';
import { manualClock } from '../../server/lib/clock.js';
import { loadEnv } from '../../server/env.js';
import { seedDemo } from '../../server/seed/demo.js';
import type { AppDeps } from '../../server/context.js';
import { projects, communes, users } from '../../server/db/schema/index.js';

export const ORIGIN = 'http://localhost';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * `extraMounts` adds features the server mounts beside the base app (documents, events: they need the
 * collaboration service); it receives the deps so a test can build that service on the same database.
 */
export async function createTestApp(
  opts: {
    seed?: boolean;
    env?: Record<string, string>;
    image?: Buffer;
    extraMounts?: (deps: AppDeps) => FeatureMount[];
    /** Mount every feature the real server mounts, on a real collaboration service (documents, events, exports). */
    full?: boolean;
  } = {},
) {
  const clock = manualClock();
  const { db, sqlite } = openDatabase(opts.image ?? ':memory:');
  const env = loadEnv({ DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent', DEMO: '1', ...opts.env });
  const deps: AppDeps = { db, sqlite, env, clock, logger: createLogger('silent'), events: createEventBus(db, clock) };
  if (opts.seed !== false && !opts.image) await seedDemo(deps);
  let collaboration: CollaborationServer | null = null;
  const mounts = opts.full
    ? (() => {
        collaboration = createCollaboration(deps, createPolicy(deps.db));
        return buildMounts(collaboration);
      })()
    : (opts.extraMounts?.(deps) ?? []);
  const { app, policy } = createApp(deps, mounts);
  /** Flushes and stops the collaboration service of a `full` app (no-op otherwise). */
  const close = async () => {
    await (collaboration as CollaborationServer | null)?.shutdown(1001);
  };

  /** Raw request; JSON bodies are serialised and given a same-origin Origin unless told otherwise. */
  async function request(method: string, path: string, o: { token?: string; cookie?: string; body?: unknown; origin?: string | null; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...o.headers };
    if (o.body !== undefined) headers['content-type'] ??= 'application/json';
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.cookie) headers.cookie = o.cookie;
    if (o.origin !== null && method !== 'GET') headers.origin ??= o.origin ?? ORIGIN;
    const res = await app.request(`${ORIGIN}${path}`, {
      method,
      headers,
      body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
    });
    // An event stream never ends: keep its status and headers, drop the body.
    if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, json: null as any, text: '', headers: res.headers };
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json, text, headers: res.headers };
  }

  /** Logs in and returns the Bearer token and the cookie header. */
  async function login(email: string, password = 'demo') {
    const res = await request('POST', '/api/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
    const setCookie = res.headers.get('set-cookie') ?? '';
    return { token: res.json.token as string, cookie: setCookie.split(';')[0], user: res.json.user };
  }

  const demoProject = () => db.select().from(projects).get()!;
  const communeByInsee = (insee: string) => db.select().from(communes).where(eq(communes.inseeCode, insee)).get()!;
  const userByEmail = (email: string) => db.select().from(users).where(eq(users.email, email)).get()!;

  return { app, deps, db, sqlite, clock, policy, request, login, demoProject, communeByInsee, userByEmail, collaboration: collaboration as CollaborationServer | null, close };
}

/** The demo accounts by short name. */
export const DEMO = {
  admin: 'admin@demo.mutualab.fr',
  vp: 'vp@demo.mutualab.fr',
  eluFayence: 'elu.fayence@demo.mutualab.fr',
  eluSeillans: 'elu.seillans@demo.mutualab.fr',
  techEpci: 'tech.epci@demo.mutualab.fr',
  techFayence: 'tech.fayence@demo.mutualab.fr',
  caf: 'caf@demo.mutualab.fr',
  observer: 'observateur@demo.mutualab.fr',
} as const;
