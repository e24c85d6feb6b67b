import { describe, it, expect, beforeEach } from 'vitest';
import { diagTestApp, type DiagTest } from './support.js';

let t: DiagTest;
beforeEach(async () => {
  t = await diagTestApp();
});

const newAgent = (communeId: string) => ({ communeId, jobTitle: 'Animatrice ados', employer: 'commune', category: 'C', quotitePct: 80, serviceSharePct: 100, annualCostCents: 2_900_000 });

describe('diagnostic records: who may write what (literal)', () => {
  it('creating an agent: own commune yes, other commune no, partners and observers never', async () => {
    const cases: [keyof typeof t.tokens, 'fayence' | 'seillans', number][] = [
      ['techFayence', 'fayence', 201],
      ['eluFayence', 'fayence', 201],
      ['techFayence', 'seillans', 403],
      ['eluSeillans', 'fayence', 403],
      ['eluSeillans', 'seillans', 201],
      ['techEpci', 'seillans', 201],
      ['vp', 'fayence', 201],
      ['admin', 'seillans', 201],
      ['caf', 'fayence', 403],
      ['observer', 'fayence', 403],
    ];
    for (const [who, commune, status] of cases) {
      const res = await t.as(who).post('/agents', newAgent(t[commune]));
      expect(res.status, `${who} on ${commune}`).toBe(status);
      if (status === 403) expect(res.json.error.code).toBe('forbidden');
    }
  });

  it('updating and deleting follow the commune of the record; moving a record needs both communes', async () => {
    const agent = await t.agentOf(t.fayence);
    expect((await t.as('eluSeillans').patch(`/agents/${agent.id}`, { quotitePct: 50 })).status).toBe(403);
    expect((await t.as('caf').patch(`/agents/${agent.id}`, { quotitePct: 50 })).status).toBe(403);
    expect((await t.as('observer').del(`/agents/${agent.id}`)).status).toBe(403);
    expect((await t.as('techFayence').patch(`/agents/${agent.id}`, { communeId: t.seillans })).status).toBe(403);
    expect((await t.as('techFayence').patch(`/agents/${agent.id}`, { quotitePct: 50 })).status).toBe(200);
    expect((await t.as('techEpci').patch(`/agents/${agent.id}`, { communeId: t.seillans })).status).toBe(200);
    expect((await t.as('techFayence').del(`/agents/${agent.id}`)).status).toBe(403);
    expect((await t.as('eluSeillans').del(`/agents/${agent.id}`)).status).toBe(204);
    expect((await t.as('vp').get(`/agents`)).json.find((a: any) => a.id === agent.id)).toBeUndefined();
  });

  it('everyone with access to the project reads; an unknown record is 404', async () => {
    for (const who of ['caf', 'observer', 'eluSeillans'] as const) expect((await t.as(who).get('/equipements')).status).toBe(200);
    expect((await t.as('vp').patch('/agents/dag_inconnu', { quotitePct: 50 })).status).toBe(404);
    const service = (await t.as('vp').get('/services')).json[0];
    expect((await t.as('vp').patch(`/agents/${service.id}`, { quotitePct: 50 })).json.error.code).toBe('record_not_found');
  });

  it('validation messages are French and name the field', async () => {
    const res = await t.as('techFayence').post('/agents', { communeId: t.fayence, employer: 'mairie', quotitePct: 120 });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual(
      expect.arrayContaining([
        { path: 'jobTitle', message: 'Champ obligatoire.' },
        { path: 'employer', message: 'Valeur attendue : Commune, Intercommunalité (EPCI), Autre employeur (CCAS, syndicat…).' },
        { path: 'quotitePct', message: 'Au plus 100 %.' },
      ]),
    );
    const ages = await t.as('techFayence').post('/services', { communeId: t.fayence, name: 'Séjours', ageMin: 12, ageMax: 8 });
    expect([ages.status, ages.json.error.message]).toEqual([400, "L'âge maximum doit être supérieur ou égal à l'âge minimum."]);
    const bagnols = t.communeByInsee('83008').id;
    const outside = await t.as('techEpci').post('/agents', newAgent(bagnols));
    expect([outside.status, outside.json.error.message]).toEqual([400, 'La commune Bagnols-en-Forêt ne fait pas partie du diagnostic de ce projet.']);
  });

  it('one answer per commune and mission, one finances record per commune (409)', async () => {
    const dup = await t.as('techFayence').post('/besoins', { communeId: t.fayence, missionKey: 'accueil_loisirs', existing: 'oui' });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('duplicate_record');
    expect(dup.json.error.message).toMatch(/^Fayence a déjà répondu pour la mission « Accueil de loisirs » \(id dbe_/);
    expect((await t.as('techFayence').post('/finances', { communeId: t.fayence, year: 2026 })).status).toBe(409);
    expect((await t.as('techFayence').post('/besoins', { communeId: t.fayence, missionKey: 'chantiers_jeunes', existing: 'non', unmetNeed: true })).status).toBe(201);
    expect((await t.as('techFayence').post('/besoins', { communeId: t.fayence, missionKey: 'piscine' })).json.error.message).toBe('Mission inconnue dans ce projet : « piscine ».');
  });

  it('a usage belongs to the commune of its service; deleting a service deletes its usages', async () => {
    const services = (await t.as('vp').get('/services')).json;
    const seillansAlsh = services.find((s: any) => s.communeId === t.seillans);
    expect((await t.as('techFayence').post('/usages', { serviceId: seillansAlsh.id, residence: t.fayence, units: 10 })).status).toBe(403);
    const created = await t.as('eluSeillans').post('/usages', { serviceId: seillansAlsh.id, residence: 'hors_territoire', units: 12.5 });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ communeId: t.seillans, residence: 'hors_territoire', units: 12.5 });
    expect((await t.as('vp').del(`/services/${seillansAlsh.id}`)).status).toBe(204);
    expect((await t.as('vp').get('/usages')).json.filter((u: any) => u.serviceId === seillansAlsh.id)).toEqual([]);
  });
});

