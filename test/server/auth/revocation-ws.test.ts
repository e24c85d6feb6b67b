/**
 * Session changes reach open WebSockets (contracts.md): a role change closes every socket of that person at once
 * (4401: all their sessions are revoked; a new session is judged on the new role) and leaves other people's open; an expired session or a disabled account is
 * closed at the next periodic re-check; a reconnect with the old token is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, waitFor, type TestClient } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from '../collab/harness.js';

let h: Harness;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  // Re-checks every 400 ms: quick enough for the expiry tests, slow enough not to drop live sockets on a busy machine.
  h = await startHarness({ collab: { keepAliveMs: 400 } });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h.close();
});

async function freshToken(email: string): Promise<string> {
  const res = await fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo' }) });
  return ((await res.json()) as { token: string }).token;
}

const userId = (email: string) => (h.deps.sqlite.prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: string }).id;

describe('role change and open sockets', () => {
  it('closes every socket of that person (both sessions, two documents) with 4401; others stay connected', async () => {
    const [docA, docB] = [h.createDocument(), h.createDocument()];
    const [s1, s2] = [await freshToken(DEMO.eluSeillans), await freshToken(DEMO.eluSeillans)];
    const a = track(connectClient(h.wsUrl, docA, { token: s1 }));
    const b = track(connectClient(h.wsUrl, docB, { token: s2 }));
    const other = track(connectClient(h.wsUrl, docA, { token: await freshToken(DEMO.eluFayence) }));
    await Promise.all([a.synced(), b.synced(), other.synced()]);
    const admin = await h.login(DEMO.admin);
    const res = await fetch(`${h.url}/api/users/${userId(DEMO.eluSeillans)}/role`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'observateur' }),
    });
    expect(res.status).toBe(200);
    expect((await a.closed()).code).toBe(4401);
    expect((await b.closed()).code).toBe(4401);
    await sleep(900); // two re-check periods
    expect(other.closes).toEqual([]);
    // The old token cannot reconnect; a new session is judged on the new role: an observer not added to the
    // project may not open its documents.
    const again = track(connectClient(h.wsUrl, docA, { token: s1 }));
    expect((await again.closed()).code).toBe(4401);
    const observer = track(connectClient(h.wsUrl, docA, { token: await freshToken(DEMO.eluSeillans) }));
    expect((await observer.closed()).code).toBe(4403);
  });
});

describe('periodic re-check of sessions', () => {
  it('an expired session is closed with 4401 without any request', async () => {
    const documentId = h.createDocument();
    const token = await freshToken(DEMO.techFayence);
    const c = track(connectClient(h.wsUrl, documentId, { token }));
    await c.synced();
    h.deps.sqlite.prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE user_id = ? AND revoked_at IS NULL").run(userId(DEMO.techFayence));
    expect((await c.closed()).code).toBe(4401);
  });

  it('a disabled account is closed with 4401', async () => {
    const documentId = h.createDocument();
    const c = track(connectClient(h.wsUrl, documentId, { token: await freshToken(DEMO.techEpci) }));
    await c.synced();
    const id = userId(DEMO.techEpci);
    try {
      h.deps.sqlite.prepare("UPDATE users SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE id = ?").run(id);
      expect((await c.closed()).code).toBe(4401);
    } finally {
      h.deps.sqlite.prepare('UPDATE users SET disabled_at = NULL WHERE id = ?').run(id);
    }
  });
});
