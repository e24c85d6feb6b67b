/**
 * A seeded test app with a token for each demo account and the ids the diagnostic tests use.
 */
import { createTestApp, DEMO } from '../../support/test-app.js';

export type DiagTest = Awaited<ReturnType<typeof diagTestApp>>;

export async function diagTestApp() {
  const t = await createTestApp();
  const tokens = {} as Record<keyof typeof DEMO, string>;
  for (const [name, email] of Object.entries(DEMO)) tokens[name as keyof typeof DEMO] = (await t.login(email)).token;
  const projectId = t.demoProject().id;
  const base = `/api/projects/${projectId}/diagnostic`;
  const fayence = t.communeByInsee('83055').id;
  const seillans = t.communeByInsee('83124').id;
  const tourrettes = t.communeByInsee('83138').id;
  const as = (who: keyof typeof DEMO) => ({
    get: (path: string) => t.request('GET', `${base}${path}`, { token: tokens[who] }),
    post: (path: string, body?: unknown) => t.request('POST', `${base}${path}`, { token: tokens[who], body: body ?? {} }),
    patch: (path: string, body: unknown) => t.request('PATCH', `${base}${path}`, { token: tokens[who], body }),
    del: (path: string) => t.request('DELETE', `${base}${path}`, { token: tokens[who] }),
  });
  /** An agent of the commune (first one). */
  const agentOf = async (communeId: string) => (await as('vp').get(`/agents?communeId=${communeId}`)).json[0];
  return { ...t, tokens, projectId, base, fayence, seillans, tourrettes, as, agentOf };
}

/** A file as the JSON body of the import routes. */
export const upload = (section: string, content: string | Buffer, fileName = 'import.csv') => ({
  section,
  fileName,
  contentBase64: Buffer.from(content).toString('base64'),
});
