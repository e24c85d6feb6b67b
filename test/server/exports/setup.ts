/**
 * The test app with the documents and exports features mounted on the real collaboration service (sharing the
 * app's in-memory database), as `buildMounts` in server/server.ts does. Call `close()` after each test.
 */
import { createTestApp, DEMO, ORIGIN } from '../../support/test-app.js';
import { users } from '../../../server/db/schema/index.js';
import { newId } from '../../../server/lib/ids.js';
import { documentsMount } from '../../../server/features/documents/documents.mount.js';
import { exportsMount } from '../../../server/features/exports/exports.mount.js';
import { createCollaboration, type CollaborationServer } from '../../../server/collab/index.js';
import { createPolicy } from '../../../server/policies/index.js';

export async function createExportsTestApp() {
  let collaboration!: CollaborationServer;
  const t = await createTestApp({
    extraMounts: (deps) => {
      collaboration = createCollaboration(deps, createPolicy(deps.db));
      return [documentsMount(collaboration), exportsMount(collaboration)];
    },
  });
  const tokens = Object.fromEntries(
    await Promise.all(Object.entries(DEMO).map(async ([k, email]) => [k, (await t.login(email)).token] as const)),
  ) as Record<keyof typeof DEMO, string>;
  const projectId = t.demoProject().id;

  /** Creates a document as the facilitator (with its server-seeded template) and returns its id. */
  async function createDocument(kind: string, title: string): Promise<string> {
    const res = await t.request('POST', `/api/projects/${projectId}/documents`, { token: tokens.vp, body: { kind, title } });
    if (res.status !== 201) throw new Error(`create ${kind} failed: ${res.status} ${res.text}`);
    return res.json.id as string;
  }

  /** Adds an account (password `demo`) and returns its token. */
  async function addUser(email: string, role: string, communeInsee?: string): Promise<string> {
    const vp = t.userByEmail(DEMO.vp);
    t.db.insert(users)
      .values({ id: newId('usr_'), email, name: email, role, communeId: communeInsee ? t.communeByInsee(communeInsee).id : null, passwordHash: vp.passwordHash, createdAt: vp.createdAt })
      .run();
    return (await t.login(email)).token;
  }

  /** GET with the body kept as bytes (`t.request` decodes it as text, which would corrupt DOCX and PDF). */
  async function download(path: string, token?: string) {
    const res = await t.app.request(`${ORIGIN}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, bytes, text, json };
  }

  const close = () => collaboration.shutdown(1001);
  return { ...t, collaboration, tokens, projectId, createDocument, addUser, download, close };
}

export type ExportsTestApp = Awaited<ReturnType<typeof createExportsTestApp>>;
