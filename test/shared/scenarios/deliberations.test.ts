import { describe, it, expect } from 'vitest';
import { checkDeliberationMove, validateVotes, type DeliberationMove, type DeliberationState, type Votes } from '../../../shared/scenarios/deliberations.js';

const D = '2026-10-12';

describe('deliberation state machine', () => {
  const table: [string, DeliberationMove, string][] = [
    ['a council votes for', { from: 'prevue', to: 'favorable', date: D }, 'ok'],
    ['a council votes against', { from: 'prevue', to: 'defavorable', date: D }, 'ok'],
    ['result without the meeting date', { from: 'prevue', to: 'favorable' }, 'date_required'],
    ['result with a badly written date', { from: 'prevue', to: 'favorable', date: '12/10/2026' }, 'date_required'],
    ['adjourned', { from: 'prevue', to: 'ajournee' }, 'ok'],
    ['adjourned then voted', { from: 'ajournee', to: 'favorable', date: D }, 'ok'],
    ['adjourned then rescheduled', { from: 'ajournee', to: 'prevue' }, 'ok'],
    ['sign after a favourable vote', { from: 'favorable', to: 'signataire' }, 'ok'],
    ['sign without a vote', { from: 'prevue', to: 'signataire' }, 'not_allowed'],
    ['sign after voting against', { from: 'defavorable', to: 'signataire' }, 'not_allowed'],
    ['turn a « contre » into a « pour »', { from: 'defavorable', to: 'favorable', date: D }, 'not_allowed'],
    ['turn a « pour » into a « contre »', { from: 'favorable', to: 'defavorable', date: D }, 'not_allowed'],
    ['new deliberation after a « contre », unmotivated', { from: 'defavorable', to: 'prevue' }, 'reason_required'],
    ['new deliberation after a « contre », motivated', { from: 'defavorable', to: 'prevue', reason: 'Convention amendée' }, 'ok'],
    ['new deliberation after a « pour », unmotivated', { from: 'favorable', to: 'prevue', reason: ' ' }, 'reason_required'],
    ['commune withdraws before signing', { from: 'favorable', to: 'retiree' }, 'ok'],
    ['withdrawn commune comes back', { from: 'retiree', to: 'prevue', reason: 'Nouvelle équipe municipale' }, 'ok'],
    ['signed convention cannot be left here', { from: 'signataire', to: 'retiree' }, 'not_allowed'],
    ['signed convention cannot be re-voted', { from: 'signataire', to: 'prevue', reason: 'Avenant' }, 'not_allowed'],
    ['same state', { from: 'favorable', to: 'favorable' }, 'same_state'],
    ['votes agree with « favorable »', { from: 'prevue', to: 'favorable', date: D, votes: { pour: 12, contre: 3, abstention: 4 } }, 'ok'],
    ['votes contradict « favorable »', { from: 'prevue', to: 'favorable', date: D, votes: { pour: 10, contre: 12, abstention: 3 } }, 'votes_contradict_result'],
    ['tie recorded as « favorable » without casting vote', { from: 'prevue', to: 'favorable', date: D, votes: { pour: 9, contre: 9, abstention: 1 } }, 'votes_contradict_result'],
    ['tie with the president voting for', { from: 'prevue', to: 'favorable', date: D, votes: { pour: 9, contre: 9, abstention: 1, voixPreponderantePour: true } }, 'ok'],
    ['impossible total', { from: 'prevue', to: 'defavorable', date: D, votes: { pour: 10, contre: 5, abstention: 1, membresEnExercice: 15 } }, 'votes_exceed_members'],
    ['negative votes', { from: 'prevue', to: 'defavorable', date: D, votes: { pour: -1, contre: 5, abstention: 0 } }, 'votes_invalid'],
  ];
  it.each(table)('%s', (_name, move, expected) => {
    const verdict = checkDeliberationMove(move);
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
    if (!verdict.ok) expect(verdict.message.length).toBeGreaterThan(15);
  });

  it('refusals explain what to do instead', () => {
    const v = checkDeliberationMove({ from: 'defavorable', to: 'favorable', date: D });
    expect(!v.ok && v.message).toContain('nouvelle délibération');
    const s = checkDeliberationMove({ from: 'signataire', to: 'retiree' });
    expect(!s.ok && s.message).toContain('résiliation ou un avenant');
    const c = checkDeliberationMove({ from: 'prevue', to: 'favorable', date: D, votes: { pour: 1, contre: 2, abstention: 0 } });
    expect(!c.ok && c.message).toContain('art. L2121-20 du CGCT');
  });

  it('every state is reachable from « prévue » and « signataire » is final', () => {
    const states: DeliberationState[] = ['ajournee', 'favorable', 'defavorable', 'retiree'];
    for (const to of states) expect(checkDeliberationMove({ from: 'prevue', to, date: D }).ok).toBe(true);
    for (const to of ['prevue', 'ajournee', 'favorable', 'defavorable', 'retiree'] as DeliberationState[]) {
      expect(checkDeliberationMove({ from: 'signataire', to, date: D, reason: 'raison' }).ok).toBe(false);
    }
  });
});

describe('votes', () => {
  const table: [Votes, string][] = [
    [{ pour: 5, contre: 4, abstention: 20 }, 'favorable'], // abstentions are not votes cast
    [{ pour: 4, contre: 5, abstention: 0 }, 'defavorable'],
    [{ pour: 0, contre: 0, abstention: 15 }, 'defavorable'], // no majority for
    [{ pour: 7, contre: 7, abstention: 0 }, 'defavorable'],
    [{ pour: 7, contre: 7, abstention: 0, voixPreponderantePour: true }, 'favorable'],
    [{ pour: 0, contre: 0, abstention: 0, voixPreponderantePour: true }, 'defavorable'],
    [{ pour: 15, contre: 0, abstention: 0, membresEnExercice: 15 }, 'favorable'],
    [{ pour: 15, contre: 1, abstention: 0, membresEnExercice: 15 }, 'votes_exceed_members'],
    [{ pour: 1.5, contre: 0, abstention: 0 }, 'votes_invalid'],
  ];
  it.each(table)('%j → %s', (votes, expected) => {
    const v = validateVotes(votes);
    expect(v.ok ? v.result : v.code).toBe(expected);
  });
});
