import { describe, it, expect, beforeEach } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../../support/test-app.js';

describe('projects', () => {
  let t: TestApp;
  let vp: string;
  let projectId: string;
  beforeEach(async () => {
    t = await createTestApp();
    vp = (await t.login(DEMO.vp)).token;
    projectId = t.demoProject().id;
  });

  it('the project detail has territoryId, facilitatorId, phase, participations and my abilities', async () => {
    const res = await t.request('GET', `/api/projects/${projectId}`, { token: vp });
    expect(res.status).toBe(200);
    const p = res.json;
    expect(p).toMatchObject({ title: 'Mutualisation du service jeunesse', domains: ['jeunesse'], phase: 'diagnostic', facilitatorName: 'Claire Martin', participantCount: 4 });
    expect(p.territoryId).toBe(t.demoProject().territoryId);
    expect(p.facilitatorId).toBe(t.userByEmail(DEMO.vp).id);
    const states = Object.fromEntries(p.participations.map((x: any) => [x.communeName, x.state]));
    expect(states).toEqual({
      Montauroux: 'participante',
      Fayence: 'participante',
      Callian: 'invitee',
      Tourrettes: 'participante',
      Seillans: 'participante',
      Tanneron: 'observatrice',
      Mons: 'invitee',
      "Les Adrets-de-l'Estérel": 'invitee',
    });
    expect(p.plannedDates.scenarios).toBe('2027-01-11');
    expect(p.members.map((m: any) => m.name).sort()).toEqual(['Inès Moreau', 'Paul Lefèvre']);
    expect(p.myAbilities).toContain('project.phase.change');
    const observer = (await t.login(DEMO.observer)).token;
    const seen = (await t.request('GET', `/api/projects/${projectId}`, { token: observer })).json;
    expect(seen.myAbilities).toEqual(['territory.read', 'project.read', 'document.read', 'comment.read', 'programme.read', 'round.read', 'scenario.read', 'workshop.read']);
  });

  describe('phase machine through the API', () => {
    const cases: [string, { to: string; reason?: string }, number, string | null][] = [
      ['one step forward', { to: 'scenarios' }, 200, null],
      ['skipping a phase', { to: 'arbitrage' }, 409, 'skip_forward'],
      ['staying', { to: 'diagnostic' }, 409, 'same_phase'],
      ['backward without reason', { to: 'allocation' }, 400, 'reason_required'],
      ['backward with reason', { to: 'besoins', reason: 'Les besoins de Mons ont changé' }, 200, null],
      ['an unknown phase', { to: 'fin' }, 400, 'validation_error'],
    ];
    it.each(cases)('%s', async (_name, body, status, code) => {
      const res = await t.request('POST', `/api/projects/${projectId}/phase`, { token: vp, body });
      expect(res.status).toBe(status);
      if (code) expect(res.json.error.code).toBe(code);
      else expect(res.json.phase).toBe(body.to);
    });

    it('records who, when, from, to and why, and refuses non-facilitators', async () => {
      await t.request('POST', `/api/projects/${projectId}/phase`, { token: vp, body: { to: 'scenarios' } });
      t.clock.advance(60_000);
      await t.request('POST', `/api/projects/${projectId}/phase`, { token: vp, body: { to: 'diagnostic', reason: 'Diagnostic de Mons incomplet' } });
      const history = (await t.request('GET', `/api/projects/${projectId}/phase-history`, { token: vp })).json;
      expect(history.map((h: any) => [h.from, h.to])).toEqual([
        [null, 'besoins'],
        ['besoins', 'perimetre'],
        ['perimetre', 'allocation'],
        ['allocation', 'diagnostic'],
        ['diagnostic', 'scenarios'],
        ['scenarios', 'diagnostic'],
      ]);
      expect(history[5]).toMatchObject({ by: { name: 'Claire Martin' }, reason: 'Diagnostic de Mons incomplet', at: '2026-11-27T09:01:00.000Z' });
      for (const email of [DEMO.techEpci, DEMO.eluFayence, DEMO.observer]) {
        const token = (await t.login(email)).token;
        const res = await t.request('POST', `/api/projects/${projectId}/phase`, { token, body: { to: 'scenarios' } });
        expect(res.status).toBe(403);
      }
      const admin = (await t.login(DEMO.admin)).token;
      expect((await t.request('POST', `/api/projects/${projectId}/phase`, { token: admin, body: { to: 'scenarios' } })).status).toBe(200);
      const audit = (await t.request('GET', `/api/projects/${projectId}/audit`, { token: vp })).json;
      expect(audit.filter((a: any) => a.action === 'project.phase_changed')).toHaveLength(3);
    });
  });

  it('participation history keeps every change of progressive membership', async () => {
    const mons = t.communeByInsee('83080').id;
    const adrets = t.communeByInsee('83001').id;
    expect((await t.request('PUT', `/api/projects/${projectId}/participations/${mons}`, { token: vp, body: { state: 'participante', note: 'Délibération du 12 décembre' } })).status).toBe(200);
    t.clock.advance(3600_000);
    expect((await t.request('PUT', `/api/projects/${projectId}/participations/${mons}`, { token: vp, body: { state: 'retiree' } })).status).toBe(200);
    const outside = await t.request('PUT', `/api/projects/${projectId}/participations/${adrets}`, { token: vp, body: { state: 'participante' } });
    expect(outside.status).toBe(200);
    expect(outside.json.participations.find((p: any) => p.communeId === adrets)).toMatchObject({ state: 'participante', member: false });
    const same = await t.request('PUT', `/api/projects/${projectId}/participations/${adrets}`, { token: vp, body: { state: 'participante' } });
    expect(same.status).toBe(409);
    const history = (await t.request('GET', `/api/projects/${projectId}/participation-history`, { token: vp })).json;
    const monsHistory = history.filter((h: any) => h.communeId === mons).map((h: any) => [h.from, h.to, h.note]);
    expect(monsHistory).toEqual([
      [null, 'invitee', null],
      ['invitee', 'participante', 'Délibération du 12 décembre'],
      ['participante', 'retiree', null],
    ]);
    expect(history.find((h: any) => h.communeId === mons && h.to === 'retiree').at).toBe('2026-11-27T10:00:00.000Z');
  });

  it("a withdrawn commune's élu loses access to the project", async () => {
    const fayence = t.communeByInsee('83055').id;
    const elu = (await t.login(DEMO.eluFayence)).token;
    expect((await t.request('GET', `/api/projects/${projectId}`, { token: elu })).status).toBe(200);
    await t.request('PUT', `/api/projects/${projectId}/participations/${fayence}`, { token: vp, body: { state: 'retiree' } });
    expect((await t.request('GET', `/api/projects/${projectId}`, { token: elu })).status).toBe(403);
    expect((await t.request('GET', '/api/projects', { token: elu })).json).toEqual([]);
  });

  it('creates a transversal project with several domains, validated', async () => {
    const territoryId = t.demoProject().territoryId;
    const bad = await t.request('POST', '/api/projects', { token: vp, body: { territoryId, title: 'X', domains: [] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: any) => d.path).sort()).toEqual(['domains', 'title']);
    const created = await t.request('POST', '/api/projects', {
      token: vp,
      body: { territoryId, title: 'Contrat de ville', domains: ['social', 'habitat', 'education'], facilitatorId: t.userByEmail(DEMO.vp).id, communeIds: [t.communeByInsee('83055').id] },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ title: 'Contrat de ville', domains: ['social', 'habitat', 'education'], phase: 'besoins' });
    expect(created.json.participations).toHaveLength(1);
    const notElected = await t.request('POST', '/api/projects', { token: vp, body: { territoryId, title: 'Voirie', domains: ['voirie'], facilitatorId: t.userByEmail(DEMO.techEpci).id } });
    expect(notElected.status).toBe(400);
    expect(notElected.json.error.code).toBe('facilitator_not_elected');
  });

  it('planned dates are validated and late phases are derived by the client from them', async () => {
    const bad = await t.request('PUT', `/api/projects/${projectId}/plan`, { token: vp, body: { plannedDates: { scenarios: '11/01/2027' } } });
    expect(bad.status).toBe(400);
    const ok = await t.request('PUT', `/api/projects/${projectId}/plan`, { token: vp, body: { plannedDates: { scenarios: '2026-11-01', arbitrage: null } } });
    expect(ok.status).toBe(200);
    expect(ok.json.plannedDates.scenarios).toBe('2026-11-01');
    expect(ok.json.plannedDates).not.toHaveProperty('arbitrage');
  });

  it('partners and observers are added individually; other roles are refused', async () => {
    const admin = (await t.login(DEMO.admin)).token;
    const invite = await t.request('POST', '/api/users/invitations', {
      token: admin,
      body: { email: 'cd83@exemple.fr', name: 'Marc Durand', role: 'partenaire', partnerId: (await t.request('GET', `/api/territories/${t.demoProject().territoryId}/partners`, { token: admin })).json[1].id },
    });
    expect(invite.status).toBe(201);
    const added = await t.request('POST', `/api/projects/${projectId}/members`, { token: vp, body: { userId: invite.json.user.id } });
    expect(added.status).toBe(200);
    expect(added.json.members.map((m: any) => m.name)).toContain('Marc Durand');
    const wrong = await t.request('POST', `/api/projects/${projectId}/members`, { token: vp, body: { userId: t.userByEmail(DEMO.eluFayence).id } });
    expect(wrong.status).toBe(400);
    const removed = await t.request('DELETE', `/api/projects/${projectId}/members/${invite.json.user.id}`, { token: vp });
    expect(removed.status).toBe(200);
    expect((await t.request('DELETE', `/api/projects/${projectId}/members/${invite.json.user.id}`, { token: vp })).status).toBe(404);
  });
});
