import { describe, it, expect, beforeEach } from 'vitest';
import { diagTestApp, type DiagTest } from './support.js';

let t: DiagTest;
beforeEach(async () => {
  t = await diagTestApp();
});
const byTitle = async (start: string) => (await t.as('vp').get('/consultations')).json.find((c: any) => c.title.startsWith(start));

describe('consultations: partners contribute to those they took part in', () => {
  it('the CAF completes the minutes and needs of its meetings, not the others, and never relinks them', async () => {
    const visit = await byTitle('Visite de l’accueil de loisirs');
    const seillans = await byTitle('Entretien avec la maire de Seillans');
    const needs = [...visit.needs, { kind: 'souhait', text: 'Ouvrir l’accueil le samedi matin', missionKey: 'accueil_loisirs' }];
    const ok = await t.as('caf').patch(`/consultations/${visit.id}`, { minutes: 'Compte rendu relu par la CAF.', needs });
    expect(ok.status).toBe(200);
    expect(ok.json.needs.map((n: any) => n.text)).toEqual(['Harmoniser les tarifs selon le quotient familial', 'Ouvrir l’accueil le samedi matin']);
    expect(ok.json.needs[0].id).toBe(visit.needs[0].id); // the existing need keeps its id
    expect(ok.json.needs[1].id).toMatch(/^dne_/);
    expect((await t.as('caf').patch(`/consultations/${visit.id}`, { communeIds: [t.seillans] })).status).toBe(403);
    expect((await t.as('caf').patch(`/consultations/${visit.id}`, { date: '2026-10-07' })).status).toBe(403);
    expect((await t.as('caf').patch(`/consultations/${seillans.id}`, { minutes: 'x' })).status).toBe(403);
    expect((await t.as('caf').post('/consultations', { communeIds: [t.fayence], date: '2026-11-02', kind: 'reunion_partenaires', title: 'Nouvelle réunion' })).status).toBe(403);
    expect((await t.as('caf').del(`/consultations/${visit.id}`)).status).toBe(403);
    expect((await t.as('observer').patch(`/consultations/${visit.id}`, { minutes: 'x' })).status).toBe(403);
  });

  it('a commune creates and edits consultations of its own commune only; the EPCI those of the whole perimeter', async () => {
    const own = { communeIds: [t.fayence], date: '2026-11-02', kind: 'entretien_elus', title: 'Point avec le maire de Fayence' };
    expect((await t.as('techFayence').post('/consultations', own)).status).toBe(201);
    expect((await t.as('techFayence').post('/consultations', { ...own, communeIds: [t.fayence, t.seillans] })).status).toBe(403);
    expect((await t.as('techFayence').post('/consultations', { ...own, communeIds: [] })).status).toBe(403);
    expect((await t.as('techEpci').post('/consultations', { ...own, communeIds: [], title: 'Conférence des maires' })).status).toBe(201);
    const cotech = await byTitle('Comité technique');
    expect((await t.as('techFayence').patch(`/consultations/${cotech.id}`, { minutes: 'x' })).status).toBe(403);
    expect((await t.as('caf').patch(`/consultations/${cotech.id}`, { minutes: 'Relu.' })).status).toBe(200);
    const bad = await t.as('techEpci').post('/consultations', { ...own, date: '2026-02-30' });
    expect([bad.status, bad.json.error.message]).toEqual([400, 'Donnée invalide (date) : Cette date n’existe pas.']);
  });

  it('filtering by commune returns the consultations linked to it', async () => {
    const titles = (await t.as('observer').get(`/consultations?communeId=${t.seillans}`)).json.map((c: any) => c.title);
    expect(titles).toEqual(['Comité technique CAF et département', 'Entretien avec la maire de Seillans']);
  });
});

describe('missions of the project', () => {
  it('EPCI staff add a mission; it appears in the matrix; it can be removed only when unused', async () => {
    expect((await t.as('techFayence').post('/missions', { label: 'Aide au permis' })).status).toBe(403);
    const created = await t.as('techEpci').post('/missions', { label: 'Aide au permis', description: 'Bourse au permis de conduire' });
    expect(created.status).toBe(201);
    expect((await t.as('techEpci').post('/missions', { label: 'aide au PERMIS' })).status).toBe(409);
    const overlap = (await t.as('observer').get('/overlap')).json;
    expect(overlap.map((r: any) => r.label)).toContain('Aide au permis');
    expect((await t.as('techFayence').post('/besoins', { communeId: t.fayence, missionKey: created.json.key, unmetNeed: true })).status).toBe(201);
    expect((await t.as('vp').del(`/missions/${created.json.key}`)).json.error.code).toBe('mission_in_use');
    expect((await t.as('vp').del('/missions/accueil_loisirs')).status).toBe(404);
  });
});

describe('indicators and overlap through the API', () => {
  it('an edit changes the indicators of the commune and of the whole perimeter', async () => {
    const before = (await t.as('vp').get('/indicators')).json;
    const fayBefore = before.communes.find((c: any) => c.communeId === t.fayence);
    expect(fayBefore).toMatchObject({ etp: 4.3, agentCount: 5 });
    const agent = (await t.as('vp').get(`/agents?communeId=${t.fayence}`)).json.find((a: any) => a.quotitePct === 80);
    await t.as('techFayence').patch(`/agents/${agent.id}`, { quotitePct: 100 });
    const after = (await t.as('vp').get('/indicators')).json;
    expect(after.communes.find((c: any) => c.communeId === t.fayence).etp).toBe(4.5);
    expect(after.epci.etp).toBe(Math.round((before.epci.etp + 0.2) * 100) / 100);
    expect(after.flows.find((f: any) => f.residence === 'hors_territoire')).toMatchObject({ serviceCommuneId: t.fayence, unit: 'journee_enfant', units: 150 });
  });

  it('the overlap matrix shows overlaps and gaps of the demo', async () => {
    const rows = (await t.as('caf').get('/overlap')).json;
    const alsh = rows.find((r: any) => r.missionKey === 'accueil_loisirs');
    expect(alsh).toMatchObject({ overlap: true, gap: true });
    expect(alsh.providers).toBeGreaterThanOrEqual(4);
    expect(rows.find((r: any) => r.label === 'Mobilité des jeunes')).toMatchObject({ providers: 0, unmet: 2, gap: true });
  });

  it('the overview gives each commune the rights of the viewer, decided by the server', async () => {
    const rights = (who: keyof typeof t.tokens) => t.as(who).get('').then((r) => Object.fromEntries(r.json.communes.map((c: any) => [c.name, [c.canWrite, c.canValidate]])));
    expect((await rights('eluFayence')).Fayence).toEqual([true, true]);
    expect((await rights('eluFayence')).Seillans).toEqual([false, false]);
    expect((await rights('techFayence')).Fayence).toEqual([true, false]);
    expect((await rights('vp')).Callian).toEqual([true, false]);
    expect(Object.values(await rights('caf')).every(([w, v]) => !w && !v)).toBe(true);
    const overview = (await t.as('observer').get('')).json;
    expect(overview.notice).toMatch(/^Données fictives de démonstration/);
    expect(overview.can).toEqual({ manageMissions: false, import: false, manageConsultations: false, readAudit: false });
    const visit = await byTitle('Visite de l’accueil de loisirs');
    expect((await t.as('caf').get('')).json.consultationRights[visit.id]).toEqual({ contribute: true, manage: false });
    expect((await t.as('techFayence').get('')).json.consultationRights[visit.id]).toEqual({ contribute: true, manage: true });
    expect(overview.consultationRights[visit.id]).toEqual({ contribute: false, manage: false });
  });
});
