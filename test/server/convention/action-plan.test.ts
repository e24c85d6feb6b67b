/** The action plan through the API: permissions, validation, progress and timeline, export, audit and live events. */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import JSZip from 'jszip';
import { createConventionTestApp, INSEE } from './support.js';

let s: Awaited<ReturnType<typeof createConventionTestApp>>;
beforeEach(async () => {
  s = await createConventionTestApp();
});
afterEach(async () => {
  await s.close();
});

const partnerId = () => (s.t.sqlite.prepare("SELECT id FROM partners WHERE name = 'CAF du Var'").get() as { id: string }).id;

describe('who writes the plan', () => {
  it('administrator, facilitator, EPCI élus and technicians write; communes, partners and observers read', async () => {
    const body = { title: 'Harmoniser les tarifs', leadKind: 'epci' };
    const got: [string, number][] = [];
    for (const who of ['admin', 'vp', 'techEpci', 'eluFayence', 'techFayence', 'caf', 'observer'] as const) got.push([who, (await s.api('POST', '/projects/:p/action-plan/actions', s.tokens[who], body)).status]);
    expect(got).toEqual([['admin', 201], ['vp', 201], ['techEpci', 201], ['eluFayence', 403], ['techFayence', 403], ['caf', 403], ['observer', 403]]);
    for (const who of ['eluFayence', 'caf', 'observer'] as const) {
      const plan = await s.ok('GET', '/projects/:p/action-plan', s.tokens[who]);
      expect([plan.actions.length, plan.can.write]).toEqual([3, false]);
    }
    expect((await s.ok('GET', '/projects/:p/action-plan', s.tokens.techEpci)).can.write).toBe(true);
  });
});

