import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createScenariosTestApp, INSEE } from './support.js';
import { getScenario, listScenarios, retainedScenario } from '../../../server/features/scenarios/scenarios.repo.js';
import { snapshotScenarioFigures } from '../../../server/features/scenarios/scenarios.snapshot.js';

let s: Awaited<ReturnType<typeof createScenariosTestApp>>;
beforeEach(async () => {
  s = await createScenariosTestApp();
});
afterEach(async () => {
  await s.t.close();
});

const body = (over: Record<string, unknown> = {}) => ({
  title: 'Accueils de loisirs en service commun',
  instrument: 'service_commun',
  communes: [{ communeId: s.commune(INSEE.fayence) }, { communeId: s.commune(INSEE.seillans) }],
  posts: [
    { id: 'dir', label: 'Directrice', employer: 'epci', count: 1, etpPerPost: 1, loadedCostCents: 4_800_000 },
    { id: 'anim', label: 'Animateur de proximité', employer: 'commune', communeId: s.commune(INSEE.seillans), count: 2, etpPerPost: 0.5, loadedCostCents: 3_400_000 },
  ],
  allocationKey: { kind: 'population' },
  financingMode: 'remboursement',
  ...over,
});
const post = (token: string, b: unknown) => s.t.request('POST', `/api/projects/${s.projectId}/scenarios`, { token, body: b });

describe('the demo scenarios', () => {
  it('lists the two presented jeunesse scenarios with their key figures', async () => {
    const res = await s.t.request('GET', `/api/projects/${s.projectId}/scenarios`, { token: s.tokens.observer });
    expect(res.status).toBe(200);
    expect(res.json.can).toEqual({ write: false, decide: false });
    expect(res.json.arbitration).toBeNull();
    expect(res.json.scenarios.map((x: any) => [x.title, x.status, x.instrument, x.summaryFigures.netCents, x.summaryFigures.deltaNetCents, x.summaryFigures.etp, x.summaryFigures.blocking])).toEqual([
      ['Service commun jeunesse porté par la CC', 'presente', 'service_commun', 68_750_000, -13_950_000, { epci: 10, commune: 2.5, total: 12.5 }, false],
      ['Entente intercommunale entre communes volontaires', 'presente', 'entente', 43_556_000, -6_144_000, { epci: 0, commune: 8.7, total: 8.7 }, false],
    ]);
  });

  it('their contributions add up exactly to the net cost; the narrative document is created on first need', async () => {
    for (const demo of [s.demo.serviceCommun, s.demo.entente]) {
      const d = (await s.t.request('GET', `/api/scenarios/${demo.id}`, { token: s.tokens.caf })).json;
      expect([d.can, d.documentId]).toEqual([{ write: false, decide: false }, null]);
      const sum = d.figures.allocation.communes.reduce((a: number, c: any) => a + c.contributionCents, 0);
      expect(sum).toBe(d.figures.cost.projected.netCents);
    }
    const url = `/api/scenarios/${s.demo.serviceCommun.id}/document`;
    expect((await s.t.request('POST', url, { token: s.tokens.eluFayence })).status).toBe(403);
    const first = await s.t.request('POST', url, { token: s.tokens.techEpci });
    expect(first.status).toBe(200);
    expect(await s.text(first.json.documentId)).toContain('Présentation');
    const again = await s.t.request('POST', url, { token: s.tokens.vp });
    expect(again.json.documentId).toBe(first.json.documentId);
    expect(again.json.revision).toBe(s.demo.serviceCommun.revision);
    expect(s.audit('scenario.document_created').map((a) => a.after.documentId)).toEqual([first.json.documentId]);
    const entente = (await s.t.request('GET', `/api/scenarios/${s.demo.entente.id}`, { token: s.tokens.vp })).json;
    // The outside commune's missing figures are entered on the scenario, with their source.
    expect(entente.figures.communes[3]).toMatchObject({ name: "Les Adrets-de-l'Estérel", currentOperatingCents: 0, sources: { currentOperatingCents: 'saisie', acCents: 'manquant' } });
    expect(entente.figures.allocation.communes.map((c: any) => [c.name, c.contributionCents, c.deltaCents])).toEqual([
      ['Fayence', 19_865_660, -13_234_340],
      ['Seillans', 10_123_874, -876_126],
      ['Tourrettes', 9_418_916, 3_818_916],
      ["Les Adrets-de-l'Estérel", 4_147_550, 4_147_550],
    ]);
  });
});

