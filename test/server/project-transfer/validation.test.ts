/**
 * The import checks everything before writing and writes all or nothing; tables added by later features are carried
 * without any change to the transfer code (two "future" tables are created here with plain SQL).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { createTestApp, DEMO, type TestApp } from '../../support/test-app.js';
import { createSession } from '../../../server/features/auth/sessions.js';
import { DEFAULT_FRAGMENT, applyJSONMinimal, fragmentToText } from '../../../shared/editor/index.js';
import { deleteProjectRows, dumpProject, storedDoc } from './helpers.js';

const FUTURE_TABLES = `
  CREATE TABLE future_items (id TEXT PRIMARY KEY NOT NULL, project_id TEXT NOT NULL REFERENCES projects(id), author_id TEXT NOT NULL REFERENCES users(id),
    label TEXT NOT NULL, weight REAL, big INTEGER, payload BLOB, flag INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE future_item_notes (id INTEGER PRIMARY KEY AUTOINCREMENT, item_id TEXT NOT NULL REFERENCES future_items(id), body TEXT NOT NULL);
`;

let image: Buffer;
let archive: any;
let projectId: string;
let documentId: string;
let source: TestApp;
const opened: TestApp[] = [];

/** A fresh copy of the source instance without the project, and an administrator token on it. */
async function emptyTarget() {
  const t = await createTestApp({ image, full: true });
  opened.push(t);
  deleteProjectRows(t.sqlite, projectId);
  return { t, token: createSession(t.deps, t.userByEmail(DEMO.admin).id).token };
}

const clone = () => structuredClone(archive);
const rowsOf = (a: any, table: string) => a.tables[table].rows as unknown[][];
const colOf = (a: any, table: string, column: string) => a.tables[table].columns.indexOf(column) as number;

/** Nothing of the project was written (rows and document storage). */
function expectNothingWritten(t: TestApp) {
  expect(Object.entries(dumpProject(t.sqlite, projectId)).filter(([, rows]) => rows.length > 0)).toEqual([]);
  expect(t.sqlite.prepare('SELECT COUNT(*) FROM doc_updates WHERE document_id = ?').pluck().get(documentId)).toBe(0);
}

