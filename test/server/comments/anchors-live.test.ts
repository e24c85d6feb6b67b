/**
 * Text anchors of comments follow the edits of stock y-websocket clients: concurrent inserts before and inside the
 * range, a paragraph turned into a heading (a new Yjs element), and the passage deleted (orphaned, quote kept).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, waitFor, type TestClient } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from '../collab/harness.js';
import { CONVENTION } from './setup.js';
import { apiOf, createNote, insertBefore, serverAnchor, textOf, toHeading, type Api } from './live-helpers.js';

let h: Harness;
let api: Api;
const clients: TestClient[] = [];
beforeAll(async () => {
  h = await startHarness();
  api = apiOf(h);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h.close();
});

async function setup() {
  const vp = await h.login(DEMO.vp);
  const elu = await h.login(DEMO.eluFayence);
  const { projectId, documentId } = await createNote(h, api, vp, CONVENTION);
  const open = async (quote: string) => {
    const res = await api('POST', `/projects/${projectId}/comments`, elu, { type: 'objection', body: 'À revoir.', anchors: [{ kind: 'text', documentId, anchor: await serverAnchor(h, documentId, quote) }] });
    expect(res.status).toBe(201);
    return res.json.id as string;
  };
  const a = connectClient(h.wsUrl, documentId, { token: vp });
  const b = connectClient(h.wsUrl, documentId, { token: elu });
  clients.push(a, b);
  await Promise.all([a.synced(), b.synced()]);
  const anchorOf = async (threadId: string) => (await api('GET', `/comments/${threadId}`, vp)).json.anchors[0];
  const converged = (expected: string) => waitFor(() => textOf(a.doc) === expected && textOf(b.doc) === expected, 5000, 'convergence');
  return { projectId, documentId, vp, open, a, b, anchorOf, converged };
}

describe('text anchors follow live edits', () => {
  it('concurrent inserts before and inside the range: the range grows with the inside edit only', async () => {
    const s = await setup();
    const threadId = await s.open('fixée à 10 000 €');
    // Both clients edit the same paragraph at the same time, before hearing from each other.
    insertBefore(s.a.doc, 3, 'La contribution', 'Dès 2027, ');
    insertBefore(s.b.doc, 3, '10 000 €', 'environ ');
    await s.converged(
      'Article 1 — Objet\nLe service commun jeunesse est créé au 1er janvier.\nArticle 2 — Dispositions financières\nDès 2027, La contribution de chaque commune est fixée à environ 10 000 € par an.',
    );
    await waitFor(() => textOf(h.storedDoc(s.documentId)).includes('environ') && textOf(h.storedDoc(s.documentId)).includes('Dès 2027'), 5000, 'stored');
    expect(await s.anchorOf(threadId)).toMatchObject({
      quote: 'fixée à 10 000 €',
      currentText: 'fixée à environ 10 000 €',
      orphaned: false,
      changed: true,
      sectionTitle: 'Article 2 — Dispositions financières',
    });
  });

  it('a paragraph turned into a heading keeps its comment (found again by its quote)', async () => {
    const s = await setup();
    const threadId = await s.open('service commun jeunesse');
    toHeading(s.a.doc, 1, 3);
    await waitFor(() => (s.b.doc.getXmlFragment('default').get(1) as { nodeName?: string }).nodeName === 'heading', 5000, 'heading on b');
    await waitFor(() => (h.storedDoc(s.documentId).getXmlFragment('default').get(1) as { nodeName?: string }).nodeName === 'heading', 5000, 'stored');
    expect(await s.anchorOf(threadId)).toMatchObject({
      quote: 'service commun jeunesse',
      currentText: 'service commun jeunesse',
      orphaned: false,
      changed: false,
      sectionTitle: 'Le service commun jeunesse est créé au 1er janvier.',
    });
  });

  it('a deleted passage orphans its comment, which keeps its quote and its section; badges count open threads', async () => {
    const s = await setup();
    const kept = await s.open('service commun jeunesse');
    const orphan = await s.open('10 000 €');
    const counts = (await api('GET', `/projects/${s.projectId}/comment-counts`, s.vp)).json;
    expect(counts.documents[s.documentId]).toBe(2);
    expect(Object.values(counts.sections[s.documentId])).toEqual([1, 1]);
    s.b.doc.getXmlFragment('default').delete(3, 1);
    await waitFor(() => textOf(h.storedDoc(s.documentId)) === 'Article 1 — Objet\nLe service commun jeunesse est créé au 1er janvier.\nArticle 2 — Dispositions financières', 5000, 'stored');
    expect(await s.anchorOf(orphan)).toMatchObject({ quote: '10 000 €', currentText: null, orphaned: true, changed: true, sectionTitle: 'Article 2 — Dispositions financières' });
    expect(await s.anchorOf(kept)).toMatchObject({ currentText: 'service commun jeunesse', orphaned: false });
    const after = (await api('GET', `/projects/${s.projectId}/comment-counts`, s.vp)).json;
    expect(after.documents[s.documentId]).toBe(2);
    expect(Object.values(after.sections[s.documentId])).toEqual([1]);
  });
});