describe('building a scenario', () => {
  it('an EPCI technician creates a draft with its narrative document; history, audit and a live event follow', async () => {
    const res = await post(s.tokens.techEpci, body());
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'brouillon', revision: 1, managingBody: { kind: 'epci', communeId: null, name: 'CC du Pays de Fayence' } });
    expect(res.json.communes.map((c: any) => [c.name, c.member])).toEqual([['Fayence', true], ['Seillans', true]]);
    expect(res.json.posts[0].communeId).toBeNull();
    const doc = (await s.t.request('GET', `/api/documents/${res.json.documentId}`, { token: s.tokens.vp })).json;
    expect([doc.kind, doc.title]).toEqual(['scenario', 'Scénario — Accueils de loisirs en service commun']);
    expect(await s.text(res.json.documentId)).toContain('Organisation cible');
    const history = (await s.t.request('GET', `/api/scenarios/${res.json.id}/history`, { token: s.tokens.eluFayence })).json;
    expect(history.map((h: any) => [h.fromStatus, h.toStatus, h.by.name.length > 0])).toEqual([[null, 'brouillon', true]]);
    expect(s.audit('scenario.created').map((a) => [a.targetId, a.after.instrument, a.after.posts])).toEqual([[res.json.id, 'service_commun', 2]]);
    expect(s.events('scenario.changed').at(-1)).toMatchObject({ scenarioId: res.json.id, status: 'brouillon', revision: 1 });
    expect(listScenarios(s.t.db, s.projectId).map((x) => x.id)).toContain(res.json.id);
  });

  it('refuses an outside commune in a service commun with a clear error, and accepts it in an entente', async () => {
    const communes = [{ communeId: s.commune(INSEE.fayence) }, { communeId: s.commune(INSEE.adrets) }];
    const refused = await post(s.tokens.vp, body({ communes, posts: [] }));
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('scenario_rules_violated');
    expect(refused.json.error.message).toBe("Service commun : Les Adrets-de-l'Estérel n'est pas membre de l'EPCI ; seules ses communes membres peuvent y participer (art. L5211-4-2 du CGCT). Une entente (art. L5221-1 du CGCT) admet les communes extérieures.");
    expect(refused.json.error.details.violations.map((v: any) => [v.code, v.field])).toEqual([['commune_not_member', 'communes[1]']]);
    const entente = await post(s.tokens.vp, body({ instrument: 'entente', epciParty: false, managingBody: { kind: 'commune', communeId: s.commune(INSEE.fayence) }, communes, posts: [] }));
    expect(entente.status).toBe(201);
    expect(entente.json.managingBody).toEqual({ kind: 'commune', communeId: s.commune(INSEE.fayence), name: 'Fayence' });
  });

  it('table of refused inputs', async () => {
    const table: [string, Record<string, unknown>, number, string][] = [
      ['commune not in the project', { communes: [{ communeId: s.commune(INSEE.fayence) }, { communeId: s.commune(INSEE.bagnols) }] }, 400, 'commune_not_in_project'],
      ['equipment not in the diagnostic', { equipment: [{ equipmentId: 'deq_inconnu', fate: 'conserve' }] }, 400, 'equipment_unknown'],
      ['deduction from the AC in an entente', { instrument: 'entente', epciParty: true, financingMode: 'imputation_ac' }, 422, 'scenario_rules_violated'],
      ['service commun carried by a commune', { managingBody: { kind: 'commune', communeId: s.commune(INSEE.fayence) } }, 422, 'scenario_rules_violated'],
      ['a post of 1.5 ETP', { posts: [{ id: 'x', label: 'X', employer: 'epci', count: 1, etpPerPost: 1.5, loadedCostCents: 1 }] }, 400, 'validation_error'],
      ['an unknown instrument', { instrument: 'fusion' }, 400, 'validation_error'],
    ];
    for (const [name, over, status, code] of table) {
      const res = await post(s.tokens.vp, body(over));
      expect([res.status, res.json.error.code], name).toEqual([status, code]);
    }
  });

  it('updates with the revision it was read at; a stale revision is refused; a new title renames the document', async () => {
    const created = (await post(s.tokens.vp, body())).json;
    const put = (token: string, revision: number, over: Record<string, unknown> = {}) => s.t.request('PUT', `/api/scenarios/${created.id}`, { token, body: { ...body(over), revision } });
    const ok = await put(s.tokens.techEpci, 1, { title: 'Accueils de loisirs et PIJ en service commun' });
    expect([ok.status, ok.json.revision, ok.json.updatedBy.name]).toEqual([200, 2, 'Nadia Benali']);
    const stale = await put(s.tokens.vp, 1);
    expect([stale.status, stale.json.error.code, stale.json.error.details]).toEqual([409, 'scenario_stale', { revision: 2 }]);
    const doc = (await s.t.request('GET', `/api/documents/${created.documentId}`, { token: s.tokens.vp })).json;
    expect(doc.title).toBe('Scénario — Accueils de loisirs et PIJ en service commun');
    expect(s.audit('scenario.updated').map((a) => [a.before.title, a.after.title])).toEqual([['Accueils de loisirs en service commun', 'Accueils de loisirs et PIJ en service commun']]);
  });

  it('a draft with a blocking problem cannot be presented; once fixed it can, and can go back to draft', async () => {
    // Key on historical cost with an outside commune that has no service in the diagnostic: its cost is unknown.
    const communes = [{ communeId: s.commune(INSEE.fayence) }, { communeId: s.commune(INSEE.adrets) }];
    const created = (await post(s.tokens.vp, body({ instrument: 'entente', communes, posts: [], allocationKey: { kind: 'cout_historique' } }))).json;
    const detail = (await s.t.request('GET', `/api/scenarios/${created.id}`, { token: s.tokens.vp })).json;
    expect(detail.figures.violations.filter((v: any) => v.severity === 'error').map((v: any) => [v.code, v.field])).toEqual([['cout_historique_missing', 'communes[1].historicalCostCents']]);
    const status = (to: string, revision?: number) => s.t.request('POST', `/api/scenarios/${created.id}/status`, { token: s.tokens.vp, body: { status: to, revision } });
    const refused = await status('presente');
    expect([refused.status, refused.json.error.code]).toEqual([409, 'scenario_not_ready']);
    const fixed = await s.t.request('PUT', `/api/scenarios/${created.id}`, {
      token: s.tokens.vp,
      body: { ...body({ instrument: 'entente', posts: [], allocationKey: { kind: 'cout_historique' } }), communes: [communes[0], { ...communes[1], overrides: { historicalCostCents: { value: 0, source: 'Pas de service' } } }], revision: 1 },
    });
    expect(fixed.status).toBe(200);
    expect((await status('presente', 1)).status).toBe(409); // stale revision
    const presented = await status('presente', 2);
    expect([presented.status, presented.json.status, presented.json.presentedAt]).toEqual([200, 'presente', '2026-11-27T09:00:00.000Z']);
    expect((await status('brouillon')).json.status).toBe('brouillon');
    const history = (await s.t.request('GET', `/api/scenarios/${created.id}/history`, { token: s.tokens.vp })).json;
    expect(history.map((h: any) => h.toStatus)).toEqual(['brouillon', 'presente', 'brouillon']);
    // Presented once: it stays in the history, it cannot be deleted.
    const del = await s.t.request('DELETE', `/api/scenarios/${created.id}`, { token: s.tokens.vp });
    expect([del.status, del.json.error.code]).toEqual([409, 'scenario_not_deletable']);
  });

  it('deletes a draft never presented and archives its document', async () => {
    const created = (await post(s.tokens.vp, body())).json;
    const del = await s.t.request('DELETE', `/api/scenarios/${created.id}`, { token: s.tokens.techEpci });
    expect(del.status).toBe(204);
    expect(getScenario(s.t.db, created.id)).toBeNull();
    expect((await s.t.request('GET', `/api/scenarios/${created.id}`, { token: s.tokens.vp })).status).toBe(404);
    const doc = (await s.t.request('GET', `/api/documents/${created.documentId}`, { token: s.tokens.vp })).json;
    expect(doc.archived).toBe(true);
    expect(s.events('scenario.changed').at(-1)).toMatchObject({ scenarioId: created.id, deleted: true });
  });

  it('the scenario inputs come from the diagnostic', async () => {
    const res = await s.t.request('GET', `/api/projects/${s.projectId}/scenario-inputs`, { token: s.tokens.eluSeillans });
    expect(res.json.epci).toEqual({ name: 'CC du Pays de Fayence', nature: 'CC', fiscalRegime: 'FPU' });
    const fayence = res.json.communes.find((c: any) => c.insee === INSEE.fayence);
    expect([fayence.currentOperatingCents, fayence.currentRevenueCents, fayence.acCents, fayence.agentsEtp]).toEqual([56_000_000, 22_900_000, 41_200_000, 4.3]);
    expect(res.json.communes.find((c: any) => c.insee === INSEE.adrets)).toMatchObject({ member: false, currentOperatingCents: null });
    expect(res.json.equipment).toHaveLength(14);
  });
});

