import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, DEMO, type TestApp } from '../../support/test-app.js';
import { users, communes } from '../../../server/db/schema/index.js';
import { createSession } from '../../../server/features/auth/sessions.js';
import { newId } from '../../../server/lib/ids.js';
import { MATRIX, ACTORS, META_ROUTES, type ActorName } from './matrix.js';
import { MATRIX_FIXTURES } from './fixtures/index.js';
import type { MatrixFixtureResult } from './fixtures.js';
import { diagnosticMatrixIds, diagnosticPath, diagnosticBody, type DiagnosticMatrixIds } from '../diagnostic/matrix-ids.js';

/**
 * Every cell of the matrix runs on its own clone of one seeded database (serialized image), so that a mutation
 * allowed for one actor cannot change what the next actor sees.
 */
let image: Buffer;
let tokens: Record<ActorName, string | undefined>;
let ids: { territoryId: string; projectId: string; monsId: string; cafUserId: string; techFayenceId: string; newObserverId: string };
let diag: DiagnosticMatrixIds;
let docs: { plain: string; archived: string; locked: string };
let versionId: string;
let features: MatrixFixtureResult[] = [];

beforeAll(async () => {
  const base = await createTestApp({ full: true });
  const emails: Partial<Record<ActorName, string>> = {
    admin: DEMO.admin, vp: DEMO.vp, techEpci: DEMO.techEpci, eluFayence: DEMO.eluFayence, techFayence: DEMO.techFayence,
    eluSeillans: DEMO.eluSeillans, caf: DEMO.caf, observer: DEMO.observer,
  };
  const bagnols = base.db.select().from(communes).where(eq(communes.inseeCode, '83008')).get()!;
  base.db.insert(users).values({ id: newId('usr_'), email: 'elu.bagnols@demo.mutualab.fr', name: 'Élu de Bagnols', role: 'elu_communal', communeId: bagnols.id, createdAt: new Date().toISOString() }).run();
  emails.eluBagnols = 'elu.bagnols@demo.mutualab.fr';
  const newObserverId = newId('usr_');
  base.db.insert(users).values({ id: newObserverId, email: 'obs2@exemple.fr', name: 'Observatrice 2', role: 'observateur', createdAt: new Date().toISOString() }).run();
  tokens = { anon: undefined } as Record<ActorName, string | undefined>;
  for (const [actor, email] of Object.entries(emails)) tokens[actor as ActorName] = createSession(base.deps, base.userByEmail(email!).id).token;
  const project = base.demoProject();
  ids = {
    territoryId: project.territoryId,
    projectId: project.id,
    monsId: base.communeByInsee('83080').id,
    cafUserId: base.userByEmail(DEMO.caf).id,
    techFayenceId: base.userByEmail(DEMO.techFayence).id,
    newObserverId,
  };
  diag = diagnosticMatrixIds(base);
  const vpToken = tokens.vp!;
  const newDocument = async (title: string) =>
    (await base.request('POST', `/api/projects/${project.id}/documents`, { token: vpToken, body: { kind: 'note', title } })).json.id as string;
  docs = { plain: await newDocument('Note'), archived: await newDocument('Archivée'), locked: await newDocument('Verrouillée') };
  await base.request('POST', `/api/documents/${docs.archived}/archive`, { token: vpToken });
  await base.request('POST', `/api/documents/${docs.locked}/lock`, { token: vpToken });
  versionId = (await base.request('POST', `/api/documents/${docs.plain}/versions`, { token: vpToken, body: { label: 'Version initiale' } })).json.id;
  features = [];
  for (const fixture of MATRIX_FIXTURES) features.push(await fixture({ base, tokens, projectId: project.id, docs }));
  await base.close();
  image = base.sqlite.serialize();
});

function concretePath(route: string): string {
  for (const f of features) {
    const own = f.path?.(route);
    if (own) return own;
  }
  if (route.includes('/diagnostic')) return diagnosticPath(route, ids.projectId, diag);
  const documentId = route.endsWith('/unarchive') ? docs.archived : route.endsWith('/unlock') ? docs.locked : docs.plain;
  return route
    .replace(':documentId', documentId)
    .replace(':versionId', versionId)
    .replace(':territoryId', ids.territoryId)
    .replace(':projectId', ids.projectId)
    .replace(':communeId', ids.monsId)
    .replace(':userId', route.startsWith('PUT') ? ids.techFayenceId : ids.cafUserId)
    .replace(':token', 'x'.repeat(43))
    .replace(/:(\w+)/g, (whole, name: string) => features.find((f) => name in f.params)?.params[name] ?? whole);
}

function concreteBody(body: any): unknown {
  if (!body) return undefined;
  let rewritten: unknown = body;
  for (const f of features) if (f.body) rewritten = f.body(rewritten);
  const out = { ...(diagnosticBody(rewritten, diag) as object) } as any;
  if (out.territoryIdFrom) {
    delete out.territoryIdFrom;
    out.territoryId = ids.territoryId;
  }
  if (out.userIdFrom) {
    delete out.userIdFrom;
    out.userId = ids.newObserverId;
  }
  return out;
}

describe('authorization matrix (every route × actor)', () => {
  for (const row of MATRIX) {
    it(row.route, async () => {
      const [method, path] = row.route.split(' ');
      const got: Record<string, number> = {};
      for (const actor of ACTORS) {
        const t: TestApp = await createTestApp({ image, full: true });
        const res = await t.request(method, concretePath(path), { token: tokens[actor], body: concreteBody(row.body) });
        await t.close();
        got[actor] = res.status;
        if (res.status >= 400) expect(res.json?.error?.code, `${actor} ${row.route}`).toMatch(/^[a-z_]+$/);
      }
      expect(got).toEqual(row.expect);
    });
  }
});

describe('meta: every route is in the matrix and in OpenAPI', () => {
  it('the Hono route table, the matrix and the OpenAPI document list the same routes', async () => {
    const t = await createTestApp({ image, full: true });
    const registered = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path}`),
    );
    const inMatrix = new Set(MATRIX.map((r) => r.route));
    const doc = (await t.request('GET', '/api/openapi.json')).json;
    const inOpenApi = new Set<string>();
    for (const [p, ops] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const m of Object.keys(ops)) inOpenApi.add(`${m.toUpperCase()} /api${p.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const api = [...registered].filter((r) => !META_ROUTES.includes(r)).sort();
    expect(api.filter((r) => !inMatrix.has(r)), 'routes missing from the authorization matrix').toEqual([]);
    expect(api.filter((r) => !inOpenApi.has(r)), 'routes missing from OpenAPI').toEqual([]);
    expect([...inMatrix].filter((r) => !registered.has(r)), 'matrix rows for routes that do not exist').toEqual([]);
    await t.close();
  });
});
