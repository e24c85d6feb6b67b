/**
 * Deliberations of each council: who records which, the state machine through the API (votes, date, CST), the
 * per-commune board and the overall status by the instrument's rule, the signature that freezes the convention,
 * and the `en vigueur` phase gate registered with `registerPhaseGate`.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createConventionTestApp, INSEE } from './support.js';
import { notifications } from '../../../server/db/schema/index.js';

let s: Awaited<ReturnType<typeof createConventionTestApp>>;
let rows: Record<string, string>;
beforeEach(async () => {
  s = await createConventionTestApp();
  await s.retain();
  await s.ok('POST', '/projects/:p/convention', s.tokens.vp, undefined, 201);
  const board = await s.ok('GET', '/projects/:p/deliberations', s.tokens.vp);
  rows = Object.fromEntries(board.convention.rows.map((r: any) => [r.name, r.id]));
});
afterEach(async () => {
  await s.close();
});

const move = (name: string, token: string, body: Record<string, unknown>) => s.api('POST', `/projects/:p/deliberations/${rows[name]}/state`, token, body);
const VOTE = { to: 'favorable', date: '2027-06-20', number: '2027-041', votes: { pour: 21, contre: 4, abstention: 2, membresEnExercice: 27 }, cstDate: '2027-05-15', cstOpinion: 'favorable' };

describe('who records a deliberation', () => {
  it('the élus and technicians of that commune, the facilitator and the administrator; nobody else', async () => {
    const cases: [string, keyof typeof s.tokens, number][] = [
      ['Fayence', 'eluFayence', 200],
      ['Seillans', 'eluFayence', 403],
      ['Seillans', 'eluSeillans', 200],
      ['Montauroux', 'techFayence', 403],
      ['Tourrettes', 'techEpci', 403], // EPCI technicians prepare, they do not record a commune's vote
      ['Tourrettes', 'caf', 403],
      ['Tourrettes', 'observer', 403],
      ['CC du Pays de Fayence', 'eluFayence', 403], // the EPCI's council: facilitator and administrator only
      ['CC du Pays de Fayence', 'vp', 200],
      ['Montauroux', 'admin', 200],
    ];
    const got = [];
    for (const [name, who] of cases) got.push([name, who, (await move(name, s.tokens[who], VOTE)).status]);
    expect(got).toEqual(cases);
    const anon = await s.t.request('POST', `/api/projects/${s.projectId}/deliberations/${rows.Fayence}/state`, { body: VOTE });
    expect(anon.status).toBe(401);
  });

  it('the board tells each viewer which councils they may record', async () => {
    const board = await s.ok('GET', '/projects/:p/deliberations', s.tokens.techFayence);
    expect(board.convention.rows.map((r: any) => [r.name, r.canRecord, r.moves])).toEqual([
      ['CC du Pays de Fayence', false, []],
      ['Fayence', true, ['favorable', 'defavorable', 'ajournee', 'retiree']],
      ['Seillans', false, []],
      ['Montauroux', false, []],
      ['Tourrettes', false, []],
    ]);
  });
});

describe('recording', () => {
  it('stores body, number, date, votes, result and CST opinion; history, audit, live event and the facilitator’s notification', async () => {
    const res = await move('Fayence', s.tokens.eluFayence, VOTE);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      name: 'Fayence', body: 'Conseil municipal — Fayence', state: 'favorable', boardState: 'favorable', number: '2027-041', date: '2027-06-20',
      votes: { pour: 21, contre: 4, abstention: 2, membresEnExercice: 27, voixPreponderantePour: false }, result: 'favorable', cstDate: '2027-05-15', cstOpinion: 'favorable',
      moves: ['signataire', 'prevue', 'retiree'],
    });
    const elu = s.t.userByEmail('elu.fayence@demo.mutualab.fr').id;
    expect(s.audit('deliberation.recorded').map((a) => [a.userId, a.targetId, a.before.state, a.after.state, a.after.body])).toEqual([[elu, rows.Fayence, 'prevue', 'favorable', 'Conseil municipal — Fayence']]);
    expect(s.events('deliberation.changed')).toEqual([{ deliberationId: rows.Fayence, avenantId: null, communeId: s.commune(INSEE.fayence), from: 'prevue', to: 'favorable', by: elu }]);
    const vp = s.t.userByEmail('vp@demo.mutualab.fr').id;
    const notes = s.t.db.select().from(notifications).all().filter((n) => n.userId === vp && n.kind === 'deliberation_recorded');
    expect(notes.map((n) => n.title)).toEqual(['Conseil municipal — Fayence : Favorable']);
    const history = s.t.sqlite.prepare('SELECT from_state, to_state FROM deliberation_events WHERE deliberation_id = ?').all(rows.Fayence);
    expect(history).toEqual([{ from_state: 'prevue', to_state: 'favorable' }]);
  });

  it('refuses what the machine refuses, with the French reason and the right status', async () => {
    const table: [string, Record<string, unknown>, number, string][] = [
      ['sign without a vote', { to: 'signataire' }, 409, 'not_allowed'],
      ['a result without its date', { to: 'favorable' }, 400, 'date_required'],
      ['votes that say the opposite', { ...VOTE, votes: { pour: 3, contre: 20, abstention: 0 } }, 400, 'votes_contradict_result'],
      ['more votes than members', { ...VOTE, votes: { pour: 30, contre: 0, abstention: 0, membresEnExercice: 27 } }, 400, 'votes_exceed_members'],
      ['an unknown state', { to: 'approuvee' }, 400, 'validation_error'],
    ];
    for (const [, body, status, code] of table) {
      const res = await move('Seillans', s.tokens.eluSeillans, body);
      expect([res.status, res.json.error.code]).toEqual([status, code]);
    }
    await move('Seillans', s.tokens.eluSeillans, { ...VOTE, to: 'defavorable', votes: { pour: 5, contre: 14, abstention: 0 } });
    const flip = await move('Seillans', s.tokens.eluSeillans, VOTE);
    expect([flip.status, flip.json.error.message]).toEqual([409, 'Un vote défavorable ne se corrige pas : inscrivez une nouvelle délibération (prévue) puis enregistrez son résultat.']);
    const board = await s.ok('GET', '/projects/:p/deliberations', s.tokens.vp);
    expect(board.convention.adoption.status).toBe('bloquee');
    const renew = await move('Seillans', s.tokens.eluSeillans, { to: 'prevue', reason: 'Convention amendée après le vote' });
    expect([renew.status, renew.json.state, renew.json.result, renew.json.votes, renew.json.reason]).toEqual([200, 'prevue', null, null, 'Convention amendée après le vote']);
  });

  it('corrects details without a change of state', async () => {
    const res = await s.api('PATCH', `/projects/:p/deliberations/${rows.Tourrettes}`, s.tokens.vp, { number: 'DCM-2027-12', cstDate: '2027-04-30', cstOpinion: 'defavorable' });
    expect([res.status, res.json.state, res.json.number, res.json.cstOpinion]).toEqual([200, 'prevue', 'DCM-2027-12', 'defavorable']);
    expect(s.audit('deliberation.details_changed')).toHaveLength(1);
  });
});

describe('signature and the « en vigueur » gate', () => {
  async function walkTo(phase: string) {
    for (const to of ['scenarios', 'arbitrage', 'cadre_strategique', 'convention', 'deliberations']) {
      await s.ok('POST', '/projects/:p/phase', s.tokens.vp, { to });
      if (to === phase) break;
    }
  }

  it('stays closed with the missing items until every council signed and the CST was consulted, then opens', async () => {
    await walkTo('deliberations');
    const closed = await s.api('POST', '/projects/:p/phase', s.tokens.vp, { to: 'en_vigueur' });
    expect([closed.status, closed.json.error.code]).toEqual([409, 'gate_closed']);
    expect(closed.json.error.message).toContain('En attente ou contre : CC du Pays de Fayence (non délibéré), Fayence (non délibéré)');

    // Every council votes for, without recording the CST opinion: signatures then still do not open the gate.
    await s.signAll(null, false);
    const view = await s.ok('GET', '/projects/:p/convention', s.tokens.vp);
    expect([view.status, view.adoption.status]).toEqual(['signee', 'en_attente']);
    const noCst = await s.api('POST', '/projects/:p/phase', s.tokens.vp, { to: 'en_vigueur' });
    expect([noCst.status, noCst.json.error.message]).toEqual([409, "Service commun : l'avis du comité social territorial (CST) doit avoir été recueilli (art. L5211-4-2 du CGCT) ; un avis défavorable n'empêche pas l'adoption."]);
    // The CST opinion is recorded afterwards (a detail: allowed on signed deliberations); the gate then opens.
    for (const id of Object.values(rows)) await s.ok('PATCH', `/projects/:p/deliberations/${id}`, s.tokens.vp, { cstDate: '2027-05-15', cstOpinion: 'favorable' });
    const moveAfter = await move('Fayence', s.tokens.vp, { to: 'prevue', reason: 'Nouvelle délibération' });
    expect([moveAfter.status, moveAfter.json.error.code]).toEqual([409, 'deliberation_frozen']);
    const open = await s.api('POST', '/projects/:p/phase', s.tokens.vp, { to: 'en_vigueur' });
    expect([open.status, open.json.phase]).toEqual([200, 'en_vigueur']);
  });

  it('opens once adopted; the signature takes a named version and locks the convention; annexes no longer change', async () => {
    await walkTo('deliberations');
    await s.signAll();
    const view = await s.ok('GET', '/projects/:p/convention', s.tokens.vp);
    expect([view.status, view.adoption.status, view.adoption.missing]).toEqual(['signee', 'adoptee', []]);
    const versions = await s.ok('GET', `/documents/${view.convention.id}/versions`, s.tokens.vp);
    expect(versions.map((v: any) => [v.id === view.signedVersionId, v.label])).toContainEqual([true, 'Version signée — 27/11/2026']);
    const doc = await s.ok('GET', `/documents/${view.convention.id}`, s.tokens.vp);
    expect(doc.locked).toBe(true);
    expect(s.audit('convention.signed')).toHaveLength(1);
    const regen = await s.api('POST', '/projects/:p/convention/annexes', s.tokens.vp);
    expect([regen.status, regen.json.error.code]).toEqual([409, 'convention_signed']);
    const open = await s.api('POST', '/projects/:p/phase', s.tokens.vp, { to: 'en_vigueur' });
    expect([open.status, open.json.phase]).toEqual([200, 'en_vigueur']);
  });

  it('a commune that withdraws before signing no longer counts: the others’ signatures complete the convention', async () => {
    for (const name of ['CC du Pays de Fayence', 'Fayence', 'Seillans', 'Montauroux']) {
      await move(name, s.tokens.vp, VOTE);
      await move(name, s.tokens.vp, { to: 'signataire' });
    }
    expect((await s.ok('GET', '/projects/:p/convention', s.tokens.vp)).status).toBe('brouillon');
    await s.ok('POST', '/projects/:p/withdrawals', s.tokens.vp, { communeId: s.commune(INSEE.tourrettes), decidedOn: '2027-06-25', effectiveOn: '2027-06-25', effects: 'Tourrettes garde son animatrice ; pas de contribution.' }, 201);
    const view = await s.ok('GET', '/projects/:p/convention', s.tokens.vp);
    expect([view.status, view.adoption.status]).toEqual(['signee', 'adoptee']);
    const board = await s.ok('GET', '/projects/:p/deliberations', s.tokens.vp);
    expect(board.convention.rows.map((r: any) => [r.name, r.state, r.boardState])).toEqual([
      ['CC du Pays de Fayence', 'signataire', 'signataire'],
      ['Fayence', 'signataire', 'signataire'],
      ['Seillans', 'signataire', 'signataire'],
      ['Montauroux', 'signataire', 'signataire'],
      ['Tourrettes', 'prevue', 'retiree'],
    ]);
  });
});
