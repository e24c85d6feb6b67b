/**
 * A séance survives a crash of the server: the real server as a child process is killed (SIGKILL) mid-séance and
 * started again on the same database file; the state a reconnecting client GETs is where the séance was (status,
 * current item, clock still counting, follow target, speaking queue, polls and votes, decisions, locks), and the
 * séance goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../support/server-process.js';
import { DEMO } from '../../support/test-app.js';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(() => server.stop());

const tokens = new Map<string, string>();
async function api(email: string, method: string, path: string, body?: unknown) {
  if (!tokens.has(email)) {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo' }) });
    tokens.set(email, ((await res.json()) as { token: string }).token);
  }
  const res = await fetch(`${server.url}/api${path}`, { method, headers: { authorization: `Bearer ${tokens.get(email)}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as any };
}

/** What must be identical before and after the restart (the clock moves on, so it is compared apart). */
const durable = (v: any) => ({
  status: v.status,
  currentItemId: v.currentItemId,
  startedAt: v.startedAt,
  follow: v.follow,
  queue: v.speaking.queue,
  speaker: v.speaking.speaker,
  polls: v.polls.map((p: any) => [p.question, p.status, p.results]),
  decisions: v.decisions.map((d: any) => d.text),
  documents: v.documents.map((d: any) => [d.kind, d.locked]),
  checkedIn: v.attendance.present.filter((p: any) => p.source !== 'connexion').map((p: any) => p.personId),
});

describe('restart mid-séance', () => {
  it('kill -9 then restart: the state resumes and the séance goes on', async () => {
    const projectId = (await api(DEMO.vp, 'GET', '/projects')).json[0].id;
    const created = await api(DEMO.vp, 'POST', `/projects/${projectId}/seances`, {
      title: 'COPIL avant la panne',
      body: 'copil',
      startsAt: new Date().toISOString(),
      agenda: [
        { title: 'Accueil', plannedMinutes: 5, outcome: 'information' },
        { title: 'Scénarios', plannedMinutes: 30, outcome: 'debat' },
        { title: 'Décision', plannedMinutes: 10, outcome: 'decision' },
      ],
    });
    const id = created.json.id as string;
    await api(DEMO.vp, 'POST', `/seances/${id}/commands`, { type: 'start' });
    await api(DEMO.vp, 'POST', `/seances/${id}/commands`, { type: 'next' });
    await api(DEMO.vp, 'PUT', `/seances/${id}/follow`, { documentId: created.json.compteRenduId, sectionTitle: 'Échanges' });
    await api(DEMO.eluSeillans, 'POST', `/seances/${id}/speaking`, { type: 'raise' });
    await api(DEMO.eluFayence, 'POST', `/seances/${id}/speaking`, { type: 'raise' });
    const first = (await api(DEMO.vp, 'GET', `/seances/${id}`)).json.speaking.queue[0].personId;
    expect((await api(DEMO.vp, 'POST', `/seances/${id}/speaking`, { type: 'give_floor', personId: first })).status).toBe(200);
    const poll = await api(DEMO.vp, 'POST', `/seances/${id}/polls`, { question: 'Retient-on B ?', kind: 'pour_contre', scope: 'commune' });
    const pollId = poll.json.polls[0].id;
    await api(DEMO.eluFayence, 'POST', `/seances/${id}/polls/${pollId}/votes`, { value: 'pour' });
    await api(DEMO.eluSeillans, 'POST', `/seances/${id}/polls/${pollId}/votes`, { value: 'contre' });
    await api(DEMO.vp, 'POST', `/seances/${id}/decisions`, { kind: 'question_ouverte', text: 'Quel portage pour les agents ?' });
    await api(DEMO.vp, 'POST', `/seances/${id}/check-ins`, {});
    await api(DEMO.vp, 'POST', `/seances/${id}/locks`, { locked: true });
    const before = (await api(DEMO.eluFayence, 'GET', `/seances/${id}`)).json;
    expect(durable(before)).toMatchObject({ status: 'en_cours', currentItemId: before.agenda[1].id, queue: [{ communeId: expect.any(String) }], documents: [['compte_rendu', true]] });

    await server.kill('SIGKILL');
    await server.restart();

    const after = (await api(DEMO.eluFayence, 'GET', `/seances/${id}`)).json;
    expect(durable(after)).toEqual(durable(before));
    expect(after.revision).toBe(before.revision);
    // The agenda clock kept running through the outage (the séance was not paused).
    expect(after.clock.items[1].elapsedMs).toBeGreaterThanOrEqual(before.clock.items[1].elapsedMs + (Date.parse(after.serverNow) - Date.parse(before.serverNow)) - 50);
    expect(after.myVotes).toEqual({ [pollId]: 'pour' });

    // And it goes on: the next command and a vote are accepted, the revision grows.
    const next = await api(DEMO.vp, 'POST', `/seances/${id}/commands`, { type: 'next' });
    expect(next.json).toMatchObject({ status: 'en_cours', currentItemId: before.agenda[2].id });
    expect(next.json.revision).toBeGreaterThan(before.revision);
    const closed = await api(DEMO.vp, 'POST', `/seances/${id}/polls/${pollId}/close`);
    expect(closed.json.polls[0].results).toMatchObject({ ballots: 2, final: true });
  }, 60_000);
});
