/**
 * Amendments against the real server: accepting edits the text inside the room and records the decision in the same
 * SQLite transaction as the Yjs update, before connected stock y-websocket clients receive it; changed passages and
 * second decisions answer 409.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectClient, waitFor, type TestClient } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from '../collab/harness.js';
import { CONVENTION } from './setup.js';
import { apiOf, createNote, replaceIn, serverAnchor, textOf, type Api } from './live-helpers.js';

const ORIGINAL = 'La contribution de chaque commune est fixée à 10 000 € par an.';
const AMENDED = 'La contribution de chaque commune est fixée à 8 000 € par an.';

let h: Harness;
let api: Api;
let tok: Record<keyof typeof DEMO, string>;
const clients: TestClient[] = [];
beforeAll(async () => {
  h = await startHarness();
  api = apiOf(h);
  tok = Object.fromEntries(await Promise.all(Object.entries(DEMO).map(async ([k, email]) => [k, await h.login(email)]))) as typeof tok;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h.close();
});

let projectId: string;
let documentId: string;
let amendmentId: string;
let threadId: string;

beforeEach(async () => {
  ({ projectId, documentId } = await createNote(h, api, tok.vp, CONVENTION));
  const anchor = await serverAnchor(h, documentId, '10 000 €');
  const res = await api('POST', `/projects/${projectId}/comments`, tok.eluSeillans, {
    type: 'proposition_amendement',
    body: 'Une contribution plus juste pour les petites communes.',
    anchors: [{ kind: 'text', documentId, anchor }],
    replacementText: '8 000 €',
  });
  expect(res.status).toBe(201);
  threadId = res.json.id;
  amendmentId = res.json.amendment.id;
});

const sql = <T>(query: string, ...params: unknown[]) => h.deps.sqlite.prepare(query).all(...params) as T[];
const amendmentRow = () => sql<{ status: string; decided_by: string | null; decided_original_text: string | null; new_text: string | null; motivation: string | null }>('SELECT * FROM amendments WHERE id = ?', amendmentId)[0];
const userId = (email: string) => sql<{ id: string }>('SELECT id FROM users WHERE email = ?', email)[0].id;
const paragraph = (text: string) => text.split('\n')[3];

async function connected(token: string): Promise<TestClient> {
  const client = connectClient(h.wsUrl, documentId, { token });
  clients.push(client);
  await client.synced();
  return client;
}

describe('accepting an amendment', () => {
  it('replaces the passage exactly once, records who/when/texts, and a connected stock client sees it', async () => {
    const writer = await connected(tok.eluFayence);
    const reader = await connected(tok.observer);
    expect(paragraph(textOf(writer.doc))).toBe(ORIGINAL);

    const proposed = (await api('GET', `/comments/${threadId}`, tok.vp)).json.amendment;
    expect(proposed).toMatchObject({ status: 'proposee', originalText: '10 000 €', replacementText: '8 000 €', can: { vote: true, decide: true } });
    expect((await api('POST', `/amendments/${amendmentId}/votes`, tok.eluFayence, { stance: 'soutien' })).status).toBe(200);
    const voted = await api('POST', `/amendments/${amendmentId}/votes`, tok.techEpci, { stance: 'opposition' });
    expect(voted.json.amendment.tally).toMatchObject({ support: 2, oppose: 1 });

    const accepted = await api('POST', `/amendments/${amendmentId}/accept`, tok.vp);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({
      status: 'resolved',
      resolvedBy: { name: 'Claire Martin' },
      amendment: { status: 'acceptee', decidedBy: { name: 'Claire Martin' }, decidedOriginalText: '10 000 €', newText: '8 000 €', motivation: null, can: { vote: false, decide: false } },
      anchors: [{ kind: 'text', quote: '8 000 €', currentText: '8 000 €', orphaned: false, sectionTitle: 'Article 2 — Dispositions financières' }],
    });
    await waitFor(() => paragraph(textOf(writer.doc)) === AMENDED && paragraph(textOf(reader.doc)) === AMENDED, 5000, 'amended text on both clients');
    expect(paragraph(textOf(h.storedDoc(documentId)))).toBe(AMENDED);
    expect(amendmentRow()).toMatchObject({ status: 'acceptee', decided_by: userId(DEMO.vp), decided_original_text: '10 000 €', new_text: '8 000 €' });
    expect(sql<{ after: string }>("SELECT after FROM audit_events WHERE action = 'amendment.accepted' AND target_id = ?", amendmentId).map((r) => JSON.parse(r.after))).toEqual([{ text: '8 000 €', documentId }]);

    const again = await api('POST', `/amendments/${amendmentId}/accept`, tok.admin);
    expect([again.status, again.json.error.code, again.json.error.message]).toEqual([409, 'amendment_already_decided', 'Cet amendement a déjà été accepté.']);
    await new Promise((r) => setTimeout(r, 100));
    expect(textOf(writer.doc).match(/8 000 €/g)).toHaveLength(1);
    expect(sql<{ email: string; kind: string; title: string }>("SELECT u.email, n.kind, n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind LIKE 'amendment_%' ORDER BY n.rowid")).toEqual([
      { email: DEMO.eluSeillans, kind: 'amendment_accepted', title: 'Amendement accepté par Claire Martin' },
      { email: DEMO.eluFayence, kind: 'amendment_accepted', title: 'Amendement accepté par Claire Martin' },
    ]);
    h.deps.sqlite.exec("DELETE FROM notifications WHERE kind LIKE 'amendment_%'");
  });

  it('writes the decision in the transaction of the Yjs update: while the write fails, neither exists nor is broadcast', async () => {
    const writer = await connected(tok.eluFayence);
    h.failWrites(true);
    const pending = api('POST', `/amendments/${amendmentId}/accept`, tok.vp);
    await new Promise((r) => setTimeout(r, 300));
    expect(amendmentRow().status).toBe('proposee');
    expect(paragraph(textOf(writer.doc))).toBe(ORIGINAL);
    const second = await api('POST', `/amendments/${amendmentId}/accept`, tok.admin);
    expect([second.status, second.json.error.code]).toEqual([409, 'amendment_already_decided']);
    const reject = await api('POST', `/amendments/${amendmentId}/reject`, tok.admin, { motivation: 'Trop tard.' });
    expect([reject.status, reject.json.error.code]).toEqual([409, 'amendment_already_decided']);
    h.failWrites(false);
    expect((await pending).status).toBe(200);
    expect(amendmentRow().status).toBe('acceptee');
    await waitFor(() => paragraph(textOf(writer.doc)) === AMENDED, 5000, 'amended text');
  });

  it('answers 409 with the current text when the passage changed since the proposal', async () => {
    const writer = await connected(tok.eluFayence);
    replaceIn(writer.doc, 3, '10 000', '12 000');
    await waitFor(() => h.logRows(documentId) > 0 && paragraph(textOf(h.storedDoc(documentId))).includes('12 000'), 5000, 'edit stored');
    const res = await api('POST', `/amendments/${amendmentId}/accept`, tok.vp);
    expect(res.status).toBe(409);
    expect(res.json.error).toEqual({
      code: 'amendment_text_changed',
      message: 'Le passage visé a changé depuis la proposition : relisez le texte actuel avant de statuer.',
      details: { currentText: '12 000 €' },
    });
    expect(amendmentRow().status).toBe('proposee');
    expect(paragraph(textOf(writer.doc))).toBe('La contribution de chaque commune est fixée à 12 000 € par an.');
  });

  it('two concurrent accepts: one succeeds, the other gets 409, the text is replaced once', async () => {
    const writer = await connected(tok.techFayence);
    const results = await Promise.all([api('POST', `/amendments/${amendmentId}/accept`, tok.vp), api('POST', `/amendments/${amendmentId}/accept`, tok.admin)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.json.error.code).toBe('amendment_already_decided');
    await waitFor(() => paragraph(textOf(writer.doc)) === AMENDED, 5000, 'amended text');
    expect(sql("SELECT id FROM audit_events WHERE action = 'amendment.accepted' AND target_id = ?", amendmentId)).toHaveLength(1);
  });
});

describe('rejecting and who decides', () => {
  it('a rejection needs a motivation; it leaves the text, resolves the thread and tells the author', async () => {
    for (const body of [{}, { motivation: '  ' }, { motivation: 'no' }]) {
      const res = await api('POST', `/amendments/${amendmentId}/reject`, tok.vp, body);
      expect([res.status, res.json.error.code]).toEqual([400, 'validation_error']);
    }
    const rejected = await api('POST', `/amendments/${amendmentId}/reject`, tok.vp, { motivation: '  Le budget est voté.  ' });
    expect(rejected.status).toBe(200);
    expect(rejected.json).toMatchObject({ status: 'resolved', amendment: { status: 'rejetee', motivation: 'Le budget est voté.', newText: null, decidedOriginalText: '10 000 €' } });
    expect(paragraph(await h.collab.read(documentId, textOf))).toBe(ORIGINAL);
    const late = await api('POST', `/amendments/${amendmentId}/accept`, tok.vp);
    expect([late.status, late.json.error.message]).toEqual([409, 'Cet amendement a déjà été rejeté.']);
    const vote = await api('POST', `/amendments/${amendmentId}/votes`, tok.eluFayence, { stance: 'soutien' });
    expect([vote.status, vote.json.error.code]).toEqual([409, 'amendment_already_decided']);
    expect(sql<{ email: string; body: string }>("SELECT u.email, n.body FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'amendment_rejected'")).toEqual([
      { email: DEMO.eluSeillans, body: 'Motif : Le budget est voté.' },
    ]);
    h.deps.sqlite.exec("DELETE FROM notifications WHERE kind LIKE 'amendment_%'");
  });

  it('co-writers decide only once the facilitator allows it; partners and observers never; the author’s own vote is refused', async () => {
    expect((await api('POST', `/amendments/${amendmentId}/votes`, tok.eluSeillans, { stance: 'opposition' })).json.error.code).toBe('own_amendment');
    expect((await api('POST', `/amendments/${amendmentId}/votes`, tok.observer, { stance: 'soutien' })).status).toBe(403);
    expect((await api('POST', `/amendments/${amendmentId}/accept`, tok.eluFayence)).status).toBe(403);
    expect((await api('GET', `/comments/${threadId}`, tok.eluFayence)).json.amendment.can).toEqual({ vote: true, decide: false });
    expect((await api('PUT', `/projects/${projectId}/amendment-settings`, tok.eluFayence, { editorsDecideAmendments: true })).status).toBe(403);
    const allowed = await api('PUT', `/projects/${projectId}/amendment-settings`, tok.vp, { editorsDecideAmendments: true });
    expect(allowed.json).toEqual({ editorsDecideAmendments: true });
    try {
      expect((await api('GET', `/comments/${threadId}`, tok.eluFayence)).json.amendment.can).toEqual({ vote: true, decide: true });
      expect((await api('POST', `/amendments/${amendmentId}/accept`, tok.caf)).status).toBe(403);
      expect((await api('POST', `/amendments/${amendmentId}/accept`, tok.eluFayence)).status).toBe(200);
    } finally {
      await api('PUT', `/projects/${projectId}/amendment-settings`, tok.vp, { editorsDecideAmendments: false });
    }
    expect((await api('GET', `/projects/${projectId}/amendment-settings`, tok.observer)).json).toEqual({ editorsDecideAmendments: false });
  });
});
