/**
 * « Prolonger » an open round: a later deadline with its reason, for the facilitator only; the communes still without
 * a position are told, the 48 h reminder fires again before the new deadline, and a closed round cannot be reopened
 * this way.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createRoundsTestApp, type RoundsTestApp } from './setup.js';
import { runRoundJobs } from '../../../server/features/rounds/rounds.closing.js';
import { ROUND_CLOSED_MESSAGE, extendRound } from '../../../shared/rounds/round.js';

const HOUR = 3_600_000;
let t: RoundsTestApp;

beforeAll(async () => {
  t = await createRoundsTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('extendRound (pure rule)', () => {
  const round = { id: 'r', status: 'ouvert' as const, opensAt: '2026-12-01T08:00:00.000Z', closesAt: '2026-12-08T18:00:00.000Z', invitedCommuneIds: ['a'], frozenVersionIds: ['v'] };
  it.each([
    ['a later deadline', round, '2026-12-15T18:00:00.000Z', '2026-12-05T00:00:00.000Z', 'ok'],
    ['the same deadline', round, '2026-12-08T18:00:00.000Z', '2026-12-05T00:00:00.000Z', 'invalid_dates'],
    ['an earlier deadline', round, '2026-12-07T18:00:00.000Z', '2026-12-05T00:00:00.000Z', 'invalid_dates'],
    ['past the deadline, not yet closed by the job', round, '2026-12-15T18:00:00.000Z', '2026-12-08T18:00:00.000Z', 'round_closed'],
    ['a closed round', { ...round, status: 'clos' as const }, '2026-12-15T18:00:00.000Z', '2026-12-05T00:00:00.000Z', 'round_closed'],
    ['a draft', { ...round, status: 'brouillon' as const }, '2026-12-15T18:00:00.000Z', '2026-12-05T00:00:00.000Z', 'invalid_transition'],
  ])('%s', (_label, r, closesAt, now, expected) => {
    const verdict = extendRound(r, { actorMayControl: true, closesAt, now });
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
    if (verdict.ok) expect(verdict.round.closesAt).toBe(closesAt);
  });
  it('refuses anyone but the facilitator', () => {
    const verdict = extendRound(round, { actorMayControl: false, closesAt: '2026-12-15T18:00:00.000Z', now: '2026-12-05T00:00:00.000Z' });
    expect(verdict).toEqual({ ok: false, code: 'not_allowed', message: "Seul·e l'animateur·rice peut prolonger le tour de table." });
  });
});

describe('POST /api/rounds/:roundId/extend', () => {
  it('moves the deadline, tells the silent communes why, re-arms the 48 h reminder; refused once closed', async () => {
    const documentId = await t.createDocument('Texte à prolonger');
    const now = t.clock.now().getTime();
    const round = await t.opened({ documentIds: [documentId], closesAt: new Date(now + 3 * 24 * HOUR).toISOString() });
    const link = `/projets/${t.projectId}/tours-de-table/${round.id}`;
    const run = async () => {
      const out = await runRoundJobs(t.deps, t.collaboration);
      await t.relogin();
      return out;
    };
    await run(); // opening reminders
    expect((await t.call('eluFayence', 'PUT', `/rounds/${round.id}/positions/${t.commune('fayence')}`, { kind: 'favorable', actionImpacts: await t.impacts('fayence') })).status).toBe(200);
    // 48 h before the first deadline: Seillans and Montauroux are reminded.
    t.clock.advance(24 * HOUR);
    await run();
    const soon = () => t.notifications('round_closing_soon').filter((n) => n.link === link).map((n) => n.email);
    expect(soon()).toEqual(['elu.seillans@demo.mutualab.fr']);

    const newDeadline = new Date(now + 10 * 24 * HOUR).toISOString();
    const body = { closesAt: newDeadline, reason: 'Le conseil municipal de Seillans se réunit le 12.' };
    expect((await t.call('eluFayence', 'POST', `/rounds/${round.id}/extend`, body)).status).toBe(403);
    const earlier = await t.call('vp', 'POST', `/rounds/${round.id}/extend`, { ...body, closesAt: new Date(now + HOUR).toISOString() });
    expect([earlier.status, earlier.json.error.code]).toEqual([409, 'invalid_dates']);
    const noReason = await t.call('vp', 'POST', `/rounds/${round.id}/extend`, { closesAt: newDeadline, reason: '' });
    expect(noReason.status).toBe(400);

    const res = await t.call('vp', 'POST', `/rounds/${round.id}/extend`, body);
    expect(res.status).toBe(200);
    expect(res.json.closesAt).toBe(newDeadline);
    // Only the communes still silent are told, with the reason.
    const extended = t.notifications('round_extended').filter((n) => n.link === link);
    expect(extended.map((n) => n.email)).toEqual(['elu.seillans@demo.mutualab.fr']);
    expect(extended[0]!.body).toContain('Le conseil municipal de Seillans se réunit le 12.');
    expect(t.audit('round.extended')).toEqual([{ userId: t.userId('vp'), targetId: round.id, after: { closesAt: newDeadline, reason: body.reason } }]);

    // Past the old deadline the round is still open; 48 h before the new one, the reminder fires again.
    t.clock.advance(3 * 24 * HOUR);
    expect((await run()).closed).toEqual([]);
    expect(soon()).toEqual(['elu.seillans@demo.mutualab.fr']);
    t.clock.advance(4 * 24 * HOUR);
    await run();
    expect(soon()).toEqual(['elu.seillans@demo.mutualab.fr', 'elu.seillans@demo.mutualab.fr']);

    // After the new deadline: closed by the job, and extending is refused with the closing message.
    t.clock.advance(2 * 24 * HOUR);
    expect((await run()).closed).toEqual([round.id]);
    const late = await t.call('vp', 'POST', `/rounds/${round.id}/extend`, { ...body, closesAt: new Date(now + 20 * 24 * HOUR).toISOString() });
    expect(late.status).toBe(409);
    expect(late.json.error).toEqual({ code: 'round_closed', message: ROUND_CLOSED_MESSAGE });
  });
});
