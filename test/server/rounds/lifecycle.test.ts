/**
 * Round lifecycle through the HTTP API on the full app: draft → open (a named version of the document is frozen) →
 * positions (only an élu of the invited commune) → close (positions freeze: 409 with the exact message) → synthesis
 * document, synthesis data and CSV export.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createRoundsTestApp, p, type RoundsTestApp } from './setup.js';
import { ROUND_CLOSED_MESSAGE } from '../../../shared/rounds/round.js';
import { insertBlock } from '../../../shared/editor/index.js';
import { getRoundResults, listRounds } from '../../../server/features/rounds/rounds.repo.js';

let t: RoundsTestApp;
beforeAll(async () => {
  t = await createRoundsTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('round lifecycle', () => {
  let documentId: string;
  let roundId: string;

  it('creates a draft: nothing is frozen, nobody is notified', async () => {
    documentId = await t.createDocument('Projet de convention');
    const round = await t.draft({ title: 'Convention jeunesse', documentIds: [documentId] });
    roundId = round.id;
    expect(round).toMatchObject({ status: 'brouillon', effectiveStatus: 'brouillon', frozenVersions: [], invitedCount: 3, answeredCount: 0 });
    expect(round.invitedCommunes.map((c: { name: string; participation: string }) => [c.name, c.participation])).toEqual([
      ['Fayence', 'participante'],
      ['Seillans', 'participante'],
      ['Montauroux', 'participante'],
    ]);
    expect(t.notifications()).toEqual([]);
    // A position on a draft is refused: the round is not open yet.
    const res = await t.call('eluFayence', 'PUT', `/rounds/${roundId}/positions/${t.commune('fayence')}`, { kind: 'favorable', actionImpacts: await t.impacts('fayence') });
    expect([res.status, res.json.error.code]).toEqual([409, 'round_not_open']);
  });

  it('refuses a scope outside the project and inverted dates (400)', async () => {
    const bad = (over: Record<string, unknown>) => t.call('vp', 'POST', `/projects/${t.projectId}/rounds`, { title: 'X round', question: 'Question ?', invitedCommuneIds: [t.commune('fayence')], opensAt: '2026-12-01T09:00:00Z', closesAt: '2026-12-08T09:00:00Z', ...over });
    expect((await bad({ invitedCommuneIds: [t.commune('bagnols')] })).json.error.code).toBe('commune_not_in_project');
    expect((await bad({ documentIds: ['doc_inconnu'] })).json.error.code).toBe('unknown_document');
    expect((await bad({ closesAt: '2026-11-30T09:00:00Z' })).json.error.code).toBe('invalid_dates');
    expect((await bad({ invitedCommuneIds: [] })).status).toBe(400);
  });

  it('opening freezes a named version of the document; later edits do not change it', async () => {
    const res = await t.call('vp', 'POST', `/rounds/${roundId}/open`);
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('ouvert');
    expect(res.json.frozenVersions).toEqual([
      { documentId, versionId: expect.stringMatching(/^ver_/), title: 'Projet de convention', label: 'Tour de table — Convention jeunesse (ouverture)' },
    ]);
    const versionId = res.json.frozenVersions[0].versionId;
    await t.collaboration.edit(documentId, (d) => insertBlock(d, 4, p('Article ajouté après l’ouverture.')));
    const version = await t.get('eluSeillans', `/documents/${documentId}/versions/${versionId}`);
    expect(JSON.stringify(version.json.content)).not.toContain('Article ajouté');
    expect(JSON.stringify(version.json.content)).toContain('Chaque commune contribue au prorata de sa population.');
    expect(await t.text(documentId)).toContain('Article ajouté après l’ouverture.');
    // Opening twice is a conflict; editing an open round too.
    expect((await t.call('vp', 'POST', `/rounds/${roundId}/open`)).status).toBe(409);
    expect((await t.call('vp', 'PATCH', `/rounds/${roundId}`, { title: 'Autre titre' })).json.error.code).toBe('round_not_draft');
    expect(t.audit('round.opened')).toEqual([{ userId: t.userId('vp'), targetId: roundId, after: expect.objectContaining({ frozenVersions: [versionId] }) }]);
  });

  it('only an élu of the commune sets its position, with an impact for each programme action', async () => {
    const fayence = t.commune('fayence');
    const path = `/rounds/${roundId}/positions/${fayence}`;
    const actions = await t.programme('fayence');
    expect(actions).toHaveLength(3);
    const body = { kind: 'favorable_avec_reserves', motivation: 'Le local jeunes doit rester à Fayence.', conditions: ['Maintien du local jeunes', ' '], actionImpacts: [{ actionId: actions[0], impact: 'renforce' }, { actionId: actions[1], impact: 'neutre' }, { actionId: actions[2], impact: 'affaiblit' }] };
    const statuses = async (path: string, body: unknown) => {
      const out: Record<string, number> = {};
      for (const who of ['techFayence', 'eluSeillans', 'vp', 'admin', 'caf', 'observer', 'techEpci'] as const) out[who] = (await t.call(who, 'PUT', path, body)).status;
      return out;
    };
    expect(await statuses(path, body)).toEqual({ techFayence: 403, eluSeillans: 403, vp: 403, admin: 403, caf: 403, observer: 403, techEpci: 403 });

    const missing = await t.call('eluFayence', 'PUT', path, { ...body, actionImpacts: body.actionImpacts.slice(0, 2) });
    expect([missing.status, missing.json.error.code]).toEqual([400, 'impact_missing']);
    const noMotivation = await t.call('eluFayence', 'PUT', path, { ...body, motivation: null });
    expect([noMotivation.status, noMotivation.json.error.code]).toEqual([400, 'motivation_required']);
    const foreignAction = await t.call('eluFayence', 'PUT', path, { ...body, actionImpacts: [...body.actionImpacts, { actionId: (await t.programme('seillans'))[0], impact: 'neutre' }] });
    expect([foreignAction.status, foreignAction.json.error.code]).toEqual([400, 'unknown_action']);

    const ok = await t.call('eluFayence', 'PUT', path, body);
    expect(ok.status).toBe(200);
    expect(ok.json.positions).toEqual([
      {
        communeId: fayence,
        communeName: 'Fayence',
        kind: 'favorable_avec_reserves',
        motivation: 'Le local jeunes doit rester à Fayence.',
        conditions: ['Maintien du local jeunes'],
        actionImpacts: [
          { actionId: actions[0], title: 'Ouvrir un local jeunes en centre-village', impact: 'renforce' },
          { actionId: actions[1], title: 'Séjours d’été pour les 11-17 ans', impact: 'neutre' },
          { actionId: actions[2], title: 'Conseil municipal des jeunes', impact: 'affaiblit' },
        ],
        author: { id: t.userId('eluFayence'), name: 'Jean Roux' },
        recordedAt: t.clock.now().toISOString(),
      },
    ]);
    expect(ok.json.board.counts).toEqual({ answered: 1, pending: 2, late: 0 });
    expect(ok.json.board.rows.map((r: { communeName: string; status: string }) => `${r.communeName}:${r.status}`)).toEqual(['Fayence:answered', 'Seillans:pending', 'Montauroux:pending']);
    expect(ok.json.me).toEqual({ canManage: false, positionCommuneId: fayence, canComment: true });

    // Recording again replaces the position (one per commune).
    t.clock.advance(60_000);
    const again = await t.call('eluFayence', 'PUT', path, { kind: 'favorable', actionImpacts: body.actionImpacts });
    expect(again.json.positions.map((p: { kind: string }) => p.kind)).toEqual(['favorable']);
    expect(again.json.answeredCount).toBe(1);
  });

  it('a commune that is not invited cannot answer, even through its own élu', async () => {
    const only = await t.opened({ title: 'Seillans seulement', invitedCommuneIds: [t.commune('seillans')], documentIds: [documentId] });
    const res = await t.call('eluFayence', 'PUT', `/rounds/${only.id}/positions/${t.commune('fayence')}`, { kind: 'favorable', actionImpacts: await t.impacts('fayence') });
    expect([res.status, res.json.error.code]).toEqual([403, 'not_invited']);
    const seillans = await t.call('eluSeillans', 'PUT', `/rounds/${only.id}/positions/${t.commune('seillans')}`, { kind: 'abstention', actionImpacts: await t.impacts('seillans', 'neutre') });
    expect(seillans.status).toBe(200);
  });

  it('the élue of Seillans answers défavorable; the facilitator closes; later writes get 409 with the clear message', async () => {
    const seillans = t.commune('seillans');
    const res = await t.call('eluSeillans', 'PUT', `/rounds/${roundId}/positions/${seillans}`, { kind: 'defavorable', motivation: 'Coût trop élevé pour la commune.', actionImpacts: await t.impacts('seillans', 'affaiblit') });
    expect(res.status).toBe(200);
    expect((await t.call('eluFayence', 'POST', `/rounds/${roundId}/close`)).status).toBe(403);

    const closed = await t.call('vp', 'POST', `/rounds/${roundId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ status: 'clos', effectiveStatus: 'clos', closedAt: t.clock.now().toISOString(), answeredCount: 2 });
    expect(closed.json.synthesisDocumentId).toMatch(/^doc_/);
    expect(closed.json.board.counts).toEqual({ answered: 2, pending: 0, late: 1 });

    const late = await t.call('eluFayence', 'PUT', `/rounds/${roundId}/positions/${t.commune('fayence')}`, { kind: 'defavorable', motivation: 'Changement d’avis.', actionImpacts: await t.impacts('fayence') });
    expect(late.status).toBe(409);
    expect(late.json.error).toEqual({ code: 'round_closed', message: ROUND_CLOSED_MESSAGE });
    expect((await t.call('vp', 'POST', `/rounds/${roundId}/close`)).json.error.code).toBe('round_closed');
    expect((await t.call('vp', 'POST', `/rounds/${roundId}/reminders`)).json.error.code).toBe('round_closed');
    // The recorded position of Fayence is unchanged.
    const detail = await t.get('observer', `/rounds/${roundId}`);
    expect(detail.json.positions.map((p: { communeName: string; kind: string }) => `${p.communeName}:${p.kind}`)).toEqual(['Fayence:favorable', 'Seillans:defavorable']);
  });

  it('the synthesis is a `synthese` document with positions, the impact tally and the frozen text', async () => {
    const detail = await t.get('vp', `/rounds/${roundId}`);
    const synthesisId = detail.json.synthesisDocumentId;
    const docRes = await t.get('eluSeillans', `/documents/${synthesisId}`);
    expect(docRes.json).toMatchObject({ kind: 'synthese', title: 'Synthèse — Convention jeunesse' });
    const text = await t.text(synthesisId);
    for (const line of [
      'Synthèse du tour de table « Convention jeunesse »',
      'Question posée : La mutualisation renforcera-t-elle ou non les actions prévues ?',
      'Projet de convention — version « Tour de table — Convention jeunesse (ouverture) »',
      'Positions par commune',
      'Coût trop élevé pour la commune.',
      'Favorable : 1 · Favorable avec réserves : 0 · Défavorable : 1 · Abstention : 0 · Sans position : 1',
      'Effet sur les programmes communaux',
      'Ouvrir un local jeunes en centre-village',
      'Aucune objection ouverte à la clôture.',
    ]) {
      expect(text).toContain(line);
    }
    // The template's placeholder sections were replaced, not kept below.
    expect(text).not.toContain('Constats du diagnostic');

    const synthesis = await t.get('caf', `/rounds/${roundId}/synthesis`);
    expect(synthesis.json.positionCounts).toEqual({ favorable: 1, favorable_avec_reserves: 0, defavorable: 1, abstention: 0, sans_position: 1 });
    expect(synthesis.json.programmeImpact.total).toEqual({ renforce: 1, neutre: 1, affaiblit: 3 });
    expect(synthesis.json.synthesisDocumentId).toBe(synthesisId);
    // Generated once: asking again is a conflict (the facilitator's edits are never overwritten).
    expect((await t.call('vp', 'POST', `/rounds/${roundId}/synthesis`)).json.error.code).toBe('synthesis_exists');
    expect(t.audit('round.synthesis_generated').map((a) => a.targetId)).toContain(roundId);
  });

  it('exports positions as CSV: BOM, « ; », one row per invited commune', async () => {
    const res = await t.get('observer', `/rounds/${roundId}/positions.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="positions-convention-jeunesse.csv"');
    // The UTF-8 BOM (EF BB BF) is what makes Excel read the accents right; Response.text() hides it, so read bytes.
    const raw = new Uint8Array(await (await t.app.request(`http://localhost/api/rounds/${roundId}/positions.csv`, { headers: { authorization: `Bearer ${t.tokens.observer}` } })).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('Commune;Code INSEE;Position;Motivation;Conditions;Actions renforcées;Actions neutres;Actions affaiblies;Détail des actions;Exprimée par;Date (UTC)');
    // A cell holding « ; » is quoted.
    expect(lines[1]).toBe('Fayence;83055;Favorable;;;1;1;1;"Ouvrir un local jeunes en centre-village : Renforce ; Séjours d’été pour les 11-17 ans : Neutre ; Conseil municipal des jeunes : Affaiblit";Jean Roux;2026-11-27T09:01:00.000Z');
    expect(lines[2]).toMatch(/^Seillans;83124;Défavorable;Coût trop élevé pour la commune\.;;0;0;2;/);
    expect(lines[3]).toBe('Montauroux;83081;Sans position;;;;;;;;');
    expect(lines[4]).toBe('');
    expect(lines).toHaveLength(5);
  });

  it('gives other features the results by commune (contract `getRoundResults`, `listRounds`)', () => {
    const results = getRoundResults(t.db, roundId)!;
    expect(results.round).toMatchObject({ id: roundId, projectId: t.projectId, title: 'Convention jeunesse', status: 'clos' });
    expect(results.positions.map((p) => [p.communeName, p.kind, p.actionImpacts.length])).toEqual([
      ['Fayence', 'favorable', 3],
      ['Seillans', 'defavorable', 2],
      ['Montauroux', null, 0],
    ]);
    expect(results.counts).toEqual({ favorable: 1, favorable_avec_reserves: 0, defavorable: 1, abstention: 0, sans_position: 1 });
    expect(getRoundResults(t.db, 'rnd_inconnu')).toBeNull();
    expect(listRounds(t.db, t.projectId).map((r) => r.title)).toEqual(['Seillans seulement', 'Convention jeunesse']);
  });

  it('lists the project rounds with their effective status', async () => {
    const list = await t.get('techFayence', `/projects/${t.projectId}/rounds`);
    expect(list.json.map((r: { title: string; effectiveStatus: string; answeredCount: number }) => [r.title, r.effectiveStatus, r.answeredCount])).toEqual([
      ['Seillans seulement', 'ouvert', 1],
      ['Convention jeunesse', 'clos', 2],
    ]);
  });

  it('a draft can be deleted; an open or closed round cannot', async () => {
    const d = await t.draft({ title: 'À supprimer', documentIds: [documentId] });
    expect((await t.call('vp', 'DELETE', `/rounds/${d.id}`)).status).toBe(204);
    expect((await t.get('vp', `/rounds/${d.id}`)).status).toBe(404);
    expect((await t.call('vp', 'DELETE', `/rounds/${roundId}`)).json.error.code).toBe('round_not_draft');
  });

  it('a round with nothing to freeze cannot open', async () => {
    const d = await t.draft({ title: 'Sans texte' });
    const res = await t.call('vp', 'POST', `/rounds/${d.id}/open`);
    expect([res.status, res.json.error.code]).toEqual([409, 'nothing_frozen']);
  });
});
