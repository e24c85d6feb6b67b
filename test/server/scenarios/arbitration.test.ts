import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createScenariosTestApp, INSEE } from './support.js';
import { rounds } from '../../../server/db/schema/index.js';
import { retainedScenario } from '../../../server/features/scenarios/scenarios.repo.js';

let s: Awaited<ReturnType<typeof createScenariosTestApp>>;
beforeEach(async () => {
  s = await createScenariosTestApp();
});
afterEach(async () => {
  await s.t.close();
});

const decision = (over: Record<string, unknown> = {}) => ({
  retainedScenarioId: s.demo.serviceCommun.id,
  decisionDate: '2026-11-26',
  body: 'copil',
  reasons: 'Le service commun garantit une offre dans chaque village et le bonus territoire de la CAF.',
  ...over,
});
const arbitrate = (token: string, b: unknown) => s.t.request('POST', `/api/projects/${s.projectId}/arbitrations`, { token, body: b });
const scenario = async (id: string) => (await s.t.request('GET', `/api/scenarios/${id}`, { token: s.tokens.vp })).json;

function addRound(id: string, title: string, status: string) {
  const vp = s.t.userByEmail('vp@demo.mutualab.fr').id;
  s.t.db.insert(rounds).values({
    id, projectId: s.projectId, title, question: 'Êtes-vous favorable ?', status, documentIds: [], scenarioIds: [s.demo.serviceCommun.id, s.demo.entente.id],
    invitedCommuneIds: [s.commune(INSEE.fayence)], opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2026-11-20T00:00:00.000Z', frozenVersions: [],
    createdBy: vp, createdAt: '2026-10-30T00:00:00.000Z', updatedAt: '2026-10-30T00:00:00.000Z',
  }).run();
}

