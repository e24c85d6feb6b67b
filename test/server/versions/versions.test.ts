import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import * as Y from 'yjs';
import { DEMO } from '../../support/test-app.js';
import { DEFAULT_FRAGMENT, editorSchema } from '../../../shared/editor/index.js';
import { createVersionsTestApp, doc, h2, p, type VersionsTestApp } from './setup.js';

const V1 = doc(h2('Article 1'), p('Texte stable du préambule.'), p('Le montant est de 10 000 € par an.'));
/** The canonical JSON the server stores for `json` (defaults filled in, as `fragmentToJSON` gives). */
const contentOf = (json: unknown) => editorSchema.nodeFromJSON(json).toJSON();
const NOW = doc(h2('Article 1'), p('Texte stable du préambule.'), p('Le montant est de 12 000 € par an.'), p('Paragraphe ajouté ensuite.'));

describe('versions: create, list, view, compare', () => {
  let t: VersionsTestApp;
  let documentId: string;
  beforeEach(async () => {
    t = await createVersionsTestApp();
    documentId = await t.createDocument();
    await t.setContent(documentId, V1);
  });
  afterEach(() => t.close());

  it('creates named versions (trimmed label, author, time), lists them newest first and shows one read-only', async () => {
    const techEpci = t.userByEmail(DEMO.techEpci);
    const created = await t.request('POST', `/api/documents/${documentId}/versions`, { token: t.tokens.techEpci, body: { label: '  Avant l’atelier  ' } });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.stringMatching(/^ver_/),
      label: 'Avant l’atelier',
      kind: 'manual',
      createdAt: '2026-11-27T09:00:00.000Z',
      createdBy: { id: techEpci.id, name: techEpci.name },
    });
    await t.setContent(documentId, NOW);
    t.clock.advance(60_000);
    const second = await t.request('POST', `/api/documents/${documentId}/versions`, { token: t.tokens.eluFayence, body: { label: 'Après l’atelier' } });
    expect(second.status).toBe(201);

    const list = await t.request('GET', `/api/documents/${documentId}/versions`, { token: t.tokens.observer });
    expect(list.status).toBe(200);
    expect(list.json.map((v: { label: string; createdAt: string }) => [v.label, v.createdAt])).toEqual([
      ['Après l’atelier', '2026-11-27T09:01:00.000Z'],
      ['Avant l’atelier', '2026-11-27T09:00:00.000Z'],
    ]);

    const view = await t.request('GET', `/api/documents/${documentId}/versions/${created.json.id}`, { token: t.tokens.observer });
    expect(view.status).toBe(200);
    expect(view.json).toEqual({ ...created.json, documentId, content: contentOf(V1) });

    expect(t.events('document.version_created')).toEqual([
      { documentId, versionId: created.json.id, kind: 'manual', label: 'Avant l’atelier', by: techEpci.id },
      { documentId, versionId: second.json.id, kind: 'manual', label: 'Après l’atelier', by: t.userByEmail(DEMO.eluFayence).id },
    ]);
    expect(t.audit('document.version_created').map((a) => a.after)).toEqual([
      { versionId: created.json.id, label: 'Avant l’atelier' },
      { versionId: second.json.id, label: 'Après l’atelier' },
    ]);
  });

  it('stores the full Yjs state too: applied to a fresh Y.Doc it gives the version text', async () => {
    const created = await t.request('POST', `/api/documents/${documentId}/versions`, { token: t.tokens.vp, body: { label: 'V1' } });
    const row = t.sqlite.prepare('SELECT yjs_state AS s FROM document_versions WHERE id = ?').get(created.json.id) as { s: Buffer };
    const replica = new Y.Doc();
    Y.applyUpdate(replica, new Uint8Array(row.s));
    expect(replica.getXmlFragment(DEFAULT_FRAGMENT).length).toBe(3);
    expect((await t.request('GET', `/api/documents/${documentId}/versions/${created.json.id}`, { token: t.tokens.vp })).json.content.content).toHaveLength(3);
  });

  it('refuses bad labels (400), unknown versions and versions of another document (404)', async () => {
    for (const label of ['', '   ', 'x'.repeat(121)]) {
      const res = await t.request('POST', `/api/documents/${documentId}/versions`, { token: t.tokens.vp, body: { label } });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('validation_error');
    }
    expect((await t.request('POST', `/api/documents/${documentId}/versions`, { token: t.tokens.vp, body: { label: 'V', extra: 1 } })).status).toBe(400);
    const other = await t.createDocument('Autre note');
    const foreign = (await t.request('POST', `/api/documents/${other}/versions`, { token: t.tokens.vp, body: { label: 'Autre' } })).json.id;
    for (const path of [`/versions/${foreign}`, `/versions/${foreign}/diff`, '/versions/ver_inconnue']) {
      const res = await t.request('GET', `/api/documents/${documentId}${path}`, { token: t.tokens.vp });
      expect(res.status, path).toBe(404);
      expect(res.json.error.code).toBe('version_not_found');
    }
    const restore = await t.request('POST', `/api/documents/${documentId}/versions/${foreign}/restore`, { token: t.tokens.vp });
    expect(restore.status).toBe(404);
    expect((await t.request('GET', '/api/documents/doc_inconnu/versions', { token: t.tokens.vp })).json.error.code).toBe('document_not_found');
  });

  it('compares a version with the current text, paragraph then word level', async () => {
    const v1 = (await t.request('POST', `/api/documents/${documentId}/versions`, { token: t.tokens.vp, body: { label: 'V1' } })).json.id;
    await t.setContent(documentId, NOW);
    const res = await t.request('GET', `/api/documents/${documentId}/versions/${v1}/diff`, { token: t.tokens.observer });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      versionId: v1,
      blocks: [
        { status: 'same', type: 'heading2', before: 'Article 1', after: 'Article 1' },
        { status: 'same', type: 'paragraph', before: 'Texte stable du préambule.', after: 'Texte stable du préambule.' },
        {
          status: 'changed',
          type: 'paragraph',
          before: 'Le montant est de 10 000 € par an.',
          after: 'Le montant est de 12 000 € par an.',
          words: [
            { op: '=', text: 'Le montant est de ' },
            { op: '-', text: '10' },
            { op: '+', text: '12' },
            { op: '=', text: ' 000 € par an.' },
          ],
        },
        { status: 'added', type: 'paragraph', after: 'Paragraphe ajouté ensuite.' },
      ],
      stats: { same: 2, added: 1, removed: 0, changed: 1 },
    });
  });

  it('permissions: the observer reads versions but may neither create (403) nor restore (403); anonymous is 401', async () => {
    const v1 = (await t.request('POST', `/api/documents/${documentId}/versions`, { token: t.tokens.vp, body: { label: 'V1' } })).json.id;
    expect((await t.request('GET', `/api/documents/${documentId}/versions`, { token: t.tokens.observer })).status).toBe(200);
    expect((await t.request('GET', `/api/documents/${documentId}/versions/${v1}`, { token: t.tokens.observer })).status).toBe(200);
    const create = await t.request('POST', `/api/documents/${documentId}/versions`, { token: t.tokens.observer, body: { label: 'Obs' } });
    expect([create.status, create.json.error.code]).toEqual([403, 'forbidden']);
    const restore = await t.request('POST', `/api/documents/${documentId}/versions/${v1}/restore`, { token: t.tokens.observer });
    expect([restore.status, restore.json.error.code]).toEqual([403, 'forbidden']);
    // A partner reads too, and cannot create; a commune élu writes (creates) but does not restore.
    expect((await t.request('POST', `/api/documents/${documentId}/versions`, { token: t.tokens.caf, body: { label: 'CAF' } })).status).toBe(403);
    expect((await t.request('POST', `/api/documents/${documentId}/versions/${v1}/restore`, { token: t.tokens.eluFayence })).status).toBe(403);
    expect((await t.request('GET', `/api/documents/${documentId}/versions`)).status).toBe(401);
  });
});

