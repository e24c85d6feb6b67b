/**
 * Export → import round trip of the demo project: documents edited live by a stock y-websocket client, a
 * compacted document, a named version, an archived and a locked document, the demo's diagnostic data. The project is
 * exported from the real server, removed from a copy of its database ("the same instance minus that project"),
 * imported there, and every row and every document state is compared exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, waitFor, type TestClient } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from '../collab/harness.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createSession } from '../../../server/features/auth/sessions.js';
import { DEFAULT_FRAGMENT, fragmentToJSON, fragmentToText } from '../../../shared/editor/index.js';
import { deleteProjectRows, dumpProject, imageOf, storedDoc } from './helpers.js';

let h: Harness;
let target: TestApp;
const clients: TestClient[] = [];
let projectId: string;
let docIds: string[];
let archive: any;
let before: Record<string, unknown[][]>;

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${h.url}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

const text = (d: Y.Doc) => fragmentToText(d.getXmlFragment(DEFAULT_FRAGMENT));

beforeAll(async () => {
  h = await startHarness();
  const vp = await h.login(DEMO.vp);
  const admin = await h.login(DEMO.admin);
  projectId = (await api('GET', '/projects', vp)).json[0].id;
  const create = async (kind: string, title: string) => (await api('POST', `/projects/${projectId}/documents`, vp, { kind, title })).json.id as string;
  docIds = [await create('note', 'Note de séance'), await create('convention', 'Convention'), await create('note', 'Archivée'), await create('note', 'Verrouillée')];

  // Two people type into the first document through stock y-websocket clients.
  const a = connectClient(h.wsUrl, docIds[0], { token: vp });
  const b = connectClient(h.wsUrl, docIds[0], { token: await h.login(DEMO.eluFayence) });
  clients.push(a, b);
  await Promise.all([a.synced(), b.synced()]);
  const paragraph = (s: string) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(s)]);
    return p;
  };
  a.doc.getXmlFragment(DEFAULT_FRAGMENT).push([paragraph('Texte tapé par la vice-présidente, « accents » et émoji 👩🏽‍🌾.')]);
  b.doc.getXmlFragment(DEFAULT_FRAGMENT).push([paragraph('Ajout de l’élu de Fayence.')]);
  await waitFor(() => text(h.storedDoc(docIds[0])).includes('Ajout de l’élu') && text(h.storedDoc(docIds[0])).includes('vice-présidente'), 5000, 'edits stored');
  expect((await api('POST', `/documents/${docIds[0]}/versions`, vp, { label: 'Version de travail' })).status).toBe(201);
  a.doc.getXmlFragment(DEFAULT_FRAGMENT).push([paragraph('Après la version.')]);
  await waitFor(() => text(h.storedDoc(docIds[0])).includes('Après la version.'), 5000, 'later edit stored');
  // The convention is compacted (snapshot), the note keeps a log tail: both storage shapes are exported.
  await h.collab.store.compact(docIds[1]);
  expect(h.logRows(docIds[1])).toBe(0);
  expect((await api('POST', `/documents/${docIds[2]}/archive`, vp)).status).toBe(200);
  expect((await api('POST', `/documents/${docIds[3]}/lock`, vp)).status).toBe(200);

  before = dumpProject(h.deps.sqlite, projectId);
  const res = await fetch(`${h.url}/api/projects/${projectId}/export`, { headers: { authorization: `Bearer ${admin}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="mutualab-mutualisation-du-service-jeunesse-\d{4}-\d{2}-\d{2}\.json"$/);
  archive = await res.json();

  const image = await imageOf(h.deps.sqlite);
  target = await createTestApp({ image, full: true });
  deleteProjectRows(target.sqlite, projectId);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await target?.close();
  await h?.close();
});

describe('project export / import round trip', () => {
  it('the export carries every project table, the diagnostic, versions and one Yjs state per document', () => {
    expect(archive.format).toBe('mutualab.project');
    expect(archive.projectId).toBe(projectId);
    for (const name of ['projects', 'participations', 'phase_transitions', 'project_members', 'documents', 'document_versions', 'diag_services', 'diag_agents', 'audit_events']) {
      expect(archive.tables[name]?.rows.length, name).toBeGreaterThan(0);
    }
    for (const name of ['users', 'sessions', 'communes', 'territories', 'partners', 'doc_updates', 'doc_snapshots']) expect(archive.tables[name], name).toBeUndefined();
    // Every document of the project with stored text (the four made here, and any the demo seeds).
    const projectDocs = h.deps.sqlite.prepare('SELECT id FROM documents WHERE project_id = ?').pluck().all(projectId) as string[];
    const withText = projectDocs.filter((id) => h.logRows(id) > 0 || !!h.deps.sqlite.prepare('SELECT 1 FROM doc_snapshots WHERE document_id = ?').get(id));
    expect(Object.keys(archive.documents).sort()).toEqual(withText.sort());
    expect(Object.keys(archive.documents)).toEqual(expect.arrayContaining(docIds));
    const version = archive.tables.document_versions;
    expect(version.rows[0][version.columns.indexOf('yjs_state')]).toHaveProperty('$blob');
  });

  it('exporting is audited on the source, after the picture was taken', () => {
    const last = h.deps.sqlite.prepare('SELECT action, project_id FROM audit_events ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'project.exported', project_id: projectId });
    expect(archive.tables.audit_events.rows.some((r: unknown[]) => r.includes('project.exported'))).toBe(false);
  });

  it('the target no longer has the project; the import recreates it with identical rows', async () => {
    expect(Object.values(dumpProject(target.sqlite, projectId)).every((rows) => rows.length === 0)).toBe(true);
    const token = createSession(target.deps, target.userByEmail(DEMO.admin).id).token;
    const res = await target.request('POST', '/api/projects/import', { token, body: archive });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ projectId, title: 'Mutualisation du service jeunesse', documents: Object.keys(archive.documents).length });
    expect(res.json.tables.documents).toBe(archive.tables.documents.rows.length);

    const after = dumpProject(target.sqlite, projectId);
    const imported = after.audit_events.pop()!;
    expect(imported).toContain('project.imported');
    expect(after).toEqual(before);
  });

  it('every document state is the same, byte for byte once re-encoded, and readable through the rooms', async () => {
    for (const id of Object.keys(archive.documents)) {
      const source = storedDoc(h.deps.sqlite, id);
      const copy = storedDoc(target.sqlite, id);
      expect(Buffer.from(Y.encodeStateAsUpdate(copy)).equals(Buffer.from(Y.encodeStateAsUpdate(source))), id).toBe(true);
      expect(fragmentToJSON(copy.getXmlFragment(DEFAULT_FRAGMENT))).toEqual(fragmentToJSON(source.getXmlFragment(DEFAULT_FRAGMENT)));
    }
    const live = await target.collaboration!.read(docIds[0], (d) => text(d));
    expect(live).toBe(text(storedDoc(h.deps.sqlite, docIds[0])));
    for (const typed of ['Texte tapé par la vice-présidente, « accents » et émoji 👩🏽‍🌾.', 'Ajout de l’élu de Fayence.', 'Après la version.']) expect(live).toContain(typed);
  });

  it('the imported project works: its documents are listed with their archived / locked state', async () => {
    const token = createSession(target.deps, target.userByEmail(DEMO.vp).id).token;
    const list = await target.request('GET', `/api/projects/${projectId}/documents?archived=1`, { token });
    expect(list.status).toBe(200);
    const byTitle = Object.fromEntries(list.json.map((d: any) => [d.title, d]));
    expect(byTitle['Verrouillée'].locked).toBe(true);
    expect(byTitle['Archivée'].archived).toBe(true);
    const overview = await target.request('GET', `/api/projects/${projectId}`, { token });
    expect(overview.status).toBe(200);
    expect(overview.json.phase).toBe('diagnostic');
  });

  it('importing again is refused with 409 project_exists and writes nothing', async () => {
    const token = createSession(target.deps, target.userByEmail(DEMO.admin).id).token;
    const count = () => target.sqlite.prepare('SELECT COUNT(*) FROM audit_events').pluck().get();
    const n = count();
    const res = await target.request('POST', '/api/projects/import', { token, body: archive });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('project_exists');
    expect(count()).toBe(n);
  });
});
