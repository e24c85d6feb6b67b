import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createDocumentsTestApp, type DocumentsTestApp } from './setup.js';
import { DEMO } from '../../support/test-app.js';
import type { Role } from '../../../shared/auth/roles.js';

/** Expectations are literal (they do not re-read the abilities table). Demo participations: Fayence, Seillans
 * participante; Tanneron observatrice; Bagnols-en-Forêt (83008) has no participation at all. */
describe('documents: who may do what', () => {
  let t: DocumentsTestApp;
  let docId: string;
  beforeEach(async () => {
    t = await createDocumentsTestApp();
    docId = await t.createDocument('convention', 'Convention du service commun jeunesse');
  });
  afterEach(() => t.close());

  const list = (token: string) => t.request('GET', `/api/projects/${t.projectId}/documents`, { token });
  const create = (token: string) => t.request('POST', `/api/projects/${t.projectId}/documents`, { token, body: { kind: 'note', title: 'Note de cadrage' } });

  it.each([
    ['admin', 200], ['vp', 200], ['eluFayence', 200], ['eluSeillans', 200], ['techEpci', 200], ['techFayence', 200], ['caf', 200], ['observer', 200],
  ] as const)('%s lists the documents: %i', async (who, status) => {
    const res = await list(t.tokens[who]);
    expect(res.status).toBe(status);
    expect(res.json.map((d: { id: string }) => d.id)).toEqual([docId]);
  });

  it('an élu of a commune without participation, or whose commune withdrew, may not list (403)', async () => {
    const bagnols = await t.addUser('elu.bagnols@exemple.fr', 'elu_communal', '83008');
    expect((await list(bagnols)).status).toBe(403);
    expect((await list(bagnols)).json.error.code).toBe('forbidden');
    expect((await t.request('GET', `/api/documents/${docId}`, { token: bagnols })).status).toBe(403);

    const seillans = t.communeByInsee('83124').id;
    const withdraw = await t.request('PUT', `/api/projects/${t.projectId}/participations/${seillans}`, { token: t.tokens.vp, body: { state: 'retiree' } });
    expect(withdraw.status).toBe(200);
    expect((await list(t.tokens.eluSeillans)).status).toBe(403);
  });

  it.each([
    ['admin', 201, null], ['vp', 201, null], ['techEpci', 201, null],
    ['eluFayence', 403, 'forbidden'], ['eluSeillans', 403, 'forbidden'], ['techFayence', 403, 'forbidden'], ['caf', 403, 'forbidden'], ['observer', 403, 'forbidden'],
  ] as const)('%s creates a document: %i', async (who, status, code) => {
    const res = await create(t.tokens[who]);
    expect(res.status).toBe(status);
    if (code) expect(res.json.error.code).toBe(code);
    else expect(res.json).toMatchObject({ kind: 'note', title: 'Note de cadrage', archived: false, locked: false });
  });

  it('anonymous calls get 401, unknown projects and documents 404', async () => {
    expect((await t.request('GET', `/api/projects/${t.projectId}/documents`)).status).toBe(401);
    const unknownProject = await t.request('GET', '/api/projects/prj_inconnu/documents', { token: t.tokens.vp });
    expect(unknownProject.status).toBe(404);
    expect(unknownProject.json.error.code).toBe('project_not_found');
    for (const [method, path, body] of [
      ['GET', '/api/documents/doc_inconnu', undefined],
      ['PATCH', '/api/documents/doc_inconnu', { title: 'Nouveau titre' }],
      ['POST', '/api/documents/doc_inconnu/archive', undefined],
      ['POST', '/api/documents/doc_inconnu/lock', undefined],
    ] as const) {
      const res = await t.request(method, path, { token: t.tokens.vp, body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.json).toEqual({ error: { code: 'document_not_found', message: 'Document introuvable.' } });
    }
  });

  it.each([
    ['vp', 200], ['techEpci', 200], ['admin', 200], ['eluFayence', 403], ['techFayence', 403], ['caf', 403], ['observer', 403],
  ] as const)('%s renames and archives: %i', async (who, status) => {
    const rename = await t.request('PATCH', `/api/documents/${docId}`, { token: t.tokens[who], body: { title: 'Convention révisée' } });
    expect(rename.status).toBe(status);
    const archive = await t.request('POST', `/api/documents/${docId}/archive`, { token: t.tokens[who] });
    expect(archive.status).toBe(status);
  });

  it.each([
    ['vp', 200], ['admin', 200], ['techEpci', 403], ['eluFayence', 403], ['caf', 403], ['observer', 403],
  ] as const)('%s locks: %i', async (who, status) => {
    const res = await t.request('POST', `/api/documents/${docId}/lock`, { token: t.tokens[who] });
    expect(res.status).toBe(status);
  });

  it('a lock makes the document read-only for everyone but the facilitator (document.write by the policy)', async () => {
    const tanneron = await t.addUser('elu.tanneron@exemple.fr', 'elu_communal', '83133');
    const actor = (email: string) => {
      const u = t.userByEmail(email);
      return { id: u.id, role: u.role as Role, communeId: u.communeId };
    };
    const who = { admin: DEMO.admin, vp: DEMO.vp, techEpci: DEMO.techEpci, eluFayence: DEMO.eluFayence, techFayence: DEMO.techFayence, caf: DEMO.caf, observer: DEMO.observer, eluTanneron: 'elu.tanneron@exemple.fr' };
    const canWrite = () => Object.fromEntries(Object.entries(who).map(([k, email]) => [k, t.policy.can(actor(email), 'document.write', { documentId: docId })]));
    expect(canWrite()).toEqual({ admin: true, vp: true, techEpci: true, eluFayence: true, techFayence: true, caf: false, observer: false, eluTanneron: false });
    expect((await t.request('GET', `/api/documents/${docId}`, { token: tanneron })).json.myAbilities).toEqual(['document.read']);

    expect((await t.request('POST', `/api/documents/${docId}/lock`, { token: t.tokens.vp })).status).toBe(200);
    expect(canWrite()).toEqual({ admin: false, vp: true, techEpci: false, eluFayence: false, techFayence: false, caf: false, observer: false, eluTanneron: false });
    expect((await t.request('GET', `/api/documents/${docId}`, { token: t.tokens.eluFayence })).json.myAbilities).toEqual(['document.read']);
    expect((await t.request('GET', `/api/documents/${docId}`, { token: t.tokens.vp })).json.myAbilities).toEqual(['document.read', 'document.write', 'document.manage', 'document.lock']);

    expect((await t.request('POST', `/api/documents/${docId}/unlock`, { token: t.tokens.vp })).status).toBe(200);
    expect((await t.request('GET', `/api/documents/${docId}`, { token: t.tokens.eluFayence })).json.myAbilities).toEqual(['document.read', 'document.write']);
  });
});
