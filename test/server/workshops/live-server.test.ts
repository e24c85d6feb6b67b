/**
 * Séances on the real server (HTTP + WebSocket on a port, temp-file database): attendance from real y-websocket
 * connections, locks that make another user's updates rejected (permission-denied auth message, nothing stored),
 * and the `seance.state` events on the project's stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects, users } from '../../../server/db/schema/index.js';
import { newId } from '../../../server/lib/ids.js';
import { connectClient, waitFor, type TestClient } from '../../support/ws-client.js';
import { sseReader } from '../events/sse-client.js';
import { startHarness, DEMO, type Harness } from '../collab/harness.js';

let h: Harness;
let projectId: string;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls an async probe until it returns something (waitFor takes synchronous probes only). */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

beforeAll(async () => {
  h = await startHarness();
  projectId = h.deps.db.select().from(projects).get()!.id;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h.close();
});

async function api(email: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.url}/api${path}`, { method, headers: { authorization: `Bearer ${await h.login(email)}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as any };
}

async function seanceWithNote() {
  const note = await api(DEMO.vp, 'POST', `/projects/${projectId}/documents`, { kind: 'note', title: 'Scénario B' });
  const created = await api(DEMO.vp, 'POST', `/projects/${projectId}/seances`, {
    title: 'COPIL en direct',
    body: 'copil',
    startsAt: '2026-12-08T13:00:00Z',
    agenda: [{ title: 'Scénario B', plannedMinutes: 20, outcome: 'debat', documentId: note.json.id }],
  });
  expect(created.status).toBe(201);
  return { seanceId: created.json.id as string, noteId: note.json.id as string, minutesId: created.json.compteRenduId as string };
}

const people = (view: any) => view.attendance.present.map((p: any) => `${view.people[p.personId]?.name}:${p.source}`).sort();

describe('attendance from the connection registry', () => {
  it('people connected to a document of a running séance are present, with their communes and the quorum', async () => {
    const { seanceId, noteId, minutesId } = await seanceWithNote();
    const fayence = track(connectClient(h.wsUrl, noteId, { token: await h.login(DEMO.eluFayence) }));
    await fayence.synced();
    expect((await api(DEMO.vp, 'POST', `/seances/${seanceId}/commands`, { type: 'start' })).status).toBe(200);
    const seillans = track(connectClient(h.wsUrl, minutesId, { token: await h.login(DEMO.eluSeillans) }));
    await seillans.synced();
    const state = await eventually(async () => {
      const v = (await api(DEMO.vp, 'GET', `/seances/${seanceId}`)).json;
      return v.attendance.present.length === 2 ? v : undefined;
    }, 'two present');
    expect(people(state)).toEqual(['Jean Roux:connexion', 'Sophie Garnier:connexion']);
    expect(state.attendance).toMatchObject({ memberCommunesRepresented: 2, quorum: { required: 3, reached: false } });

    // Fayence's technician checks in; the maire of Montauroux is in the room without a screen: the facilitator checks
    // her in, and a third participating commune gives the quorum.
    expect((await api(DEMO.techFayence, 'POST', `/seances/${seanceId}/check-ins`, {})).status).toBe(200);
    const montauroux = (await api(DEMO.vp, 'GET', `/projects/${projectId}`)).json.participations.find((p: any) => p.communeName === 'Montauroux').communeId;
    const maireId = newId('usr_');
    h.deps.db.insert(users).values({ id: maireId, email: 'maire.montauroux@exemple.fr', name: 'Maire de Montauroux', role: 'elu_communal', communeId: montauroux, createdAt: new Date().toISOString() }).run();
    const checked = await api(DEMO.vp, 'POST', `/seances/${seanceId}/check-ins`, { personId: maireId });
    expect(checked.json.attendance).toMatchObject({ memberCommunesRepresented: 3, quorum: { required: 3, reached: true } });

    // Leaving the room: no longer present live, but recorded as having attended.
    seillans.destroy();
    await eventually(async () => {
      const present = (await api(DEMO.vp, 'GET', `/seances/${seanceId}`)).json.attendance.present;
      return present.length === 3 ? present : undefined;
    }, 'Seillans left');
    await api(DEMO.vp, 'POST', `/seances/${seanceId}/commands`, { type: 'end' });
    const ended = (await api(DEMO.vp, 'GET', `/seances/${seanceId}`)).json;
    expect(people(ended)).toEqual(['Jean Roux:connexion', 'Luc Bernard:pointage', 'Maire de Montauroux:pointage', 'Sophie Garnier:connexion']);
    const summary = (await api(DEMO.observer, 'GET', `/seances/${seanceId}/summary`)).json;
    expect(summary.attendance.map((g: any) => [g.communeName, g.people.map((p: any) => p.name)])).toEqual([
      ['Fayence', ['Jean Roux', 'Luc Bernard']],
      ['Montauroux', ['Maire de Montauroux']],
      ['Seillans', ['Sophie Garnier']],
    ]);
  });
});