describe('actions', () => {
  it('with lead, partners, dates, budget, indicator, status, objective; progress and timeline follow', async () => {
    const objective = await s.ok('POST', '/projects/:p/action-plan/objectives', s.tokens.vp, { label: 'Une offre dans chaque village' }, 201);
    const a = await s.ok('POST', '/projects/:p/action-plan/actions', s.tokens.vp, {
      title: 'Ouvrir le PIJ itinérant', description: 'Tournée hebdomadaire des villages.', objectiveId: objective.id, leadKind: 'commune', leadId: s.commune(INSEE.fayence),
      partners: ['CAF du Var', 'Seillans'], startDate: '2026-09-01', deadline: '2026-11-15', budgetCents: 1_200_000, indicator: 'Jeunes accueillis par mois', status: 'en_cours',
    }, 201);
    expect(a).toMatchObject({ leadKind: 'commune', leadLabel: 'Fayence', late: true, status: 'en_cours', partners: ['CAF du Var', 'Seillans'], updatedBy: { name: 'Claire Martin' } });
    const b = await s.ok('POST', '/projects/:p/action-plan/actions', s.tokens.techEpci, { title: 'Convention CAF bonus territoire', leadKind: 'partenaire', leadId: partnerId(), deadline: '2027-03-31', objectiveId: objective.id }, 201);
    expect(b.leadLabel).toBe('CAF du Var');
    await s.ok('POST', '/projects/:p/action-plan/actions', s.tokens.techEpci, { title: 'Logiciel d’inscriptions', leadKind: 'epci', status: 'terminee', budgetCents: 800_000 }, 201);

    const plan = await s.ok('GET', '/projects/:p/action-plan', s.tokens.observer);
    expect(plan.progress.overall).toEqual({ total: 3, byStatus: { a_lancer: 1, en_cours: 1, terminee: 1, abandonnee: 0 }, late: 1, donePct: 33, budgetCents: 2_000_000, budgetUnknown: 1 });
    expect(plan.progress.byObjective.map((p: any) => [p.objectiveId, p.total, p.donePct])).toEqual([[objective.id, 2, 0], [null, 1, 100]]);
    expect(plan.timeline.bars.map((x: any) => [x.title, x.start, x.end, x.milestone, x.late])).toEqual([
      ['Ouvrir le PIJ itinérant', '2026-09-01', '2026-11-15', false, true],
      ['Convention CAF bonus territoire', '2027-03-31', '2027-03-31', true, false],
    ]);
    expect(plan.leads.communes.map((c: any) => c.name)).toContain("Les Adrets-de-l'Estérel");

    const done = await s.ok('PATCH', `/projects/:p/action-plan/actions/${a.id}`, s.tokens.vp, { status: 'terminee' });
    expect([done.status, done.late, done.leadLabel]).toEqual(['terminee', false, 'Fayence']);
    const epci = await s.ok('PATCH', `/projects/:p/action-plan/actions/${a.id}`, s.tokens.vp, { leadKind: 'epci' });
    expect([epci.leadKind, epci.leadId, epci.leadLabel]).toEqual(['epci', null, 'Intercommunalité']);
    expect((await s.api('DELETE', `/projects/:p/action-plan/actions/${b.id}`, s.tokens.vp)).status).toBe(204);
    expect((await s.api('DELETE', `/projects/:p/action-plan/actions/${b.id}`, s.tokens.vp)).status).toBe(404);

    expect(s.audit('action_plan.action_created')).toHaveLength(3);
    expect(s.audit('action_plan.action_updated').map((x) => x.after)).toEqual([{ status: 'terminee' }, { leadKind: 'epci' }]);
    expect(s.events('action_plan.changed').map((e) => e.actionId)).toEqual([null, a.id, b.id, expect.any(String), a.id, a.id, b.id]);
  });

  it('refuses inconsistent leads, unknown objectives and dates in the wrong order', async () => {
    const table: [Record<string, unknown>, string][] = [
      [{ title: 'Action', leadKind: 'commune', leadId: s.commune(INSEE.bagnols) }, 'invalid_lead'], // not associated with the project
      [{ title: 'Action', leadKind: 'commune' }, 'invalid_lead'],
      [{ title: 'Action', leadKind: 'epci', leadId: s.commune(INSEE.fayence) }, 'invalid_lead'],
      [{ title: 'Action', leadKind: 'partenaire', leadId: s.commune(INSEE.fayence) }, 'invalid_lead'],
      [{ title: 'Action', leadKind: 'epci', objectiveId: 'obj_inconnu' }, 'unknown_objective'],
      [{ title: 'Action', leadKind: 'epci', startDate: '2027-05-01', deadline: '2027-04-01' }, 'invalid_dates'],
      [{ title: 'Action', leadKind: 'epci', status: 'en_retard' }, 'validation_error'],
      [{ title: 'Action', leadKind: 'epci', extra: 1 }, 'validation_error'],
    ];
    for (const [body, code] of table) {
      const res = await s.api('POST', '/projects/:p/action-plan/actions', s.tokens.vp, body);
      expect([res.status, res.json.error.code]).toEqual([400, code]);
    }
  });

  it('an objective with actions cannot be deleted; renamed, and deleted once free', async () => {
    const o = await s.ok('POST', '/projects/:p/action-plan/objectives', s.tokens.vp, { label: 'Objectif' }, 201);
    const a = await s.ok('POST', '/projects/:p/action-plan/actions', s.tokens.vp, { title: 'Action liée', leadKind: 'epci', objectiveId: o.id }, 201);
    const refused = await s.api('DELETE', `/projects/:p/action-plan/objectives/${o.id}`, s.tokens.vp);
    expect([refused.status, refused.json.error.code]).toEqual([409, 'objective_in_use']);
    expect((await s.ok('PATCH', `/projects/:p/action-plan/objectives/${o.id}`, s.tokens.vp, { label: 'Objectif renommé' })).label).toBe('Objectif renommé');
    await s.ok('PATCH', `/projects/:p/action-plan/actions/${a.id}`, s.tokens.vp, { objectiveId: null });
    expect((await s.api('DELETE', `/projects/:p/action-plan/objectives/${o.id}`, s.tokens.vp)).status).toBe(204);
  });
});

describe('export', () => {
  it('CSV that French spreadsheets open, and XLSX with the actions and the progress', async () => {
    await s.ok('POST', '/projects/:p/action-plan/actions', s.tokens.vp, { title: 'Harmoniser les tarifs', leadKind: 'commune', leadId: s.commune(INSEE.seillans), partners: ['CAF du Var'], deadline: '2027-06-30', budgetCents: 250_050, indicator: 'Grille votée', status: 'en_cours' }, 201);
    const csv = await s.download('/projects/:p/action-plan/export?format=csv', s.tokens.caf);
    expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="plan-d-actions-mutualisation-du-service-jeunesse.csv"');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(text.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFObjectif;Action;Description;Type de pilote;Pilote;Partenaires;Début;Échéance;Budget (€);Indicateur;Statut;En retard',
      ';Harmoniser les tarifs;;Commune;Seillans;CAF du Var;;2027-06-30;2500,50;Grille votée;En cours;non',
    ]);
    const xlsx = await s.download('/projects/:p/action-plan/export', s.tokens.vp);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const zip = await JSZip.loadAsync(xlsx.bytes);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Actions', 'Avancement']);
    expect((await s.api('GET', '/projects/:p/action-plan/export?format=pdf', s.tokens.vp)).status).toBe(400);
  });
});