describe('contracts for rounds and the convention', () => {
  it('snapshotScenarioFigures freezes JSON figures; retainedScenario is null before the arbitration', () => {
    const snap = snapshotScenarioFigures(s.t.deps, [s.demo.serviceCommun.id, s.demo.entente.id], s.projectId);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(snap.map((x) => [x.title, x.totals.projectedNetCents, x.totals.etp, x.communes.length, x.takenAt])).toEqual([
      ['Service commun jeunesse porté par la CC', 68_750_000, { epci: 10, commune: 2.5, total: 12.5 }, 4, '2026-11-27T09:00:00.000Z'],
      ['Entente intercommunale entre communes volontaires', 43_556_000, { epci: 0, commune: 8.7, total: 8.7 }, 4, '2026-11-27T09:00:00.000Z'],
    ]);
    expect(snap[0].communes[3]).toEqual({ communeId: s.commune(INSEE.tourrettes), insee: INSEE.tourrettes, name: 'Tourrettes', contributionCents: 8_800_042, deltaCents: 3_200_042, costPerInhabitantCents: 3014, pctOfAc: null, pctOfOperatingRevenue: 2.1 });
    expect(() => snapshotScenarioFigures(s.t.deps, ['scn_inconnu'])).toThrow('Scénario introuvable.');
    expect(() => snapshotScenarioFigures(s.t.deps, [s.demo.entente.id], 'prj_autre')).toThrow('Scénario introuvable.');
    expect(retainedScenario(s.t.db, s.projectId)).toBeNull();
  });
});