describe('locks', () => {
  it('the facilitator locks a document of the séance: another user’s updates are refused (permission-denied) and not stored', async () => {
    const { seanceId, noteId } = await seanceWithNote();
    await api(DEMO.vp, 'POST', `/seances/${seanceId}/commands`, { type: 'start' });
    const elu = track(connectClient(h.wsUrl, noteId, { token: await h.login(DEMO.eluFayence) }));
    const vp = track(connectClient(h.wsUrl, noteId, { token: await h.login(DEMO.vp) }));
    await Promise.all([elu.synced(), vp.synced()]);
    elu.doc.getText('t').insert(0, 'Avant le verrou. ');
    await waitFor(() => h.storedDoc(noteId).getText('t').toString() === 'Avant le verrou. ', 3000, 'stored');

    const events = await fetch(`${h.url}/api/projects/${projectId}/events`, { headers: { authorization: `Bearer ${await h.login(DEMO.eluSeillans)}` } });
    const reader = sseReader(events.body!);
    expect((await api(DEMO.eluFayence, 'POST', `/seances/${seanceId}/locks`, { documentId: noteId, locked: true })).status).toBe(403);
    const locked = await api(DEMO.vp, 'POST', `/seances/${seanceId}/locks`, { documentId: noteId, locked: true });
    expect(locked.status).toBe(200);
    expect(locked.json.documents.find((d: any) => d.id === noteId).locked).toBe(true);
    const frame = await reader.next((f) => f.event === 'seance.state', 3000);
    const payload = JSON.parse(frame!.data!).payload;
    expect(payload).toMatchObject({ seanceId, revision: locked.json.revision });
    expect(payload.state.documents.find((d: any) => d.id === noteId).locked).toBe(true);
    await reader.cancel();

    await waitFor(() => elu.auth.length > 0, 3000, 'locked message');
    expect(elu.auth).toEqual([{ type: 'permission-denied', reason: 'locked' }]);
    expect(vp.auth).toEqual([]);
    elu.doc.getText('t').insert(0, 'INTERDIT ');
    vp.doc.getText('t').insert(vp.doc.getText('t').length, 'Texte de l’animatrice.');
    await waitFor(() => h.storedDoc(noteId).getText('t').toString().includes('animatrice'), 3000, 'facilitator stored');
    await sleep(150);
    expect(h.storedDoc(noteId).getText('t').toString()).toBe('Avant le verrou. Texte de l’animatrice.');
    expect((await api(DEMO.vp, 'POST', `/seances/${seanceId}/locks`, { documentId: noteId, locked: true })).json.error.code).toBe('already_locked');

    // Unlock all of the séance's documents: the élu may write again.
    const all = await api(DEMO.vp, 'POST', `/seances/${seanceId}/locks`, { locked: false });
    expect(all.json.documents.map((d: any) => d.locked)).toEqual([false, false]);
    await waitFor(() => elu.auth.length === 2, 3000, 'writable message');
    expect(elu.auth[1]).toEqual({ type: 'writable' });
    const lockAll = await api(DEMO.vp, 'POST', `/seances/${seanceId}/locks`, { locked: true });
    expect(lockAll.json.documents.map((d: any) => [d.kind, d.locked])).toEqual([['compte_rendu', true], ['note', true]]);
  });
});
