/**
 * Stock y-websocket clients against our server: convergence, persistence across a restart, presence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { connectClient, waitFor, type TestClient } from '../../support/ws-client.js';
import { startHarness, DEMO, type Harness } from './harness.js';

let h: Harness;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h.close();
});

describe('stock y-websocket clients', () => {
  it('two clients converge, and a third joining after a restart sees the content', async () => {
    const documentId = h.createDocument();
    const [t1, t2] = await Promise.all([h.login(DEMO.admin), h.login(DEMO.techEpci)]);
    const a = track(connectClient(h.wsUrl, documentId, { token: t1 }));
    const b = track(connectClient(h.wsUrl, documentId, { token: t2 }));
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getText('t').insert(0, 'Bonjour ');
    b.doc.getText('t').insert(0, 'Salut ');
    await waitFor(() => a.text() === b.text() && a.text().length === 'Bonjour Salut '.length, 5000, 'convergence');
    const converged = a.text();
    expect(converged).toContain('Bonjour');
    expect(converged).toContain('Salut');
    a.destroy();
    b.destroy();

    await h.restart();
    const c = track(connectClient(h.wsUrl, documentId, { token: t1 }));
    await c.synced();
    expect(c.text()).toBe(converged);
  });

  it('presence lists connected users with connection counts, from the server registry', async () => {
    const documentId = h.createDocument();
    const token = await h.login(DEMO.vp);
    const changes: number[] = [];
    const off = h.collab.onPresenceChange((id, users) => {
      if (id === documentId) changes.push(users.reduce((n, u) => n + u.connections, 0));
    });
    const a = track(connectClient(h.wsUrl, documentId, { token }));
    const b = track(connectClient(h.wsUrl, documentId, { token }));
    await Promise.all([a.synced(), b.synced()]);
    const users = h.collab.presence(documentId);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ name: 'Claire Martin', role: 'elu_communautaire', connections: 2 });
    expect(users[0].color).toMatch(/^#[0-9a-f]{6}$/);
    a.destroy();
    await waitFor(() => h.collab.presence(documentId)[0]?.connections === 1, 3000, 'leave');
    b.destroy();
    await waitFor(() => h.collab.presence(documentId).length === 0, 3000, 'empty');
    expect(changes).toEqual([1, 2, 1, 0]);
    off();
  });

  it('stamps the session user into awareness and echoes it to the sender', async () => {
    const documentId = h.createDocument();
    const [t1, t2] = await Promise.all([h.login(DEMO.eluFayence), h.login(DEMO.admin)]);
    const a = track(connectClient(h.wsUrl, documentId, { token: t1 }));
    const b = track(connectClient(h.wsUrl, documentId, { token: t2 }));
    await Promise.all([a.synced(), b.synced()]);
    // The echo of one's own state does not change the local awareness (same clock): count raw messages instead.
    let echoed = false;
    const handleAwareness = a.provider.messageHandlers[1];
    a.provider.messageHandlers[1] = (encoder, decoder, provider, emitSynced, type) => {
      const copy = decoding.clone(decoder);
      const states = decoding.readVarUint8Array(copy);
      const inner = decoding.createDecoder(states);
      const count = decoding.readVarUint(inner);
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(inner);
        decoding.readVarUint(inner);
        const json = decoding.readVarString(inner);
        if (clientId === a.doc.clientID && json.includes('Jean Roux')) echoed = true;
      }
      handleAwareness(encoder, decoder, provider, emitSynced, type);
    };
    a.provider.awareness.setLocalStateField('user', { name: 'Quelqu’un d’autre', id: 'usr_fake', color: '#000000' });
    const seen = await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID) as { user?: Record<string, unknown> } | undefined, 3000, 'awareness');
    expect(seen.user).toMatchObject({ name: 'Jean Roux', role: 'elu_communal' });
    expect(seen.user!.id).not.toBe('usr_fake');
    expect(seen.user!.communeId).toBeTruthy();
    await waitFor(() => echoed, 3000, 'echo');
    // On close the server removes the departed connection's state for everyone.
    a.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 3000, 'removal');
  });

  it('serves server-side edits (committed before broadcast) and reads', async () => {
    const documentId = h.createDocument();
    const token = await h.login(DEMO.admin);
    const a = track(connectClient(h.wsUrl, documentId, { token }));
    await a.synced();
    await h.collab.edit(documentId, (doc) => doc.getText('t').insert(0, 'Modèle'));
    expect(h.storedDoc(documentId).getText('t').toString()).toBe('Modèle');
    await waitFor(() => a.text() === 'Modèle', 3000, 'broadcast of server edit');
    a.doc.getText('t').insert(6, ' !');
    const text = await waitFor(() => h.storedDoc(documentId).getText('t').toString() === 'Modèle !' && 'ok', 3000, 'stored');
    expect(text).toBe('ok');
    expect(await h.collab.read(documentId, (doc) => doc.getText('t').toString())).toBe('Modèle !');
  });
});