describe('arbitration', () => {
  it('the facilitator retains a scenario: the others are discarded, with history, audit and a live event', async () => {
    addRound('rnd_copil', 'Tour de table sur les scénarios', 'clos');
    const draft = (await s.t.request('POST', `/api/projects/${s.projectId}/scenarios`, { token: s.tokens.techEpci, body: { title: 'Variante', instrument: 'entente', communes: [{ communeId: s.commune(INSEE.fayence) }, { communeId: s.commune(INSEE.seillans) }] } })).json;
    const res = await arbitrate(s.tokens.vp, decision({ roundIds: ['rnd_copil'] }));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      retainedScenario: { id: s.demo.serviceCommun.id, title: 'Service commun jeunesse porté par la CC' },
      discardedScenarios: [{ id: s.demo.entente.id, title: 'Entente intercommunale entre communes volontaires' }, { id: draft.id, title: 'Variante' }],
      decisionDate: '2026-11-26',
      body: 'copil',
      rounds: [{ id: 'rnd_copil', title: 'Tour de table sur les scénarios' }],
      recordedBy: { name: 'Claire Martin' },
      supersededAt: null,
    });
    expect([(await scenario(s.demo.serviceCommun.id)).status, (await scenario(s.demo.entente.id)).status, (await scenario(draft.id)).status]).toEqual(['retenu', 'ecarte', 'ecarte']);
    const history = (await s.t.request('GET', `/api/scenarios/${s.demo.entente.id}/history`, { token: s.tokens.observer })).json;
    expect(history.map((h: any) => [h.fromStatus, h.toStatus, h.reason, h.arbitrationId])).toEqual([
      [null, 'brouillon', 'Création', null],
      ['brouillon', 'presente', 'Présenté au COPIL du 24 novembre 2026', null],
      ['presente', 'ecarte', 'Arbitrage du 2026-11-26 (Comité de pilotage (COPIL))', res.json.id],
    ]);
    expect(s.audit('scenario.arbitrated').map((a) => [a.targetId, a.after.retainedScenarioId, a.after.discardedScenarioIds.length, a.after.roundIds])).toEqual([[res.json.id, s.demo.serviceCommun.id, 2, ['rnd_copil']]]);
    expect(s.events('scenario.decided')).toEqual([{ arbitrationId: res.json.id, retainedScenarioId: s.demo.serviceCommun.id, discardedScenarioIds: [s.demo.entente.id, draft.id], by: s.t.userByEmail('vp@demo.mutualab.fr').id }]);
    // What the convention is built from.
    const retained = retainedScenario(s.t.db, s.projectId)!;
    expect([retained.id, retained.instrument, retained.financingMode, retained.posts.length, retained.communes.map((c) => c.name)]).toEqual([s.demo.serviceCommun.id, 'service_commun', 'imputation_ac', 7, ['Fayence', 'Seillans', 'Montauroux', 'Tourrettes']]);
    const list = (await s.t.request('GET', `/api/projects/${s.projectId}/scenarios`, { token: s.tokens.eluFayence })).json;
    expect(list.arbitration.id).toBe(res.json.id);
    // The élus of the participating communes learn it (the facilitator who decided does not notify herself).
    const notified = s.t.sqlite
      .prepare("SELECT u.email, n.title, n.link FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'scenario_decided' ORDER BY u.email")
      .all() as { email: string; title: string; link: string }[];
    expect(notified.map((n) => n.email)).toEqual(['elu.fayence@demo.mutualab.fr', 'elu.seillans@demo.mutualab.fr']);
    expect(notified[0]).toMatchObject({ title: 'Scénario retenu : Service commun jeunesse porté par la CC', link: `/projets/${s.projectId}/scenarios/arbitrage` });
  });

  it('decided scenarios are frozen', async () => {
    await arbitrate(s.tokens.vp, decision());
    const retained = await scenario(s.demo.serviceCommun.id);
    const put = await s.t.request('PUT', `/api/scenarios/${retained.id}`, { token: s.tokens.vp, body: { title: retained.title, instrument: retained.instrument, revision: retained.revision } });
    expect([put.status, put.json.error.code]).toEqual([409, 'scenario_frozen']);
    const status = await s.t.request('POST', `/api/scenarios/${s.demo.entente.id}/status`, { token: s.tokens.vp, body: { status: 'presente' } });
    expect([status.status, status.json.error.code]).toEqual([409, 'scenario_frozen']);
  });

  it('revisiting a decision needs the arbitration in force; the first one is kept as superseded', async () => {
    const first = (await arbitrate(s.tokens.vp, decision())).json;
    const again = await arbitrate(s.tokens.admin, decision({ retainedScenarioId: s.demo.entente.id }));
    expect([again.status, again.json.error.code, again.json.error.details]).toEqual([409, 'already_arbitrated', { arbitrationId: first.id }]);
    const second = await arbitrate(s.tokens.admin, decision({ retainedScenarioId: s.demo.entente.id, body: 'conference_maires', replacesArbitrationId: first.id, reasons: 'Montauroux ne souhaite pas rejoindre le service commun.' }));
    expect(second.status).toBe(201);
    expect([(await scenario(s.demo.serviceCommun.id)).status, (await scenario(s.demo.entente.id)).status]).toEqual(['ecarte', 'retenu']);
    const all = (await s.t.request('GET', `/api/projects/${s.projectId}/arbitrations`, { token: s.tokens.caf })).json;
    expect(all.map((a: any) => [a.id, a.retainedScenario.title, a.supersededBy])).toEqual([
      [second.json.id, 'Entente intercommunale entre communes volontaires', null],
      [first.id, 'Service commun jeunesse porté par la CC', second.json.id],
    ]);
    expect(retainedScenario(s.t.db, s.projectId)!.id).toBe(s.demo.entente.id);
  });

  it('table of refused arbitrations', async () => {
    addRound('rnd_draft', 'Tour en préparation', 'brouillon');
    const draft = (await s.t.request('POST', `/api/projects/${s.projectId}/scenarios`, { token: s.tokens.vp, body: { title: 'Brouillon', instrument: 'entente', communes: [{ communeId: s.commune(INSEE.fayence) }, { communeId: s.commune(INSEE.seillans) }] } })).json;
    const table: [string, string, Record<string, unknown>, number, string][] = [
      ['a technician cannot decide', 'techEpci', {}, 403, 'forbidden'],
      ['an élu of a commune cannot decide', 'eluFayence', {}, 403, 'forbidden'],
      ['only a presented scenario', 'vp', { retainedScenarioId: draft.id }, 409, 'scenario_not_presented'],
      ['unknown scenario', 'vp', { retainedScenarioId: 'scn_inconnu' }, 404, 'scenario_not_found'],
      ['unknown round', 'vp', { roundIds: ['rnd_inconnu'] }, 400, 'round_unknown'],
      ['round not opened', 'vp', { roundIds: ['rnd_draft'] }, 409, 'round_not_opened'],
      ['date in the future', 'vp', { decisionDate: '2026-12-01' }, 400, 'decision_date_future'],
      ['date that does not exist', 'vp', { decisionDate: '2026-02-30' }, 400, 'validation_error'],
      ['another body must be named', 'vp', { body: 'autre' }, 400, 'validation_error'],
      ['no reasons', 'vp', { reasons: ' ' }, 400, 'validation_error'],
      ['nothing to replace', 'vp', { replacesArbitrationId: 'arb_x' }, 409, 'arbitration_not_in_force'],
    ];
    for (const [name, actor, over, status, code] of table) {
      const res = await arbitrate(s.tokens[actor as keyof typeof s.tokens], decision(over));
      expect([res.status, res.json.error.code], name).toEqual([status, code]);
    }
    expect((await scenario(s.demo.serviceCommun.id)).status).toBe('presente');
  });
});
