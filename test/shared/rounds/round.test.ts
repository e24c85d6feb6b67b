import { describe, it, expect } from 'vitest';
import {
  checkRoundWritable,
  closeRound,
  effectiveRoundStatus,
  openRound,
  ROUND_CLOSED_MESSAGE,
  type Round,
} from '../../../shared/rounds/round.js';
import { draft, open } from './fixtures.js';

const closed: Round = { ...open, status: 'clos', closedAt: '2026-12-15T17:00:00.000Z' };
const NOW = '2026-11-30T10:00:00.000Z';

describe('round machine: opening', () => {
  const table: [string, Round, boolean, string[], string][] = [
    ['draft, facilitator, one frozen version', draft, true, ['v-convention-3'], 'ok'],
    ['not the facilitator', draft, false, ['v-convention-3'], 'not_allowed'],
    ['nothing frozen', draft, true, [], 'nothing_frozen'],
    ['only blank version ids', draft, true, ['  '], 'nothing_frozen'],
    ['already open', open, true, ['v'], 'invalid_transition'],
    ['closed', closed, true, ['v'], 'round_closed'],
    ['no invited commune', { ...draft, invitedCommuneIds: [] }, true, ['v'], 'no_invited_commune'],
    ['closing before opening', { ...draft, closesAt: '2026-11-30T00:00:00.000Z' }, true, ['v'], 'invalid_dates'],
    ['closing already past', { ...draft, opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2026-11-20T00:00:00.000Z' }, true, ['v'], 'invalid_dates'],
  ];
  it.each(table)('%s → %s', (_label, round, actorMayControl, frozenVersionIds, expected) => {
    const verdict = openRound(round, { actorMayControl, frozenVersionIds, now: NOW });
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
    if (!verdict.ok) expect(verdict.message.length).toBeGreaterThan(10);
  });

  it('records the frozen versions (deduplicated) and the opening time', () => {
    const verdict = openRound(draft, { actorMayControl: true, frozenVersionIds: ['v1', 'snap-2', 'v1'], now: NOW });
    expect(verdict).toEqual({ ok: true, round: { ...draft, status: 'ouvert', frozenVersionIds: ['v1', 'snap-2'], openedAt: NOW } });
  });
});

describe('round machine: closing', () => {
  const table: [string, Round, boolean, string][] = [
    ['open, facilitator', open, true, 'ok'],
    ['not the facilitator', open, false, 'not_allowed'],
    ['draft', draft, true, 'invalid_transition'],
    ['already closed', closed, true, 'round_closed'],
  ];
  it.each(table)('%s → %s', (_label, round, actorMayControl, expected) => {
    const verdict = closeRound(round, { actorMayControl, now: '2026-12-10T12:00:00.000Z' });
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
  });

  it('an early closing records its time; a late closing job records the deadline', () => {
    const early = closeRound(open, { actorMayControl: true, now: '2026-12-10T12:00:00.000Z' });
    expect(early.ok && early.round).toMatchObject({ status: 'clos', closedAt: '2026-12-10T12:00:00.000Z' });
    const late = closeRound(open, { actorMayControl: true, now: '2026-12-15T17:03:00.000Z' });
    expect(late.ok && late.round).toMatchObject({ status: 'clos', closedAt: '2026-12-15T17:00:00.000Z' });
  });
});

describe('round writes', () => {
  const table: [string, Round, string, string][] = [
    ['draft', draft, '2026-12-02T00:00:00.000Z', 'round_not_open'],
    ['open before its opening time', open, '2026-12-01T07:59:59.000Z', 'round_not_open'],
    ['open at its opening time', open, '2026-12-01T08:00:00.000Z', 'ok'],
    ['open, one second before the deadline', open, '2026-12-15T16:59:59.000Z', 'ok'],
    ['open, at the deadline (status not flipped yet)', open, '2026-12-15T17:00:00.000Z', 'round_closed'],
    ['closed', closed, '2026-12-10T00:00:00.000Z', 'round_closed'],
  ];
  it.each(table)('%s at %s → %s', (_label, round, now, expected) => {
    const verdict = checkRoundWritable(round, now);
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
  });

  it('a write after closing gets the exact French message for the 409', () => {
    expect(checkRoundWritable(closed, '2026-12-16T00:00:00.000Z')).toEqual({ ok: false, code: 'round_closed', message: ROUND_CLOSED_MESSAGE });
    expect(ROUND_CLOSED_MESSAGE).toContain('clos');
  });

  it('effective status: an open round past its deadline shows as closed', () => {
    expect(effectiveRoundStatus(open, '2026-12-15T16:00:00.000Z')).toBe('ouvert');
    expect(effectiveRoundStatus(open, '2026-12-15T17:00:00.000Z')).toBe('clos');
    expect(effectiveRoundStatus(draft, '2027-01-01T00:00:00.000Z')).toBe('brouillon');
  });
});