describe('audit trail and live events', () => {
  it('records who, when, old → new value of each changed field', async () => {
    const agent = await t.agentOf(t.fayence);
    t.clock.advance(60_000);
    const res = await t.as('techFayence').patch(`/agents/${agent.id}`, { quotitePct: 80, comment: 'Temps partiel depuis septembre', jobTitle: agent.jobTitle });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: agent.id, quotitePct: 80, etp: 0.8, updatedBy: { name: 'Luc Bernard' }, updatedAt: '2026-11-27T09:01:00.000Z' });
    const audit = (await t.request('GET', `/api/projects/${t.projectId}/audit`, { token: t.tokens.vp })).json;
    const entry = audit.find((a: any) => a.action === 'diagnostic.agents.updated' && a.targetId === agent.id);
    expect(entry).toMatchObject({
      at: '2026-11-27T09:01:00.000Z',
      user: { name: 'Luc Bernard' },
      targetType: 'diagnostic.agent',
      before: { quotitePct: 100, comment: null },
      after: { quotitePct: 80, comment: 'Temps partiel depuis septembre' },
    });
    // Fayence's agents were submitted: a change reopens the section, and says so in the audit.
    expect(audit.find((a: any) => a.action === 'diagnostic.completeness.reopened')).toMatchObject({ targetId: `${t.fayence}:agents`, before: { status: 'soumis' }, after: { status: 'en_cours' } });
    const unchanged = await t.as('techFayence').patch(`/agents/${agent.id}`, { quotitePct: 80 });
    expect(unchanged.status).toBe(200);
    const again = (await t.request('GET', `/api/projects/${t.projectId}/audit`, { token: t.tokens.vp })).json;
    expect(again.filter((a: any) => a.action === 'diagnostic.agents.updated')).toHaveLength(1);
  });

  it('creation and deletion keep the values in the audit; each change publishes diagnostic.changed', async () => {
    const seen: any[] = [];
    t.deps.events.subscribe(t.projectId, (e) => seen.push(e));
    const created = (await t.as('techFayence').post('/equipements', { communeId: t.fayence, type: 'gymnase', name: 'Dojo', capacity: 30 })).json;
    await t.as('techFayence').del(`/equipements/${created.id}`);
    const audit = (await t.request('GET', `/api/projects/${t.projectId}/audit`, { token: t.tokens.admin })).json;
    expect(audit.find((a: any) => a.action === 'diagnostic.equipements.created').after).toMatchObject({ name: 'Dojo', capacity: 30, type: 'gymnase' });
    expect(audit.find((a: any) => a.action === 'diagnostic.equipements.deleted').before).toMatchObject({ name: 'Dojo' });
    const mine = seen.filter((e) => e.type === 'diagnostic.changed');
    expect(mine.map((e) => [e.payload.section, e.payload.action, e.payload.recordIds])).toEqual([
      ['equipements', 'created', [created.id]],
      ['equipements', 'deleted', [created.id]],
    ]);
    expect(mine[0].payload.communeIds).toEqual([t.fayence]);
    expect(mine[0].audience).toEqual({ ability: 'project.read' });
  });
});
