/**
 * Séances through the HTTP API on the full app: preparation, invitations, only the facilitator steers, the agenda
 * clock on the server's time, « Suivre l'animatrice », the speaking queue, check-ins, the relevé de décisions and
 * the compte rendu. Expectations are literal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { auditEvents, notifications } from '../../../server/db/schema/index.js';
import { DEFAULT_FRAGMENT, fragmentToText, listSections } from '../../../shared/editor/index.js';
import { createWorkshopsTestApp, type WorkshopsTestApp } from './setup.js';

const MIN = 60_000;
let t: WorkshopsTestApp;
beforeEach(async () => {
  t = await createWorkshopsTestApp();
});
afterEach(() => t.close());

describe('preparing a séance', () => {
  it('creates the séance with its compte rendu, lists it, and invites people and the élus of invited communes', async () => {
    const docId = await t.note('Note de cadrage');
    const view = await t.createSeance({
      invitedCommuneIds: [t.communes.fayence, t.communes.seillans],
      invitedUserIds: [t.ids.caf],
      videoUrl: 'https://visio.example.fr/copil',
      agenda: [
        { title: 'Accueil', plannedMinutes: 10, outcome: 'information' },
        { title: 'Cadrage', plannedMinutes: 20, outcome: 'debat', documentId: docId, sectionTitle: 'Objectifs' },
      ],
    });
    expect(view).toMatchObject({ title: 'COPIL jeunesse', body: 'copil', status: 'planifiee', revision: 1, currentItemId: null, follow: null, myVotes: {} });
    expect(view.agenda.map((i: any) => [i.title, i.plannedMinutes, i.outcome, i.documentId])).toEqual([
      ['Accueil', 10, 'information', null],
      ['Cadrage', 20, 'debat', docId],
    ]);
    expect(view.agenda[0].id).toMatch(/^itm_/);
    expect(view.documents.map((d: any) => [d.kind, d.title])).toEqual([
      ['compte_rendu', 'Compte rendu — COPIL jeunesse'],
      ['note', 'Note de cadrage'],
    ]);
    expect(view.attendance.quorumCommuneIds).toEqual([t.communes.fayence, t.communes.seillans].sort());
    expect(view.attendance.quorum).toEqual({ required: 2, reached: false });

    const list = await t.ok('eluSeillans', 'GET', `/api/projects/${t.projectId}/seances`);
    expect(list).toEqual([
      { id: view.id, projectId: t.projectId, title: 'COPIL jeunesse', body: 'copil', startsAt: '2026-12-08T13:00:00.000Z', location: 'Salle du conseil, Fayence', videoUrl: 'https://visio.example.fr/copil', status: 'planifiee', plannedMinutes: 30, itemCount: 2 },
    ]);

    const invited = t.db.select().from(notifications).where(eq(notifications.kind, 'seance_invitation')).all();
    expect(invited.map((n) => n.userId).sort()).toEqual([t.ids.caf, t.ids.eluFayence, t.ids.eluSeillans].sort());
    expect(invited[0]).toMatchObject({ title: 'Invitation : COPIL jeunesse', link: `/projets/${t.projectId}/seances/${view.id}`, body: 'Comité de pilotage (COPIL) — mardi 8 décembre 2026 à 14 h 00 — Salle du conseil, Fayence ; visioconférence : https://visio.example.fr/copil' });

    // Editing: a newly invited commune's élus are notified, the others are not notified twice.
    await t.ok('vp', 'PATCH', `/api/seances/${view.id}`, { invitedCommuneIds: [t.communes.fayence, t.communes.seillans, t.communes.montauroux] });
    expect(t.db.select().from(notifications).where(eq(notifications.kind, 'seance_invitation')).all()).toHaveLength(3);
  });

  it('refuses bad preparation: unknown commune, person without access, document of another project, bad video link', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const res = await t.request('POST', `/api/projects/${t.projectId}/seances`, { token: t.tokens.vp, body: { title: 'COPIL', body: 'copil', startsAt: '2026-12-08T13:00:00Z', ...body } });
      return [res.status, res.json.error.code];
    };
    expect(await bad({ invitedCommuneIds: ['cmn_inconnue'] })).toEqual([400, 'unknown_commune']);
    expect(await bad({ invitedUserIds: ['usr_inconnu'] })).toEqual([400, 'unknown_person']);
    expect(await bad({ agenda: [{ title: 'Point', plannedMinutes: 5, outcome: 'debat', documentId: 'doc_inconnu' }] })).toEqual([400, 'unknown_document']);
    expect(await bad({ videoUrl: 'javascript:alert(1)' })).toEqual([400, 'validation_error']);
    expect(await bad({ agenda: [{ title: 'Point', plannedMinutes: 2.5, outcome: 'debat' }] })).toEqual([400, 'validation_error']);
  });
});

describe('steering: only the facilitator, on the server clock', () => {
  it('start, next, pause, resume, goto, end; countdown and overrun; refusals with literal codes', async () => {
    const view = await t.createSeance();
    const [accueil, scenarios, choix] = view.agenda.map((i: any) => i.id);
    const cmd = (who: 'vp' | 'admin' | 'eluFayence' | 'techEpci' | 'observer', body: unknown) => t.request('POST', `/api/seances/${view.id}/commands`, { token: t.tokens[who], body });

    for (const who of ['eluFayence', 'techEpci', 'observer'] as const) {
      const res = await cmd(who, { type: 'start' });
      expect([who, res.status, res.json.error.code]).toEqual([who, 403, 'forbidden']);
    }
    expect((await cmd('vp', { type: 'pause' })).json.error.code).toBe('invalid_transition');
    expect((await cmd('vp', { type: 'next' })).json.error.code).toBe('invalid_transition');

    let res = await cmd('vp', { type: 'start' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'en_cours', currentItemId: accueil, startedAt: '2026-11-27T09:00:00.000Z' });
    // The first item has no document: participants follow the compte rendu.
    expect(res.json.follow).toEqual({ itemId: accueil, documentId: view.compteRenduId, sectionId: null, sectionTitle: null, at: '2026-11-27T09:00:00.000Z' });

    t.clock.advance(12 * MIN);
    res = await cmd('admin', { type: 'next' });
    expect(res.json.currentItemId).toBe(scenarios);
    expect(res.json.clock.items.map((i: any) => [i.elapsedMs / MIN, i.remainingMs / MIN, i.overrunMs / MIN, i.state])).toEqual([
      [12, 0, 2, 'traite'],
      [0, 30, 0, 'en_cours'],
      [0, 15, 0, 'a_venir'],
    ]);
    t.clock.advance(5 * MIN);
    await cmd('vp', { type: 'pause' });
    t.clock.advance(10 * MIN);
    res = await t.request('GET', `/api/seances/${view.id}`, { token: t.tokens.eluSeillans });
    expect(res.json).toMatchObject({ status: 'en_pause', serverNow: '2026-11-27T09:27:00.000Z' });
    expect(res.json.clock.items[1]).toMatchObject({ elapsedMs: 5 * MIN, remainingMs: 25 * MIN });
    expect((await cmd('vp', { type: 'start' })).json.error.code).toBe('invalid_transition');
    await cmd('vp', { type: 'resume' });
    t.clock.advance(MIN);
    expect((await cmd('vp', { type: 'goto', itemId: 'itm_inconnu' })).json.error).toMatchObject({ code: 'unknown_item' });
    res = await cmd('vp', { type: 'goto', itemId: choix });
    expect(res.json.clock.items[1]).toMatchObject({ elapsedMs: 6 * MIN, state: 'traite' });
    expect((await cmd('vp', { type: 'next' })).json.error.code).toBe('no_next_item');
    t.clock.advance(MIN);
    res = await cmd('vp', { type: 'end' });
    expect(res.json).toMatchObject({ status: 'terminee', currentItemId: null, endedAt: '2026-11-27T09:29:00.000Z' });
    expect(res.json.clock.totalElapsedMs).toBe(19 * MIN);
    expect((await cmd('vp', { type: 'resume' })).json.error.code).toBe('seance_ended');
    expect((await t.request('PATCH', `/api/seances/${view.id}`, { token: t.tokens.vp, body: { title: 'Autre titre' } })).status).toBe(409);

    const actions = t.db.select().from(auditEvents).where(eq(auditEvents.targetId, view.id)).all().map((a) => a.action);
    expect(actions).toEqual(['seance.created', 'seance.start', 'seance.goto', 'seance.pause', 'seance.resume', 'seance.goto', 'seance.end']);
  });

  it('going to an item that points at a document section moves « Suivre l’animatrice » there; the facilitator can also set it', async () => {
    const docId = await t.note('Scénarios');
    const view = await t.createSeance({ agenda: [{ title: 'Accueil', plannedMinutes: 5, outcome: 'information' }, { title: 'Scénario B', plannedMinutes: 20, outcome: 'debat', documentId: docId, sectionId: 'c2VjdGlvbg', sectionTitle: 'Coûts' }] });
    await t.ok('vp', 'POST', `/api/seances/${view.id}/commands`, { type: 'start' });
    const moved = await t.ok('vp', 'POST', `/api/seances/${view.id}/commands`, { type: 'next' });
    expect(moved.follow).toMatchObject({ itemId: view.agenda[1].id, documentId: docId, sectionId: 'c2VjdGlvbg', sectionTitle: 'Coûts' });
    const set = await t.ok('vp', 'PUT', `/api/seances/${view.id}/follow`, { documentId: view.compteRenduId, sectionId: null, sectionTitle: 'Décisions' });
    expect(set.follow).toMatchObject({ documentId: view.compteRenduId, sectionTitle: 'Décisions' });
    const other = await t.note('Hors séance');
    const res = await t.request('PUT', `/api/seances/${view.id}/follow`, { token: t.tokens.vp, body: { documentId: other } });
    expect([res.status, res.json.error.code]).toEqual([400, 'unknown_document']);
    expect((await t.request('PUT', `/api/seances/${view.id}/follow`, { token: t.tokens.eluFayence, body: { documentId: docId } })).status).toBe(403);
  });
});

describe('speaking queue, check-ins, relevé de décisions', () => {
  it('hands are raised on behalf of one’s commune, the facilitator gives the floor, speaking time per person and commune', async () => {
    const view = await t.createSeance();
    const speak = (who: 'vp' | 'eluFayence' | 'eluSeillans' | 'observer', body: unknown) => t.request('POST', `/api/seances/${view.id}/speaking`, { token: t.tokens[who], body });
    expect((await speak('eluSeillans', { type: 'raise' })).json.error.code).toBe('seance_not_running');
    await t.ok('vp', 'POST', `/api/seances/${view.id}/commands`, { type: 'start' });
    await speak('eluSeillans', { type: 'raise' });
    t.clock.advance(MIN);
    let res = await speak('eluFayence', { type: 'raise' });
    expect(res.json.speaking.queue.map((e: any) => [t.ids.eluSeillans === e.personId ? 'seillans' : 'fayence', e.communeId])).toEqual([
      ['seillans', t.communes.seillans],
      ['fayence', t.communes.fayence],
    ]);
    expect((await speak('observer', { type: 'raise' })).status).toBe(403);
    expect((await speak('eluFayence', { type: 'give_floor', personId: t.ids.eluFayence })).json.error.code).toBe('not_facilitator');
    expect((await speak('eluFayence', { type: 'raise' })).json.error.code).toBe('already_in_queue');
    res = await speak('vp', { type: 'give_floor', personId: t.ids.eluFayence });
    expect(res.json.speaking.speaker).toMatchObject({ personId: t.ids.eluFayence, communeId: t.communes.fayence });
    t.clock.advance(3 * MIN);
    await speak('vp', { type: 'give_floor', personId: t.ids.eluSeillans });
    t.clock.advance(2 * MIN);
    res = await speak('eluSeillans', { type: 'end_turn' });
    expect(res.json.speaking).toMatchObject({ queue: [], speaker: null, byPerson: { [t.ids.eluFayence]: 3 * MIN, [t.ids.eluSeillans]: 2 * MIN }, byCommune: { [t.communes.fayence]: 3 * MIN, [t.communes.seillans]: 2 * MIN } });
    expect(res.json.people[t.ids.eluFayence]).toEqual({ name: 'Jean Roux', role: 'elu_communal', communeId: t.communes.fayence });
    expect(res.json.communes[t.communes.seillans]).toBe('Seillans');
  });

  it('check-in: oneself, or anyone by the facilitator; attendance and quorum follow', async () => {
    const view = await t.createSeance();
    const checkIn = (who: 'vp' | 'eluFayence' | 'observer', body: unknown) => t.request('POST', `/api/seances/${view.id}/check-ins`, { token: t.tokens[who], body });
    let res = await checkIn('eluFayence', {});
    expect(res.json.attendance.present).toEqual([{ personId: t.ids.eluFayence, communeId: t.communes.fayence, source: 'pointage' }]);
    expect((await checkIn('eluFayence', { personId: t.ids.eluSeillans })).json.error.code).toBe('not_facilitator');
    expect((await checkIn('observer', {})).status).toBe(403);
    expect((await checkIn('vp', { personId: 'usr_inconnu' })).json.error.code).toBe('unknown_person');
    await checkIn('vp', { personId: t.ids.eluSeillans });
    res = await checkIn('vp', { personId: t.ids.techFayence });
    expect(res.json.attendance).toMatchObject({ communesRepresented: [t.communes.fayence, t.communes.seillans].sort(), memberCommunesRepresented: 2, quorum: { required: 3, reached: false } });
    expect(res.json.attendance.ruleText).toContain('plus de la moitié');
  });

  it('decisions are linked to the current item and written into the compte rendu when the séance ends', async () => {
    const view = await t.createSeance();
    const decide = (body: unknown, who: 'vp' | 'eluFayence' = 'vp') => t.request('POST', `/api/seances/${view.id}/decisions`, { token: t.tokens[who], body });
    expect((await decide({ kind: 'decision', text: 'Trop tôt' })).json.error.code).toBe('seance_not_started');
    await t.ok('vp', 'POST', `/api/seances/${view.id}/commands`, { type: 'start' });
    await t.ok('vp', 'POST', `/api/seances/${view.id}/commands`, { type: 'next' });
    expect((await decide({ kind: 'decision', text: 'Non' }, 'eluFayence')).status).toBe(403);
    expect((await decide({ kind: 'decision', text: 'X', pollId: 'pol_inconnu' })).json.error.code).toBe('unknown_poll');
    let res = await decide({ kind: 'decision', text: 'Le scénario B est retenu pour étude détaillée.', arbitrationId: 'arb_1' });
    expect(res.status).toBe(201);
    res = await decide({ kind: 'question_ouverte', text: 'Qui porte les agents de Tourrettes ?', itemId: null });
    expect(res.json.decisions.map((d: any) => [d.kind, d.itemId, d.arbitrationId])).toEqual([
      ['decision', view.agenda[1].id, 'arb_1'],
      ['question_ouverte', null, null],
    ]);
    const removed = await decide({ kind: 'decision', text: 'À retirer' });
    const toRemove = removed.json.decisions[2].id;
    expect((await t.request('DELETE', `/api/seances/${view.id}/decisions/${toRemove}`, { token: t.tokens.vp })).json.decisions).toHaveLength(2);
    expect((await t.request('DELETE', `/api/seances/${view.id}/decisions/${toRemove}`, { token: t.tokens.vp })).status).toBe(404);

    await t.ok('vp', 'POST', `/api/seances/${view.id}/commands`, { type: 'end' });
    const text = await t.collaboration!.read(view.compteRenduId, (doc: Y.Doc) => ({ text: fragmentToText(doc.getXmlFragment(DEFAULT_FRAGMENT)), sections: listSections(doc).map((s) => s.title) }));
    expect(text.sections).toEqual(['Date, lieu et participants', 'Ordre du jour', 'Échanges', 'Décisions', 'Suites à donner']);
    const decisionsPart = text.text.slice(text.text.indexOf('Décisions'), text.text.indexOf('Suites à donner'));
    expect(decisionsPart).toContain('Relevé de décisions enregistré pendant la séance :');
    expect(decisionsPart).toContain('Décision (Scénarios) : Le scénario B est retenu pour étude détaillée.');
    expect(decisionsPart).toContain('Question ouverte : Qui porte les agents de Tourrettes ?');
  });
});
