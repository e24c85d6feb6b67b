/**
 * Reminders and automatic closing, driven by the manual clock and `runRoundJobs` (what the ticker runs every minute):
 * exactly the communes without a position are reminded, once per moment; the deadline closes the round and
 * generates the synthesis; « Relancer maintenant » reminds the communes still silent.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createRoundsTestApp, type RoundsTestApp } from './setup.js';
import { runRoundJobs } from '../../../server/features/rounds/rounds.closing.js';
import { ROUND_CLOSED_MESSAGE } from '../../../shared/rounds/round.js';

const HOUR = 3_600_000;
let t: RoundsTestApp;
let roundId: string;
let link: string;
const run = async () => {
  const out = await runRoundJobs(t.deps, t.collaboration);
  await t.relogin();
  return out;
};
const reminderRows = () =>
  (t.sqlite.prepare('SELECT c.name, r.moment FROM round_reminders r JOIN communes c ON c.id = r.commune_id WHERE r.round_id = ? ORDER BY r.rowid').all(roundId) as { name: string; moment: string }[]).map((r) => `${r.name}:${r.moment}`);
const notified = (kind: string) => t.notifications(kind).filter((n) => n.link === link).map((n) => n.email);

beforeAll(async () => {
  t = await createRoundsTestApp();
  const documentId = await t.createDocument();
  const now = t.clock.now().getTime();
  // Opens in one hour, closes five days later.
  const round = await t.opened({ documentIds: [documentId], opensAt: new Date(now + HOUR).toISOString(), closesAt: new Date(now + HOUR + 5 * 24 * HOUR).toISOString() });
  roundId = round.id;
  link = `/projets/${t.projectId}/tours-de-table/${roundId}`;
});
afterAll(async () => {
  await t.close();
});

describe('round reminders and automatic closing', () => {
  it('sends nothing before the planned opening', async () => {
    expect(await run()).toEqual({ closed: [], reminders: 0 });
    expect(reminderRows()).toEqual([]);
    const early = await t.call('eluFayence', 'PUT', `/rounds/${roundId}/positions/${t.commune('fayence')}`, { kind: 'favorable', actionImpacts: await t.impacts('fayence') });
    expect([early.status, early.json.error.code]).toEqual([409, 'round_not_open']);
  });

  it('at the opening, every invited commune is told (élus and technicians of the commune)', async () => {
    t.clock.advance(HOUR);
    expect(await run()).toEqual({ closed: [], reminders: 3 });
    expect(reminderRows()).toEqual(['Fayence:ouverture', 'Seillans:ouverture', 'Montauroux:ouverture']);
    expect(notified('round_opened').sort()).toEqual(['elu.fayence@demo.mutualab.fr', 'elu.seillans@demo.mutualab.fr', 'tech.fayence@demo.mutualab.fr']);
    expect(t.notifications('round_opened')[0]).toMatchObject({ title: 'Tour de table ouvert : Scénario de service commun', dedupeKey: expect.stringMatching(/^round:rnd_.+:ouverture:/) });
    // Idempotent: a second pass sends nothing.
    expect(await run()).toEqual({ closed: [], reminders: 0 });
  });

  it('48 h before closing, exactly the communes without a position are reminded', async () => {
    const res = await t.call('eluFayence', 'PUT', `/rounds/${roundId}/positions/${t.commune('fayence')}`, { kind: 'favorable', actionImpacts: await t.impacts('fayence') });
    expect(res.status).toBe(200);
    t.clock.advance(3 * 24 * HOUR - 1);
    expect((await run()).reminders).toBe(0);
    const board = (await t.get('vp', `/rounds/${roundId}`)).json.board;
    expect(board.counts).toEqual({ answered: 1, pending: 2, late: 0 });

    t.clock.advance(1);
    expect(await run()).toEqual({ closed: [], reminders: 2 });
    expect(reminderRows().filter((r) => r.endsWith('avant_cloture'))).toEqual(['Seillans:avant_cloture', 'Montauroux:avant_cloture']);
    expect(notified('round_closing_soon')).toEqual(['elu.seillans@demo.mutualab.fr']);
    expect(await run()).toEqual({ closed: [], reminders: 0 });
    // In the last 48 h the silent communes are « late » on the tracking board.
    const late = (await t.get('vp', `/rounds/${roundId}`)).json.board;
    expect(late.counts).toEqual({ answered: 1, pending: 0, late: 2 });
  });

  it('« Relancer maintenant » reminds the communes still without a position (facilitator only)', async () => {
    expect((await t.call('eluFayence', 'POST', `/rounds/${roundId}/reminders`)).status).toBe(403);
    const res = await t.call('vp', 'POST', `/rounds/${roundId}/reminders`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ communeIds: [t.commune('seillans'), t.commune('montauroux')], notified: 1 });
    expect(notified('round_position_missing')).toEqual(['elu.seillans@demo.mutualab.fr']);
    expect(t.audit('round.reminded')).toEqual([{ userId: t.userId('vp'), targetId: roundId, after: { communeIds: [t.commune('seillans'), t.commune('montauroux')], notified: 1 } }]);
  });

  it('at the deadline the job closes the round, generates the synthesis and tells everyone once', async () => {
    t.clock.advance(48 * HOUR - 1);
    expect((await run()).closed).toEqual([]);
    t.clock.advance(1);
    // Writes past the deadline are refused even before the job flips the status.
    const late = await t.call('eluSeillans', 'PUT', `/rounds/${roundId}/positions/${t.commune('seillans')}`, { kind: 'abstention', actionImpacts: await t.impacts('seillans', 'neutre') });
    expect(late.json.error).toEqual({ code: 'round_closed', message: ROUND_CLOSED_MESSAGE });

    expect(await run()).toEqual({ closed: [roundId], reminders: 0 });
    const detail = (await t.get('vp', `/rounds/${roundId}`)).json;
    expect(detail).toMatchObject({ status: 'clos', closedAt: detail.closesAt });
    expect(detail.synthesisDocumentId).toMatch(/^doc_/);
    expect(reminderRows().filter((r) => r.endsWith('cloture') && !r.endsWith('avant_cloture'))).toEqual(['Seillans:cloture', 'Montauroux:cloture']);
    expect(notified('round_closed').sort()).toEqual(['elu.fayence@demo.mutualab.fr', 'elu.seillans@demo.mutualab.fr', 'tech.fayence@demo.mutualab.fr', 'vp@demo.mutualab.fr']);
    expect(t.notifications('round_closed').find((n) => n.email === 'elu.seillans@demo.mutualab.fr')!.body).toBe('Le tour de table est clos sans la position de votre commune. La synthèse est disponible.');
    expect(t.audit('round.closed')).toEqual([{ userId: null, targetId: roundId, after: expect.objectContaining({ automatic: true, answered: [t.commune('fayence')], pending: [t.commune('seillans'), t.commune('montauroux')] }) }]);
    // Nothing more to do afterwards.
    expect(await run()).toEqual({ closed: [], reminders: 0 });
    expect(notified('round_closed')).toHaveLength(4);
  });
});

describe('comments attached to a round', () => {
  it('are accepted while open, refused once closed (409, same message) and for partners unless invited (403)', async () => {
    const documentId = await t.createDocument('Texte commenté');
    const round = await t.opened({ documentIds: [documentId], partnersMayComment: false });
    const anchors = [{ kind: 'text', documentId, anchor: await t.anchorOf(documentId, 'prorata de sa population') }];
    const comment = (who: 'eluSeillans' | 'caf', type = 'objection') => t.call(who, 'POST', `/projects/${t.projectId}/comments`, { type, body: 'Le prorata pénalise les petites communes.', anchors, roundId: round.id });

    const ok = await comment('eluSeillans');
    expect(ok.status).toBe(201);
    // The round page lists its threads through the comments API's `roundId` filter.
    expect((await t.get('observer', `/projects/${t.projectId}/comments?roundId=${round.id}`)).json.map((c: { id: string }) => c.id)).toEqual([ok.json.id]);
    const partner = await comment('caf', 'information');
    expect([partner.status, partner.json.error.code]).toEqual([403, 'partners_not_invited']);

    // The round's synthesis lists the open objection under its section.
    await t.call('vp', 'POST', `/rounds/${round.id}/close`);
    const synthesis = (await t.get('vp', `/rounds/${round.id}/synthesis`)).json;
    expect(synthesis.openObjections.map((c: { body: string }) => c.body)).toEqual(['Le prorata pénalise les petites communes.']);
    expect(synthesis.commentsByTarget.map((g: { target: { label: string } }) => g.target.label)).toEqual(['Texte commenté — Article 2 — Financement']);
    const text = await t.text((await t.get('vp', `/rounds/${round.id}`)).json.synthesisDocumentId);
    expect(text).toContain('Sophie Garnier (Seillans) : Le prorata pénalise les petites communes.');

    const closed = await comment('eluSeillans');
    expect(closed.status).toBe(409);
    expect(closed.json.error).toEqual({ code: 'round_closed', message: ROUND_CLOSED_MESSAGE });
  });

  it('partners may comment when the round invites them', async () => {
    const documentId = await t.createDocument('Texte ouvert aux partenaires');
    const round = await t.opened({ documentIds: [documentId], partnersMayComment: true });
    const anchors = [{ kind: 'text', documentId, anchor: await t.anchorOf(documentId, 'prorata de sa population') }];
    const res = await t.call('caf', 'POST', `/projects/${t.projectId}/comments`, { type: 'information', body: 'La CAF finance 30 % des places.', anchors, roundId: round.id });
    expect(res.status).toBe(201);
    expect((await t.get('caf', `/rounds/${round.id}`)).json.me).toEqual({ canManage: false, positionCommuneId: null, canComment: true });
  });
});
