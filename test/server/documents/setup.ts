/**
 * The test app with the documents and events features mounted on the real collaboration service
 * (`createCollaboration`, sharing the app's in-memory database). Call `close()` after each test: it flushes and
 * unloads the rooms.
 */
import { createTestApp, DEMO } from '../../support/test-app.js';
import { users } from '../../../server/db/schema/index.js';
import { newId } from '../../../server/lib/ids.js';
import { documentsMount } from '../../../server/features/documents/documents.mount.js';
import { eventsMount } from '../../../server/features/events/events.routes.js';
import type { EventStreamOptions } from '../../../server/features/events/event-stream.js';
import { createCollaboration, type CollaborationServer } from '../../../server/collab/index.js';
import { createPolicy } from '../../../server/policies/index.js';

export async function createDocumentsTestApp(o: { events?: EventStreamOptions } = {}) {
  let collaboration!: CollaborationServer;
  /** Documents the routes told the rooms about (`lockChanged`), in order; the real method still runs. */
  const lockChanges: string[] = [];
  const t = await createTestApp({
    extraMounts: (deps) => {
      collaboration = createCollaboration(deps, createPolicy(deps.db));
      const observed = { ...collaboration, lockChanged: (id: string) => (lockChanges.push(id), collaboration.lockChanged(id)) };
      return [documentsMount(observed), eventsMount(o.events)];
    },
  });
  const tokens = Object.fromEntries(
    await Promise.all(Object.entries(DEMO).map(async ([k, email]) => [k, (await t.login(email)).token] as const)),
  ) as Record<keyof typeof DEMO, string>;
  const projectId = t.demoProject().id;

  /** Creates a document as the facilitator and returns its id. */
  async function createDocument(kind: string, title: string, token = tokens.vp): Promise<string> {
    const res = await t.request('POST', `/api/projects/${projectId}/documents`, { token, body: { kind, title } });
    if (res.status !== 201) throw new Error(`create ${kind} failed: ${res.status} ${res.text}`);
    return res.json.id as string;
  }

  /** Adds an account (password `demo`, copied from the VP's hash) and returns its token. */
  async function addUser(email: string, role: string, communeInsee?: string): Promise<string> {
    const vp = t.userByEmail(DEMO.vp);
    t.db.insert(users)
      .values({ id: newId('usr_'), email, name: email, role, communeId: communeInsee ? t.communeByInsee(communeInsee).id : null, passwordHash: vp.passwordHash, createdAt: vp.createdAt })
      .run();
    return (await t.login(email)).token;
  }

  const close = () => collaboration.shutdown(1001);

  return { ...t, collaboration, lockChanges, tokens, projectId, createDocument, addUser, close };
}

export type DocumentsTestApp = Awaited<ReturnType<typeof createDocumentsTestApp>>;
