/**
 * The deliberation state machine, every pair of states written out literally (date and reason always given, so that
 * only the « is this move allowed » dimension varies), then what each kind of refusal says.
 */
import { describe, it, expect } from 'vitest';
import { checkDeliberationMove, DELIBERATION_STATES, isFavourable, type DeliberationState } from '../../../shared/scenarios/deliberations.js';

const D = '2027-06-14';
const S = 'same_state';
const N = 'not_allowed';

// Rows: from; columns: to, in the order prevue, ajournee, favorable, defavorable, signataire, retiree.
const MATRIX: Record<DeliberationState, [string, string, string, string, string, string]> = {
  prevue: [S, 'ok', 'ok', 'ok', N, 'ok'],
  ajournee: ['ok', S, 'ok', 'ok', N, 'ok'],
  favorable: ['ok', N, S, N, 'ok', 'ok'],
  defavorable: ['ok', N, N, S, N, 'ok'],
  signataire: [N, N, N, N, S, N],
  retiree: ['ok', N, N, N, N, S],
};

describe('every move of the deliberation machine', () => {
  const cases = DELIBERATION_STATES.flatMap((from) => DELIBERATION_STATES.map((to, i) => [from, to, MATRIX[from][i]] as const));
  it.each(cases)('%s → %s : %s', (from, to, expected) => {
    const v = checkDeliberationMove({ from, to, date: D, reason: 'Nouvelle délibération après avenant' });
    expect(v.ok ? 'ok' : v.code).toBe(expected);
  });

  it('covers the 36 pairs', () => expect(cases).toHaveLength(36));
});

describe('what a move needs besides being allowed', () => {
  const table: [string, Parameters<typeof checkDeliberationMove>[0], string][] = [
    ['adjourning needs no date', { from: 'prevue', to: 'ajournee' }, 'ok'],
    ['withdrawing needs no reason', { from: 'prevue', to: 'retiree' }, 'ok'],
    ['signing needs no date (the service dates it)', { from: 'favorable', to: 'signataire' }, 'ok'],
    ['coming back after a withdrawal needs a reason', { from: 'retiree', to: 'prevue' }, 'reason_required'],
    ['a two-letter reason is not a reason', { from: 'defavorable', to: 'prevue', reason: 'ok' }, 'reason_required'],
    ['adjourned then rescheduled needs no reason', { from: 'ajournee', to: 'prevue' }, 'ok'],
    ['a « défavorable » needs the meeting date', { from: 'ajournee', to: 'defavorable' }, 'date_required'],
    ['an impossible calendar date format', { from: 'prevue', to: 'defavorable', date: '2027-6-14' }, 'date_required'],
    ['votes against recorded as « défavorable »', { from: 'prevue', to: 'defavorable', date: D, votes: { pour: 3, contre: 11, abstention: 0 } }, 'ok'],
    ['votes for recorded as « défavorable »', { from: 'prevue', to: 'defavorable', date: D, votes: { pour: 11, contre: 3, abstention: 0 } }, 'votes_contradict_result'],
    ['a tie without casting vote is « défavorable »', { from: 'prevue', to: 'defavorable', date: D, votes: { pour: 5, contre: 5, abstention: 2 } }, 'ok'],
    ['total equal to the members in office', { from: 'prevue', to: 'favorable', date: D, votes: { pour: 10, contre: 4, abstention: 1, membresEnExercice: 15 } }, 'ok'],
  ];
  it.each(table)('%s', (_name, move, expected) => {
    const v = checkDeliberationMove(move);
    expect(v.ok ? 'ok' : v.code).toBe(expected);
  });

  it('a refused move back from « signataire » points to résiliation or avenant, whatever the target', () => {
    for (const to of ['prevue', 'ajournee', 'defavorable', 'retiree'] as const) {
      const v = checkDeliberationMove({ from: 'signataire', to, date: D, reason: 'raison valable' });
      expect(!v.ok && v.message).toBe('La convention est signée : une sortie passe par une résiliation ou un avenant, pas par un changement de délibération.');
    }
  });

  it('an unlisted refusal names both states in French', () => {
    const v = checkDeliberationMove({ from: 'retiree', to: 'favorable', date: D });
    expect(!v.ok && v.message).toBe('Passage impossible de « Retirée de la démarche » à « Favorable ».');
  });

  it('only « favorable » and « signataire » count as for', () => {
    expect(DELIBERATION_STATES.filter(isFavourable)).toEqual(['favorable', 'signataire']);
  });
});
