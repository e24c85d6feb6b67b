import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import * as Y from 'yjs';
import { DEMO } from '../../support/test-app.js';
import { DEFAULT_FRAGMENT, createAnchorFromQuote, editorSchema, resolveAnchor } from '../../../shared/editor/index.js';
import { createVersionsTestApp, doc, h2, p, type VersionsTestApp } from './setup.js';

const V1 = doc(h2('Article 1'), p('Texte stable du préambule.'), p('Le montant est de 10 000 € par an.'));
const NOW = doc(h2('Article 1'), p('Texte stable du préambule.'), p('Le montant est de 12 000 € par an.'), p('Paragraphe ajouté ensuite.'));
const canonical = (json: unknown) => editorSchema.nodeFromJSON(json).toJSON();

/** Ids (client, clock) of the top-level Yjs elements: equal ids mean the very same element, kept by the edit. */
const blockIds = (d: Y.Doc) => d.getXmlFragment(DEFAULT_FRAGMENT).toArray().map((el) => {
  const id = (el as Y.XmlElement)._item!.id;
  return `${id.client}:${id.clock}`;
});

describe('restoring a version', () => {
  let t: VersionsTestApp;
  let documentId: string;
  let v1: string;
  beforeEach(async () => {
    t = await createVersionsTestApp();
    documentId = await t.createDocument();
    await t.setContent(documentId, V1);
    v1 = (await t.request('POST', `/api/documents/${documentId}/versions`, { token: t.tokens.techEpci, body: { label: 'Version du comité' } })).json.id;
    await t.setContent(documentId, NOW);
    t.clock.advance(120_000);
  });
  afterEach(() => t.close());

  it('makes the text equal to the version, as a new change, after saving the current text as a backup version', async () => {
    const vp = t.userByEmail(DEMO.vp);
    const rowsBefore = t.logRows(documentId);
    const before = await t.read(documentId, (d) => ({ sv: Y.decodeStateVector(Y.encodeStateVector(d)), ids: blockIds(d) }));

    const res = await t.request('POST', `/api/documents/${documentId}/versions/${v1}/restore`, { token: t.tokens.vp });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      restoredVersion: expect.objectContaining({ id: v1, label: 'Version du comité', kind: 'manual' }),
      backupVersion: {
        id: expect.stringMatching(/^ver_/),
        label: 'Avant la restauration de « Version du comité »',
        kind: 'restore_backup',
        createdAt: '2026-11-27T09:02:00.000Z',
        createdBy: { id: vp.id, name: vp.name },
      },
      changes: { unchanged: 2, updated: 1, inserted: 0, deleted: 1 },
    });

    // The text is the version's.
    expect(await t.content(documentId)).toEqual(canonical(V1));
    // A new change: one more update in the log, and the new state includes everything that was there before.
    expect(t.logRows(documentId)).toBe(rowsBefore + 1);
    const after = await t.read(documentId, (d) => ({ sv: Y.decodeStateVector(Y.encodeStateVector(d)), ids: blockIds(d) }));
    for (const [client, clock] of before.sv) expect(after.sv.get(client)).toBeGreaterThanOrEqual(clock);
    // The heading and the unchanged paragraph are the same Yjs elements; the changed one was patched in place.
    expect(after.ids).toEqual(before.ids.slice(0, 3));

    // Nothing lost: the backup version holds the text as it was just before.
    const backup = await t.request('GET', `/api/documents/${documentId}/versions/${res.json.backupVersion.id}`, { token: t.tokens.vp });
    expect(backup.json.content).toEqual(canonical(NOW));
    const list = await t.request('GET', `/api/documents/${documentId}/versions`, { token: t.tokens.vp });
    expect(list.json.map((v: { kind: string }) => v.kind)).toEqual(['restore_backup', 'manual']);

    expect(t.events('document.restored')).toEqual([
      { documentId, versionId: v1, label: 'Version du comité', backupVersionId: res.json.backupVersion.id, by: vp.id },
    ]);
    expect(t.audit('document.version_restored')).toEqual([
      {
        userId: vp.id,
        targetId: documentId,
        before: { backupVersionId: res.json.backupVersion.id },
        after: { versionId: v1, label: 'Version du comité', changes: { unchanged: 2, updated: 1, inserted: 0, deleted: 1 } },
      },
    ]);
  });

  it('a text anchor (comment) on an unchanged paragraph still resolves to the same text after the restore', async () => {
    const anchor = await t.read(documentId, (d) => createAnchorFromQuote(d, 'stable du préambule')!);
    const before = await t.read(documentId, (d) => resolveAnchor(d, anchor));
    expect(before).toMatchObject({ status: 'ok', text: 'stable du préambule', changed: false });

    expect((await t.request('POST', `/api/documents/${documentId}/versions/${v1}/restore`, { token: t.tokens.techEpci })).status).toBe(200);

    const after = await t.read(documentId, (d) => resolveAnchor(d, anchor));
    // Same positions, found by its relative positions (no re-anchoring by quote: no `anchor` field).
    expect(after).toEqual({ status: 'ok', from: before.status === 'ok' ? before.from : -1, to: before.status === 'ok' ? before.to : -1, text: 'stable du préambule', changed: false });
  });

  it('restoring the backup undoes the restore (history is a sequence of changes, never a rewrite)', async () => {
    const backupId = (await t.request('POST', `/api/documents/${documentId}/versions/${v1}/restore`, { token: t.tokens.vp })).json.backupVersion.id;
    expect(await t.content(documentId)).toEqual(canonical(V1));
    const again = await t.request('POST', `/api/documents/${documentId}/versions/${backupId}/restore`, { token: t.tokens.vp });
    expect(again.json.changes).toEqual({ unchanged: 2, updated: 1, inserted: 1, deleted: 0 });
    expect(await t.content(documentId)).toEqual(canonical(NOW));
    expect((await t.request('GET', `/api/documents/${documentId}/versions`, { token: t.tokens.vp })).json).toHaveLength(3);
  });

  it('locked document: 409 document_locked for a document manager, allowed for the facilitator', async () => {
    await t.request('POST', `/api/documents/${documentId}/lock`, { token: t.tokens.vp });
    const refused = await t.request('POST', `/api/documents/${documentId}/versions/${v1}/restore`, { token: t.tokens.techEpci });
    expect([refused.status, refused.json.error.code]).toEqual([409, 'document_locked']);
    const admin = await t.request('POST', `/api/documents/${documentId}/versions/${v1}/restore`, { token: t.tokens.admin });
    expect([admin.status, admin.json.error.code]).toEqual([409, 'document_locked']);
    expect(await t.content(documentId)).toEqual(canonical(NOW));
    expect((await t.request('POST', `/api/documents/${documentId}/versions/${v1}/restore`, { token: t.tokens.vp })).status).toBe(200);
    expect(await t.content(documentId)).toEqual(canonical(V1));
  });

  it('archived document: restore and creation answer 409 document_archived, even for the facilitator; reading still works', async () => {
    await t.request('POST', `/api/documents/${documentId}/archive`, { token: t.tokens.vp });
    const restore = await t.request('POST', `/api/documents/${documentId}/versions/${v1}/restore`, { token: t.tokens.vp });
    expect([restore.status, restore.json.error.code]).toEqual([409, 'document_archived']);
    const create = await t.request('POST', `/api/documents/${documentId}/versions`, { token: t.tokens.vp, body: { label: 'Gel' } });
    expect([create.status, create.json.error.code]).toEqual([409, 'document_archived']);
    expect((await t.request('GET', `/api/documents/${documentId}/versions`, { token: t.tokens.observer })).json).toHaveLength(1);
    expect(await t.content(documentId)).toEqual(canonical(NOW));
  });

  it('a locked document still accepts named versions from its co-writers (a snapshot does not change the text)', async () => {
    await t.request('POST', `/api/documents/${documentId}/lock`, { token: t.tokens.vp });
    const res = await t.request('POST', `/api/documents/${documentId}/versions`, { token: t.tokens.eluFayence, body: { label: 'Pendant l’atelier' } });
    expect(res.status).toBe(201);
  });

  it('a version the current schema cannot read is refused with 409 version_unreadable, before any backup is written', async () => {
    t.sqlite.prepare('UPDATE document_versions SET content = ? WHERE id = ?').run(JSON.stringify({ type: 'doc', content: [{ type: 'diapositive' }] }), v1);
    const res = await t.request('POST', `/api/documents/${documentId}/versions/${v1}/restore`, { token: t.tokens.vp });
    expect([res.status, res.json.error.code]).toEqual([409, 'version_unreadable']);
    expect((await t.request('GET', `/api/documents/${documentId}/versions`, { token: t.tokens.vp })).json).toHaveLength(1);
    expect(await t.content(documentId)).toEqual(canonical(NOW));
  });
});