beforeAll(async () => {
  source = await createTestApp({ full: true });
  opened.push(source);
  source.sqlite.exec(FUTURE_TABLES);
  const vp = createSession(source.deps, source.userByEmail(DEMO.vp).id).token;
  projectId = source.demoProject().id;
  documentId = (await source.request('POST', `/api/projects/${projectId}/documents`, { token: vp, body: { kind: 'note', title: 'Note' } })).json.id;
  await source.collaboration!.edit(documentId, (d) => void applyJSONMinimal(d, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Relevé de décisions.' }] }] }));
  expect((await source.request('POST', `/api/documents/${documentId}/versions`, { token: vp, body: { label: 'V1' } })).status).toBe(201);
  const vpId = source.userByEmail(DEMO.vp).id;
  const insertItem = source.sqlite.prepare('INSERT INTO future_items (id, project_id, author_id, label, weight, big, payload) VALUES (?, ?, ?, ?, ?, ?, ?)');
  insertItem.run('itm_1', projectId, vpId, 'Premier « élément »', 0.1, 2n ** 60n + 7n, Buffer.from([0, 1, 2, 255]));
  insertItem.run('itm_2', projectId, vpId, 'Second', null, null, null);
  source.sqlite.prepare('INSERT INTO future_item_notes (item_id, body) VALUES (?, ?)').run('itm_1', 'Note rattachée');
  const admin = createSession(source.deps, source.userByEmail(DEMO.admin).id).token;
  const res = await source.request('GET', `/api/projects/${projectId}/export`, { token: admin });
  expect(res.status).toBe(200);
  archive = res.json;
  await source.close();
  image = source.sqlite.serialize();
});

afterEach(async () => {
  while (opened.length > 1) await opened.pop()!.close();
});

describe('generic tables', () => {
  it('tables added later (a project_id table and its child) travel with exact values: 2^60+7, 0.1, blobs', async () => {
    expect(archive.tables.future_items.rows).toHaveLength(2);
    expect(rowsOf(archive, 'future_items')[0][colOf(archive, 'future_items', 'big')]).toEqual({ $int: (2n ** 60n + 7n).toString() });
    expect(archive.tables.future_item_notes.rows).toEqual([[1, 'itm_1', 'Note rattachée']]);
    const { t, token } = await emptyTarget();
    const before = dumpProject(new Database(image), projectId);
    expect(before.audit_events.pop()).toContain('project.exported'); // written after the picture was taken
    const res = await t.request('POST', '/api/projects/import', { token, body: archive });
    expect(res.status, res.text).toBe(201);
    const after = dumpProject(t.sqlite, projectId);
    after.audit_events.pop();
    expect(after).toEqual(before);
    expect(fragmentToText(storedDoc(t.sqlite, documentId).getXmlFragment(DEFAULT_FRAGMENT))).toBe('Relevé de décisions.');
  });
});

describe('refusals: checked before writing, per-row details, nothing written', () => {
  it('a reference to an account this instance does not have → 400 with the table, row and column', async () => {
    const { t, token } = await emptyTarget();
    const a = clone();
    rowsOf(a, 'future_items')[1][colOf(a, 'future_items', 'author_id')] = 'usr_inconnu';
    const res = await t.request('POST', '/api/projects/import', { token, body: a });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_archive');
    expect(res.json.error.details).toEqual([{ table: 'future_items', row: 2, column: 'author_id', message: '« usr_inconnu » introuvable dans users de cette instance' }]);
    expect(res.json.error.message).toMatch(/^Le projet ne peut pas être importé : 1 problème \(le premier — future_items, ligne 2, colonne author_id/);
    expectNothingWritten(t);
  });

  it('a row of another project, an orphan child row, an accounts table → 400, every problem listed', async () => {
    const { t, token } = await emptyTarget();
    const a = clone();
    rowsOf(a, 'diag_services')[0][colOf(a, 'diag_services', 'project_id')] = 'prj_autre';
    rowsOf(a, 'future_item_notes')[0][1] = 'itm_absent';
    a.tables.users = { columns: ['id'], rows: [['usr_x']] };
    const res = await t.request('POST', '/api/projects/import', { token, body: a });
    expect(res.status).toBe(400);
    // Structure first (unknown / global tables), then rows.
    expect(res.json.error.details).toEqual([{ table: 'users', message: 'table commune à toute l’instance : elle ne fait pas partie d’un projet' }]);
    delete a.tables.users;
    const again = await t.request('POST', '/api/projects/import', { token, body: a });
    expect(again.status).toBe(400);
    const messages = again.json.error.details.map((d: any) => `${d.table}:${d.row}:${d.column ?? ''}:${d.message}`);
    expect(messages).toContain('diag_services:1:project_id:appartient à un autre projet (prj_autre)');
    expect(messages).toContain('future_item_notes:1::ne se rattache à aucune donnée du projet (item_id → future_items)');
    expect(messages).toContain('future_item_notes:1:item_id:« itm_absent » introuvable dans future_items');
    expectNothingWritten(t);
  });

  it('an id already used in this instance → 409 id_conflict; a document that already has content → 409', async () => {
    const { t, token } = await emptyTarget();
    const vpId = t.userByEmail(DEMO.vp).id;
    const territoryId = t.sqlite.prepare('SELECT id FROM territories LIMIT 1').pluck().get();
    t.sqlite.prepare("INSERT INTO projects (id, territory_id, title, domains, phase, created_at, created_by) VALUES ('prj_autre', ?, 'Autre', '[]', 'besoins', '2026-01-01', ?)").run(territoryId, vpId);
    t.sqlite.prepare("INSERT INTO future_items (id, project_id, author_id, label) VALUES ('itm_2', 'prj_autre', ?, 'Déjà là')").run(vpId);
    t.sqlite.prepare('INSERT INTO doc_updates (document_id, data) VALUES (?, ?)').run(documentId, Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())));
    const res = await t.request('POST', '/api/projects/import', { token, body: archive });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('id_conflict');
    expect(res.json.error.details).toEqual([
      { table: 'future_items', row: 2, column: 'id', message: '« itm_2 » existe déjà dans cette instance' },
      { table: 'documents', column: 'yjs', message: `le document ${documentId} a déjà un contenu dans cette instance` },
    ]);
    expect(t.sqlite.prepare('SELECT COUNT(*) FROM projects WHERE id = ?').pluck().get(projectId)).toBe(0);
  });

  it('unreadable Yjs state, or a state for a document the file does not have → 400', async () => {
    const { t, token } = await emptyTarget();
    const a = clone();
    a.documents[documentId] = Buffer.from([255, 255, 255, 1, 2]).toString('base64');
    a.documents.doc_fantome = a.documents[documentId];
    const res = await t.request('POST', '/api/projects/import', { token, body: a });
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: any) => d.message)).toEqual([
      `état Yjs illisible pour le document ${documentId}`,
      'état Yjs d’un document absent du fichier (doc_fantome)',
    ]);
    expectNothingWritten(t);
  });

  it('a failure while writing (injected on the last tables) rolls everything back', async () => {
    const { t, token } = await emptyTarget();
    t.sqlite.exec("CREATE TEMP TRIGGER fail_versions BEFORE INSERT ON document_versions BEGIN SELECT RAISE(ABORT, 'panne simulée'); END;");
    const res = await t.request('POST', '/api/projects/import', { token, body: archive });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('import_failed');
    expect(res.json.error.details[0]).toMatchObject({ table: 'document_versions', row: 1 });
    expectNothingWritten(t);
    t.sqlite.exec('DROP TRIGGER temp.fail_versions');
    expect((await t.request('POST', '/api/projects/import', { token, body: archive })).status).toBe(201);
  });

  it('audit and history ids taken in this instance are renumbered, keeping their order', async () => {
    const { t, token } = await emptyTarget();
    const ids = rowsOf(archive, 'audit_events').map((r) => r[0] as number);
    const insert = t.sqlite.prepare("INSERT INTO audit_events (id, at, action, target_type) VALUES (?, '2026-01-01T00:00:00Z', 'autre', 'x')");
    insert.run(ids[0]);
    expect((await t.request('POST', '/api/projects/import', { token, body: archive })).status).toBe(201);
    const got = t.sqlite.prepare('SELECT id, action, at FROM audit_events WHERE project_id = ? ORDER BY id').raw(true).all(projectId) as unknown[][];
    got.pop(); // the import's own event
    expect(got.map((r) => [r[1], r[2]])).toEqual(rowsOf(archive, 'audit_events').map((r) => [r[colOf(archive, 'audit_events', 'action')], r[colOf(archive, 'audit_events', 'at')]]));
    expect(got.every((r) => !ids.includes(r[0] as number))).toBe(true);
  });
});

describe('command line', () => {
  it('npm run export-project / import-project round-trip through files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutualab-cli-'));
    const from = join(dir, 'source.db');
    const to = join(dir, 'cible.db');
    writeFileSync(from, image);
    const { t } = await emptyTarget();
    writeFileSync(to, t.sqlite.serialize());
    const file = join(dir, 'projet.json');
    const run = (script: string, args: string[], db: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', `server/tools/${script}.ts`, ...args], { env: { ...process.env, DATABASE_PATH: db }, encoding: 'utf8' });
    const out = run('export-project', [projectId, file], from);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^Projet \S+ exporté dans .*projet\.json : \d+ lignes dans \d+ tables, 1 documents\.\n$/);
    expect(JSON.parse(readFileSync(file, 'utf8')).tables.future_items.rows).toHaveLength(2);
    const imported = run('import-project', [file], to);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('« Mutualisation du service jeunesse »');
    const again = run('import-project', [file], to);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('existe déjà dans cette instance');
  });
});