describe('automatic versions at a phase change', () => {
  let t: VersionsTestApp;
  beforeEach(async () => {
    t = await createVersionsTestApp();
  });
  afterEach(() => t.close());

  it('each non-archived document of the project gets a « phase » version when the VP changes the phase', async () => {
    const a = await t.createDocument('Synthèse');
    const b = await t.createDocument('Compte rendu');
    const archived = await t.createDocument('Archivée');
    await t.setContent(a, V1);
    await t.request('POST', `/api/documents/${archived}/archive`, { token: t.tokens.vp });
    const vp = t.userByEmail(DEMO.vp);

    const res = await t.request('POST', `/api/projects/${t.projectId}/phase`, { token: t.tokens.vp, body: { to: 'scenarios' } });
    expect(res.status).toBe(200);
    const versions = async (id: string) => (await t.request('GET', `/api/documents/${id}/versions`, { token: t.tokens.vp })).json;
    for (const id of [a, b]) {
      await vi.waitFor(async () => expect(await versions(id)).toHaveLength(1));
      expect(await versions(id)).toEqual([
        { id: expect.stringMatching(/^ver_/), label: 'Passage en phase Synthèse et scénarios', kind: 'phase', createdAt: '2026-11-27T09:00:00.000Z', createdBy: { id: vp.id, name: vp.name } },
      ]);
    }
    const [phaseVersion] = await versions(a);
    expect((await t.request('GET', `/api/documents/${a}/versions/${phaseVersion.id}`, { token: t.tokens.vp })).json.content).toEqual(contentOf(V1));
    expect(await versions(archived)).toEqual([]);
    expect(t.events('document.version_created').filter((e) => e.kind === 'phase').map((e) => e.documentId).sort()).toEqual([a, b].sort());
  });

  it('a refused phase change takes no version', async () => {
    const a = await t.createDocument('Synthèse');
    const refused = await t.request('POST', `/api/projects/${t.projectId}/phase`, { token: t.tokens.techEpci, body: { to: 'scenarios' } });
    expect(refused.status).toBe(403);
    await new Promise((r) => setTimeout(r, 50));
    expect((await t.request('GET', `/api/documents/${a}/versions`, { token: t.tokens.vp })).json).toEqual([]);
  });
});
