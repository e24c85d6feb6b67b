/**
 * Quick polls through the API: only the facilitator opens and closes them; per person every participant votes
 * (observers do not); per commune only élus communaux vote, the latest élu of a commune replaces its ballot;
 * a closed poll is a record. Then the summary and its exports.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../server/db/schema/index.js';
import { createWorkshopsTestApp, type ActorKey, type WorkshopsTestApp } from './setup.js';

let t: WorkshopsTestApp;
let seanceId: string;
beforeEach(async () => {
  t = await createWorkshopsTestApp();
  seanceId = (await t.createSeance()).id;
});
afterEach(() => t.close());

const open = (body: Record<string, unknown>, who: ActorKey = 'vp') => t.request('POST', `/api/seances/${seanceId}/polls`, { token: t.tokens[who], body });
const vote = (pollId: string, who: ActorKey, value: string | number) => t.request('POST', `/api/seances/${seanceId}/polls/${pollId}/votes`, { token: t.tokens[who], body: { value } });
const start = () => t.ok('vp', 'POST', `/api/seances/${seanceId}/commands`, { type: 'start' });

describe('poll rules', () => {
  it('polls are opened during the séance, by the facilitator only, with valid options', async () => {
    expect((await open({ question: 'Retient-on B ?', kind: 'pour_contre', scope: 'personne' })).json.error.code).toBe('seance_not_running');
    await start();
    expect((await open({ question: 'Retient-on B ?', kind: 'pour_contre', scope: 'personne' }, 'eluFayence')).status).toBe(403);
    const bad = await open({ question: 'Quel lieu ?', kind: 'choix', choices: ['Seillans', ' Seillans '], scope: 'personne' });
    expect([bad.status, bad.json.error.code]).toEqual([400, 'invalid_poll']);
    const res = await open({ question: 'Quel lieu ?', kind: 'choix', choices: ['Seillans', 'Fayence'], scope: 'personne', passage: { documentId: (await t.ok('vp', 'GET', `/api/seances/${seanceId}`)).compteRenduId, quote: 'Ordre du jour' } });
    expect(res.status).toBe(201);
    expect(res.json.polls[0]).toMatchObject({ question: 'Quel lieu ?', kind: 'choix', choices: ['Seillans', 'Fayence'], scope: 'personne', status: 'ouvert', itemId: res.json.agenda[0].id, passage: { quote: 'Ordre du jour' } });
  });

  it('per person: everyone but observers votes once (a new vote replaces the old one); values outside the options are refused', async () => {
    await start();
    const pollId = (await open({ question: 'Clarté du scénario ?', kind: 'echelle', scope: 'personne' })).json.polls[0].id;
    const statuses: Record<string, [number, string | undefined]> = {};
    for (const [who, value] of [['vp', 5], ['eluFayence', 4], ['techFayence', 2], ['caf', 3], ['observer', 1], ['eluFayence', 3]] as const) {
      const res = await vote(pollId, who, value);
      statuses[`${who}:${value}`] = [res.status, res.json.error?.code];
    }
    expect(statuses).toEqual({ 'vp:5': [200, undefined], 'eluFayence:4': [200, undefined], 'techFayence:2': [200, undefined], 'caf:3': [200, undefined], 'observer:1': [403, 'not_allowed'], 'eluFayence:3': [200, undefined] });
    expect((await vote(pollId, 'eluSeillans', 6)).status).toBe(400);
    expect((await vote(pollId, 'eluSeillans', 'pour')).json.error.code).toBe('invalid_value');
    const view = await t.ok('eluFayence', 'GET', `/api/seances/${seanceId}`);
    expect(view.polls[0].results).toEqual({ counts: [1, 2, 3, 4, 5].map((option) => ({ option, count: { 2: 1, 3: 2, 5: 1 }[option] ?? 0 })), ballots: 4, mean: 3.25, final: false });
    expect(view.polls[0].communeBallots).toEqual([]);
    expect(view.myVotes).toEqual({ [pollId]: 3 });
  });

  it('per commune: only élus communaux vote, the latest élu of the commune replaces its ballot; closed polls are records', async () => {
    const seillansAdjoint = t.userByEmail('elu.seillans@demo.mutualab.fr');
    await start();
    const pollId = (await open({ question: 'Retient-on le scénario B ?', kind: 'pour_contre', scope: 'commune' })).json.polls[0].id;
    const refused: Record<string, [number, string]> = {};
    for (const who of ['vp', 'techFayence', 'caf', 'techEpci', 'observer'] as const) {
      const res = await vote(pollId, who, 'pour');
      refused[who] = [res.status, res.json.error.code];
    }
    expect(refused).toEqual({ vp: [403, 'commune_required'], techFayence: [403, 'not_allowed'], caf: [403, 'commune_required'], techEpci: [403, 'commune_required'], observer: [403, 'not_allowed'] });
    await vote(pollId, 'eluFayence', 'pour');
    await vote(pollId, 'eluSeillans', 'contre');
    // A second élu of Fayence: the commune's ballot becomes theirs (the latest wins).
    const vp = t.userByEmail('vp@demo.mutualab.fr');
    const secondId = 'usr_maire_fayence';
    t.db.insert(users).values({ id: secondId, email: 'maire.fayence@exemple.fr', name: 'Maire de Fayence', role: 'elu_communal', communeId: t.communes.fayence, passwordHash: vp.passwordHash, createdAt: vp.createdAt }).run();
    const maire = (await t.login('maire.fayence@exemple.fr')).token;
    let res = await t.request('POST', `/api/seances/${seanceId}/polls/${pollId}/votes`, { token: maire, body: { value: 'abstention' } });
    expect(res.json.polls[0].results.counts).toEqual([{ option: 'pour', count: 0 }, { option: 'contre', count: 1 }, { option: 'abstention', count: 1 }]);
    expect(res.json.polls[0].communeBallots.map((b: any) => [b.communeId, b.value, b.voterId]).sort()).toEqual(
      [[t.communes.fayence, 'abstention', secondId], [t.communes.seillans, 'contre', seillansAdjoint.id]].sort(),
    );
    expect(res.json.myVotes).toEqual({ [pollId]: 'abstention' });
    // The élu who voted first sees his commune's ballot, now the maire's.
    expect((await t.ok('eluFayence', 'GET', `/api/seances/${seanceId}`)).myVotes).toEqual({ [pollId]: 'abstention' });
    // The commune's ballot is what its technician sees as « his commune's vote » too.
    expect((await t.ok('techFayence', 'GET', `/api/seances/${seanceId}`)).myVotes).toEqual({ [pollId]: 'abstention' });

    expect((await t.request('POST', `/api/seances/${seanceId}/polls/${pollId}/close`, { token: t.tokens.eluFayence })).status).toBe(403);
    res = await t.request('POST', `/api/seances/${seanceId}/polls/${pollId}/close`, { token: t.tokens.vp });
    expect(res.json.polls[0]).toMatchObject({ status: 'clos', closedAt: '2026-11-27T09:00:00.000Z', results: { ballots: 2, final: true } });
    expect((await vote(pollId, 'eluSeillans', 'pour')).json.error.code).toBe('poll_closed');
    expect((await t.request('POST', `/api/seances/${seanceId}/polls/${pollId}/close`, { token: t.tokens.vp })).status).toBe(409);
    expect((await vote('pol_inconnu', 'eluSeillans', 'pour')).status).toBe(404);
  });
});

describe('summary and exports', () => {
  it('summarises attendance by commune, decisions, polls, speaking time; exports DOCX, PDF and iCalendar', async () => {
    await start();
    await t.ok('eluFayence', 'POST', `/api/seances/${seanceId}/check-ins`, {});
    await t.ok('vp', 'POST', `/api/seances/${seanceId}/check-ins`, { personId: t.ids.techEpci });
    await t.ok('eluSeillans', 'POST', `/api/seances/${seanceId}/speaking`, { type: 'raise' });
    await t.ok('vp', 'POST', `/api/seances/${seanceId}/speaking`, { type: 'give_floor', personId: t.ids.eluSeillans });
    t.clock.advance(90_000);
    const pollId = (await open({ question: 'On continue ?', kind: 'pour_contre', scope: 'personne' })).json.polls[0].id;
    await vote(pollId, 'eluFayence', 'pour');
    await t.ok('vp', 'POST', `/api/seances/${seanceId}/decisions`, { kind: 'decision', text: 'On continue.', pollId });
    await t.ok('vp', 'POST', `/api/seances/${seanceId}/decisions`, { kind: 'question_ouverte', text: 'Quel budget ?' });
    t.clock.advance(60_000);
    await t.ok('vp', 'POST', `/api/seances/${seanceId}/commands`, { type: 'end' });

    const summary = await t.ok('observer', 'GET', `/api/seances/${seanceId}/summary`);
    expect(summary.seance).toMatchObject({ status: 'terminee', startedAt: '2026-11-27T09:00:00.000Z', endedAt: '2026-11-27T09:02:30.000Z' });
    expect(summary.attendance.map((g: any) => [g.communeName, g.people.map((p: any) => `${p.name}:${p.source}`)])).toEqual([
      ['Fayence', ['Jean Roux:pointage']],
      ['EPCI et partenaires', [`${t.userByEmail('tech.epci@demo.mutualab.fr').name}:pointage`]],
    ]);
    expect(summary.quorum).toEqual({ required: 3, reached: false, represented: 1 });
    expect(summary.decisions.map((d: any) => [d.text, d.itemTitle, d.pollId])).toEqual([['On continue.', 'Accueil', pollId]]);
    expect(summary.openQuestions.map((d: any) => d.text)).toEqual(['Quel budget ?']);
    expect(summary.polls[0]).toMatchObject({ status: 'clos', results: { ballots: 1, final: true } });
    expect(summary.speakingByCommune).toEqual([{ communeId: t.communes.seillans, communeName: 'Seillans', minutes: 2.5 }]);
    expect(summary.agenda.map((i: any) => [i.title, i.plannedMinutes, i.spentMinutes])).toEqual([['Accueil', 10, 2.5], ['Scénarios', 30, 0], ['Choix du scénario', 15, 0]]);
    expect(summary.amendments).toEqual([]);

    for (const [path, type, magic] of [
      [`/api/seances/${seanceId}/summary/export?format=docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK'],
      [`/api/seances/${seanceId}/summary/export?format=pdf`, 'application/pdf', '%PDF'],
      [`/api/seances/${seanceId}/agenda?format=docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK'],
      [`/api/seances/${seanceId}/agenda?format=pdf`, 'application/pdf', '%PDF'],
    ] as const) {
      const res = await t.app.request(`http://localhost${path}`, { headers: { authorization: `Bearer ${t.tokens.eluSeillans}` } });
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 200, type]);
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
    const bad = await t.request('GET', `/api/seances/${seanceId}/agenda?format=odt`, { token: t.tokens.vp });
    expect(bad.status).toBe(400);

    const ics = await t.request('GET', `/api/seances/${seanceId}/agenda.ics`, { token: t.tokens.eluSeillans });
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(ics.headers.get('content-disposition')).toBe('attachment; filename="copil-jeunesse.ics"; filename*=UTF-8\'\'copil-jeunesse.ics');
    const lines = ics.text.split('\r\n');
    expect(lines.filter((l) => /^(BEGIN|END|UID|DTSTART|DTEND|SUMMARY|LOCATION):/.test(l))).toEqual([
      'BEGIN:VCALENDAR', 'BEGIN:VEVENT', `UID:${seanceId}@mutualab`, 'DTSTART:20261208T130000Z', 'DTEND:20261208T135500Z', 'SUMMARY:COPIL jeunesse', 'LOCATION:Salle du conseil\\, Fayence', 'END:VEVENT', 'END:VCALENDAR',
    ]);
    expect(ics.text.replace(/\r\n /g, '')).toContain('DESCRIPTION:Comité de pilotage (COPIL)\\n\\nOrdre du jour :\\n1. Accueil — 10 min — Information\\n2. Scénarios — 30 min — Débat\\n3. Choix du scénario — 15 min — Décision\r\n');
  });
});
