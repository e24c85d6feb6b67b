/**
 * The real server in-process on port 0 with a temp-file database (demo seeded), so tests reach its SQLite
 * connection (failure triggers) and its collaboration service, and can restart it on the same file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { createDeps, startServer, type RunningServer } from '../../../server/server.js';
import { loadEnv } from '../../../server/env.js';
import { bootstrap } from '../../../server/seed/bootstrap.js';
import { documents, projects, users } from '../../../server/db/schema/index.js';
import { newId } from '../../../server/lib/ids.js';
import type { AppDeps } from '../../../server/context.js';
import type { CollabOptions } from '../../../server/collab/config.js';
import { DEMO } from '../../support/test-app.js';

export { DEMO };

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export async function startHarness(opts: { collab?: Partial<CollabOptions>; dbPath?: string } = {}) {
  const dbPath = opts.dbPath ?? join(mkdtempSync(join(tmpdir(), 'mutualab-collab-')), 'test.db');
  const env = loadEnv({ DATABASE_PATH: dbPath, PORT: '0', HOST: '127.0.0.1', DEMO: '1', LOG_LEVEL: (process.env.TEST_LOG_LEVEL as 'error') ?? 'silent' });
  let deps: AppDeps = createDeps(env);
  await bootstrap(deps);
  let running: RunningServer = await startServer(deps, { collab: opts.collab });
  const tokens = new Map<string, string>();

  const h = {
    dbPath,
    get deps() {
      return deps;
    },
    get running() {
      return running;
    },
    get collab() {
      return running.collaboration;
    },
    get url() {
      return `http://127.0.0.1:${running.port}`;
    },
    get wsUrl() {
      return `ws://127.0.0.1:${running.port}/ws`;
    },

    /** Bearer token of a demo account (cached per server start). */
    async login(email: string): Promise<string> {
      const cached = tokens.get(email);
      if (cached) return cached;
      const res = await fetch(`${h.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'demo' }),
      });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { token: string };
      tokens.set(email, body.token);
      return body.token;
    },

    /** Inserts a `note` document in the demo project (or `projectId`); returns its id. */
    createDocument(o: { projectId?: string; locked?: boolean } = {}): string {
      const id = newId('doc_');
      const now = new Date().toISOString();
      const projectId = o.projectId ?? deps.db.select().from(projects).get()!.id;
      const admin = deps.db.select().from(users).where(eq(users.email, DEMO.admin)).get()!;
      deps.db
        .insert(documents)
        .values({ id, projectId, kind: 'note', title: 'Note de test', createdBy: admin.id, createdAt: now, updatedAt: now, lockedAt: o.locked ? now : null })
        .run();
      return id;
    },

    /** A project nobody but EPCI roles and admins can open (no participation, no member). */
    createForeignProject(): string {
      const demo = deps.db.select().from(projects).get()!;
      const id = newId('prj_');
      deps.db
        .insert(projects)
        .values({ id, territoryId: demo.territoryId, title: 'Projet étranger', domains: [], phase: demo.phase, createdAt: demo.createdAt, createdBy: demo.createdBy })
        .run();
      return id;
    },

    setLocked(documentId: string, locked: boolean): void {
      deps.db.update(documents).set({ lockedAt: locked ? new Date().toISOString() : null }).where(eq(documents.id, documentId)).run();
      running.collaboration.lockChanged(documentId);
    },

    /** Rows of the update log for a document. */
    logRows(documentId: string): number {
      return (deps.sqlite.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE document_id = ?').get(documentId) as { n: number }).n;
    },

    /** The document as stored (snapshot + log), decoded into a fresh Y.Doc. */
    storedDoc(documentId: string): Y.Doc {
      const stored = running.collaboration.store.load(documentId);
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      return doc;
    },

    failWrites(on: boolean): void {
      if (on) deps.sqlite.exec("CREATE TEMP TRIGGER IF NOT EXISTS fail_doc_updates BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'injected'); END;");
      else deps.sqlite.exec('DROP TRIGGER IF EXISTS temp.fail_doc_updates');
    },

    /** Graceful stop then start again on the same database file (new port). */
    async restart(collab = opts.collab): Promise<void> {
      await running.close(1012);
      deps = createDeps(env);
      running = await startServer(deps, { collab });
    },

    close: (code: 1001 | 1012 = 1001) => running.close(code),
  };
  return h;
}
