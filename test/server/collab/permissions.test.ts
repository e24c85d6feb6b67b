/**
 * Who may join and write a room: read-only roles, locks, anonymous and foreign connections, cookie + Origin,
 * revoked sessions. Expectations are literal (they do not re-read the abilities table).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, waitFor, type TestClient } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from './harness.js';

let h: Harness;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  h = await startHarness({ collab: { keepAliveMs: 150 } });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h.close();
});

async function writerAndDoc() {
  const documentId = h.createDocument();
  const writer = track(connectClient(h.wsUrl, documentId, { token: await h.login(DEMO.admin) }));
  await writer.synced();
  writer.doc.getText('t').insert(0, 'Texte commun');
  await waitFor(() => h.logRows(documentId) === 1, 3000, 'writer stored');
  return { documentId, writer };
}

describe('read-only connections', () => {
  it.each([
    ['observer', DEMO.observer],
    ['partner', DEMO.caf],
  ])('%s: stays synced, is told read_only, and nothing it sends is stored', async (_label, email) => {
    const { documentId, writer } = await writerAndDoc();
    const reader = track(connectClient(h.wsUrl, documentId, { token: await h.login(email) }));
    await reader.synced();
    expect(reader.text()).toBe('Texte commun');
    await waitFor(() => reader.auth.length > 0, 3000, 'auth message');
    expect(reader.auth[0]).toEqual({ type: 'permission-denied', reason: 'read_only' });
    reader.doc.getText('t').insert(0, 'PIRATE ');
    await sleep(150);
    expect(h.logRows(documentId)).toBe(1);
    expect(h.storedDoc(documentId).getText('t').toString()).toBe('Texte commun');
    expect(writer.text()).toBe('Texte commun');
    // Still synced: it receives the writers' edits.
    writer.doc.getText('t').insert(12, ' suite');
    await waitFor(() => reader.text().endsWith('Texte commun suite'), 3000, 'reader receives');
    expect(reader.closes).toEqual([]);
  });
});

describe('locks', () => {
  it('a lock makes writers read-only (locked) except the facilitator; unlocking restores writing', async () => {
    const { documentId, writer } = await writerAndDoc();
    const tech = track(connectClient(h.wsUrl, documentId, { token: await h.login(DEMO.techEpci) }));
    const vp = track(connectClient(h.wsUrl, documentId, { token: await h.login(DEMO.vp) }));
    await Promise.all([tech.synced(), vp.synced()]);
    expect(tech.auth).toEqual([]);

    h.setLocked(documentId, true);
    await waitFor(() => tech.auth.length === 1, 3000, 'locked message');
    expect(tech.auth[0]).toEqual({ type: 'permission-denied', reason: 'locked' });
    await waitFor(() => writer.auth.length === 1, 3000, 'admin locked too');
    expect(vp.auth).toEqual([]); // the facilitator keeps writing

    // A second tab of the technician tries to write: dropped (its replica diverged: the real client resets it).
    const techTab = track(connectClient(h.wsUrl, documentId, { token: await h.login(DEMO.techEpci) }));
    await techTab.synced();
    await waitFor(() => techTab.auth.length === 1, 3000, 'tab told locked');
    techTab.doc.getText('t').insert(0, 'Interdit ');
    vp.doc.getText('t').insert(0, 'Animatrice ');
    await waitFor(() => h.storedDoc(documentId).getText('t').toString().startsWith('Animatrice '), 3000, 'facilitator stored');
    await sleep(100);
    expect(h.storedDoc(documentId).getText('t').toString()).not.toContain('Interdit');

    h.setLocked(documentId, false);
    await waitFor(() => tech.auth.length === 2, 3000, 'writable message');
    expect(tech.auth[1]).toEqual({ type: 'writable' });
    expect(tech.text()).not.toContain('Interdit');
    tech.doc.getText('t').insert(tech.text().length, ' (tech)');
    await waitFor(() => h.storedDoc(documentId).getText('t').toString().includes('(tech)'), 3000, 'tech stored after unlock');
  });

  it('a connection opened on a locked document is told `locked` at once', async () => {
    const documentId = h.createDocument({ locked: true });
    const tech = track(connectClient(h.wsUrl, documentId, { token: await h.login(DEMO.techEpci) }));
    await tech.synced();
    await waitFor(() => tech.auth.length === 1, 3000, 'auth');
    expect(tech.auth[0]).toEqual({ type: 'permission-denied', reason: 'locked' });
    tech.doc.getText('t').insert(0, 'non');
    await sleep(150);
    expect(h.logRows(documentId)).toBe(0);
  });
});

describe('refused connections', () => {
  it('anonymous and invalid tokens are closed with 4401', async () => {
    const documentId = h.createDocument();
    const anonymous = track(connectClient(h.wsUrl, documentId));
    const invalid = track(connectClient(h.wsUrl, documentId, { token: 'not-a-session' }));
    expect((await anonymous.closed()).code).toBe(4401);
    const closed = await invalid.closed();
    expect(closed.code).toBe(4401);
    expect(closed.reason).toBe('Votre session a expiré : reconnectez-vous.');
    expect(h.logRows(documentId)).toBe(0);
  });

  it('a document of a project the user cannot open is closed with 4403; an unknown document with 4404', async () => {
    const foreign = h.createDocument({ projectId: h.createForeignProject() });
    const partner = track(connectClient(h.wsUrl, foreign, { token: await h.login(DEMO.caf) }));
    const elu = track(connectClient(h.wsUrl, foreign, { token: await h.login(DEMO.eluFayence) }));
    expect((await partner.closed()).code).toBe(4403);
    expect((await elu.closed()).code).toBe(4403);
    const unknown = track(connectClient(h.wsUrl, 'doc_inexistant', { token: await h.login(DEMO.admin) }));
    expect((await unknown.closed()).code).toBe(4404);
    const malformedId = track(connectClient(h.wsUrl, '..%2Fetc', { token: await h.login(DEMO.admin) }));
    expect((await malformedId.closed()).code).toBe(4404);
    // Stock clients stop retrying on 44xx.
    await sleep(400);
    expect(partner.closes).toHaveLength(1);
    expect(h.logRows(foreign)).toBe(0);
  });

  it('cookie sessions need our Origin (4403 for a foreign one)', async () => {
    const documentId = h.createDocument();
    const token = await h.login(DEMO.admin);
    const cookie = `mutualab_session=${token}`;
    const same = track(connectClient(h.wsUrl, documentId, { headers: { cookie, origin: h.url } }));
    await same.synced();
    const foreign = track(connectClient(h.wsUrl, documentId, { headers: { cookie, origin: 'https://evil.example' } }));
    expect((await foreign.closed()).code).toBe(4403);
    const noOrigin = track(connectClient(h.wsUrl, documentId, { headers: { cookie } }));
    expect((await noOrigin.closed()).code).toBe(4403);
  });

  it('revoking a session (logout) closes its sockets with 4401', async () => {
    const documentId = h.createDocument();
    const res = await fetch(`${h.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.techFayence, password: 'demo' }),
    });
    const { token } = (await res.json()) as { token: string };
    const other = await h.login(DEMO.techFayence); // another session of the same user stays open
    const a = track(connectClient(h.wsUrl, documentId, { token }));
    const b = track(connectClient(h.wsUrl, documentId, { token: other }));
    await Promise.all([a.synced(), b.synced()]);
    const out = await fetch(`${h.url}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(out.status).toBeLessThan(300);
    expect((await a.closed()).code).toBe(4401);
    await sleep(100);
    expect(b.closes).toEqual([]);
  });
});

describe('periodic re-check (no revocation event)', () => {
  it('a commune set to observatrice becomes read-only, then retirée closes with 4403', async () => {
    const documentId = h.createDocument();
    const elu = track(connectClient(h.wsUrl, documentId, { token: await h.login(DEMO.eluSeillans) }));
    await elu.synced();
    expect(elu.auth).toEqual([]);
    const communeId = h.deps.sqlite.prepare('SELECT commune_id AS id FROM users WHERE email = ?').get(DEMO.eluSeillans) as { id: string };
    const setState = h.deps.sqlite.prepare('UPDATE participations SET state = ? WHERE commune_id = ?');
    try {
      setState.run('observatrice', communeId.id);
      await waitFor(() => elu.auth.length === 1, 3000, 'read-only after re-check');
      expect(elu.auth[0]).toEqual({ type: 'permission-denied', reason: 'read_only' });
      setState.run('retiree', communeId.id);
      expect((await elu.closed()).code).toBe(4403);
    } finally {
      setState.run('participante', communeId.id);
    }
  });
});
