import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { createDocumentsTestApp, type DocumentsTestApp } from './setup.js';
import { DEMO } from '../../support/test-app.js';
import { docUpdates } from '../../../server/db/schema/index.js';

describe('documents: creation, rename, archive, lock', () => {
  let t: DocumentsTestApp;
  let vpId: string;
  beforeEach(async () => {
    t = await createDocumentsTestApp();
    vpId = t.userByEmail(DEMO.vp).id;
  });
  afterEach(() => t.close());

  it('creates a document and lists it with its facts (no content in the body: the server seeds it)', async () => {
    const res = await t.request('POST', `/api/projects/${t.projectId}/documents`, { token: t.tokens.vp, body: { kind: 'convention', title: '  Convention jeunesse  ' } });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.stringMatching(/^doc_/),
      projectId: t.projectId,
      kind: 'convention',
      title: 'Convention jeunesse',
      createdAt: '2026-11-27T09:00:00.000Z',
      updatedAt: '2026-11-27T09:00:00.000Z',
      archived: false,
      locked: false,
      lockedAt: null,
      lockedBy: null,
      createdBy: { id: vpId, name: 'Claire Martin' },
    });
    const list = await t.request('GET', `/api/projects/${t.projectId}/documents`, { token: t.tokens.observer });
    expect(list.json).toEqual([res.json]);
  });

  it.each([
    ['an unknown kind', { kind: 'tract', title: 'Tract' }, 'validation_error', 'Donnée invalide (kind) : Type de document inconnu'],
    ['a missing kind', { title: 'Sans type' }, 'validation_error', null],
    ['a too short title', { kind: 'note', title: ' a ' }, 'validation_error', 'Donnée invalide (title) : Titre trop court (3 caractères au moins)'],
    ['a too long title', { kind: 'note', title: 'x'.repeat(201) }, 'validation_error', 'Donnée invalide (title) : Titre trop long (200 caractères au plus)'],
    ['client-provided content', { kind: 'note', title: 'Note', content: { type: 'doc' } }, 'validation_error', null],
  ])('refuses %s with 400', async (_name, body, code, message) => {
    const res = await t.request('POST', `/api/projects/${t.projectId}/documents`, { token: t.tokens.vp, body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(code);
    if (message) expect(res.json.error.message).toBe(message);
  });

  it('renames (trimmed, audited, 400 on an empty title) and refuses renaming an archived document', async () => {
    const id = await t.createDocument('note', 'Note de cadrage');
    t.clock.advance(60_000);
    const res = await t.request('PATCH', `/api/documents/${id}`, { token: t.tokens.techEpci, body: { title: ' Note de cadrage v2 ' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ title: 'Note de cadrage v2', updatedAt: '2026-11-27T09:01:00.000Z', createdAt: '2026-11-27T09:00:00.000Z' });
    expect((await t.request('PATCH', `/api/documents/${id}`, { token: t.tokens.vp, body: { title: '' } })).json.error.code).toBe('validation_error');
    await t.request('POST', `/api/documents/${id}/archive`, { token: t.tokens.vp });
    const frozen = await t.request('PATCH', `/api/documents/${id}`, { token: t.tokens.vp, body: { title: 'Encore' } });
    expect(frozen.status).toBe(409);
    expect(frozen.json.error.code).toBe('document_archived');
  });

  it('archives: hidden from the list unless ?archived=1, read-only, twice is 409; unarchive restores', async () => {
    const kept = await t.createDocument('synthese', 'Synthèse du diagnostic');
    const old = await t.createDocument('note', 'Ancienne note');
    const archived = await t.request('POST', `/api/documents/${old}/archive`, { token: t.tokens.techEpci });
    expect(archived.status).toBe(200);
    expect(archived.json.archived).toBe(true);
    const ids = async (q = '') => (await t.request('GET', `/api/projects/${t.projectId}/documents${q}`, { token: t.tokens.eluFayence })).json.map((d: { id: string }) => d.id).sort();
    expect(await ids()).toEqual([kept]);
    expect(await ids('?archived=1')).toEqual([kept, old].sort());
    expect((await t.request('GET', `/api/projects/${t.projectId}/documents?archived=oui`, { token: t.tokens.vp })).status).toBe(400);
    const eluFayence = t.userByEmail(DEMO.eluFayence);
    expect(t.policy.can({ id: eluFayence.id, role: 'elu_communal', communeId: eluFayence.communeId }, 'document.write', { documentId: old })).toBe(false);
    expect(t.policy.can({ id: vpId, role: 'elu_communautaire' }, 'document.write', { documentId: old })).toBe(false);
    const twice = await t.request('POST', `/api/documents/${old}/archive`, { token: t.tokens.vp });
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe('already_archived');
    expect((await t.request('POST', `/api/documents/${kept}/unarchive`, { token: t.tokens.vp })).json.error.code).toBe('not_archived');
    expect((await t.request('POST', `/api/documents/${old}/unarchive`, { token: t.tokens.vp })).json.archived).toBe(false);
    expect(await ids()).toEqual([kept, old].sort());
  });

  it('locks: records who, tells the rooms, refuses twice; unlock clears it', async () => {
    const id = await t.createDocument('convention', 'Convention');
    t.clock.advance(5_000);
    const res = await t.request('POST', `/api/documents/${id}/lock`, { token: t.tokens.vp });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ locked: true, lockedAt: '2026-11-27T09:00:05.000Z', lockedBy: { id: vpId, name: 'Claire Martin' } });
    expect(t.lockChanges).toEqual([id]);
    const twice = await t.request('POST', `/api/documents/${id}/lock`, { token: t.tokens.vp });
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe('already_locked');
    const unlocked = await t.request('POST', `/api/documents/${id}/unlock`, { token: t.tokens.admin });
    expect(unlocked.json).toMatchObject({ locked: false, lockedAt: null, lockedBy: null });
    expect(t.lockChanges).toEqual([id, id]);
    expect((await t.request('POST', `/api/documents/${id}/unlock`, { token: t.tokens.vp })).json.error.code).toBe('not_locked');
    await t.request('POST', `/api/documents/${id}/archive`, { token: t.tokens.vp });
    expect((await t.request('POST', `/api/documents/${id}/lock`, { token: t.tokens.vp })).json.error.code).toBe('document_archived');
  });

  it('audits creation, rename, archive and lock in the project journal', async () => {
    const id = await t.createDocument('note', 'Note');
    await t.request('PATCH', `/api/documents/${id}`, { token: t.tokens.vp, body: { title: 'Note renommée' } });
    await t.request('POST', `/api/documents/${id}/lock`, { token: t.tokens.vp });
    await t.request('POST', `/api/documents/${id}/unlock`, { token: t.tokens.vp });
    await t.request('POST', `/api/documents/${id}/archive`, { token: t.tokens.vp });
    await t.request('POST', `/api/documents/${id}/unarchive`, { token: t.tokens.vp });
    const audit = (await t.request('GET', `/api/projects/${t.projectId}/audit`, { token: t.tokens.vp })).json
      .filter((a: { targetId: string }) => a.targetId === id)
      .reverse();
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'document.created', 'document.renamed', 'document.locked', 'document.unlocked', 'document.archived', 'document.unarchived',
    ]);
    expect(audit[0]).toMatchObject({ user: { id: vpId, name: 'Claire Martin' }, targetType: 'document', after: { kind: 'note', title: 'Note' }, requestId: expect.stringMatching(/^req_/) });
    expect(audit[1]).toMatchObject({ before: { title: 'Note' }, after: { title: 'Note renommée' } });
  });

  it('publishes document.created, document.updated and document.locked live events', async () => {
    const before = t.deps.events.since(t.projectId, 0).length;
    const id = await t.createDocument('avenant', 'Avenant n° 1');
    await t.request('PATCH', `/api/documents/${id}`, { token: t.tokens.vp, body: { title: 'Avenant n° 1 — Mons' } });
    await t.request('POST', `/api/documents/${id}/lock`, { token: t.tokens.vp });
    await t.request('POST', `/api/documents/${id}/archive`, { token: t.tokens.vp });
    const events = t.deps.events.since(t.projectId, 0).slice(before);
    expect(events.map((e) => [e.type, e.payload, e.audience])).toEqual([
      ['document.created', { documentId: id, kind: 'avenant', title: 'Avenant n° 1' }, { ability: 'project.read' }],
      ['document.updated', { documentId: id, title: 'Avenant n° 1 — Mons', archived: false }, { ability: 'project.read' }],
      ['document.locked', { documentId: id, locked: true, by: vpId }, { ability: 'project.read' }],
      ['document.updated', { documentId: id, title: 'Avenant n° 1 — Mons', archived: true }, { ability: 'project.read' }],
    ]);
  });

  it('documents every route in the OpenAPI document', async () => {
    const spec = (await t.request('GET', '/api/openapi.json')).json;
    const routes = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(routes).toEqual(expect.arrayContaining([
      'GET /projects/{projectId}/documents',
      'POST /projects/{projectId}/documents',
      'GET /documents/{documentId}',
      'PATCH /documents/{documentId}',
      'POST /documents/{documentId}/archive',
      'POST /documents/{documentId}/unarchive',
      'POST /documents/{documentId}/lock',
      'POST /documents/{documentId}/unlock',
      'GET /projects/{projectId}/events',
    ]));
    expect(Object.keys(spec.paths['/projects/{projectId}/events'].get.responses['200'].content)).toEqual(['text/event-stream']);
    expect(spec.paths['/projects/{projectId}/documents'].post.requestBody.content['application/json'].schema.properties.kind.enum).toEqual([
      'scenario', 'cadre_strategique', 'plan_actions', 'convention', 'avenant', 'compte_rendu', 'synthese', 'fiche_impact', 'note',
    ]);
  });

  it('keeps exactly one seeded update per created document (no client seeding, no duplicate)', async () => {
    const id = await t.createDocument('fiche_impact', 'Fiche d’impact');
    expect(t.db.select().from(docUpdates).where(eq(docUpdates.documentId, id)).all()).toHaveLength(1);
  });
});
