import { describe, it, expect } from 'vitest';
import { castVote, checkVoter, closePoll, createPoll, pollResults, type Poll, type PollKind, type PollScope, type PollVote } from '../../../shared/workshops/polls.js';

const t = (hhmm: string) => `2026-12-08T${hhmm}:00.000Z`;

function poll(kind: PollKind, scope: PollScope, choices: string[] = []): Poll {
  const verdict = createPoll({ id: 'p1', question: 'Retient-on le scénario B ?', kind, choices, scope }, true);
  if (!verdict.ok) throw new Error(verdict.code);
  return verdict.poll;
}

/** Casts votes that must all be accepted. */
function vote(p: Poll, votes: Omit<PollVote, 'at'>[]): Poll {
  return votes.reduce((acc, v, i) => {
    const verdict = castVote(acc, { ...v, at: t(`14:${String(10 + i).padStart(2, '0')}`) }, true);
    if (!verdict.ok) throw new Error(verdict.code);
    return verdict.poll;
  }, p);
}

const ballots = [
  { voterId: 'maire-seillans', communeId: 'seillans', value: 'pour' },
  { voterId: 'adjoint-seillans', communeId: 'seillans', value: 'contre' },
  { voterId: 'maire-fayence', communeId: 'fayence', value: 'pour' },
  { voterId: 'maire-fayence', communeId: 'fayence', value: 'abstention' },
];

describe('poll creation', () => {
  const table: [string, boolean, string, PollKind, string[], string][] = [
    ['pour/contre', true, 'Retient-on B ?', 'pour_contre', [], 'ok'],
    ['scale', true, 'Clarté du scénario ?', 'echelle', [], 'ok'],
    ['choice list', true, 'Quel lieu ?', 'choix', ['Seillans', 'Fayence'], 'ok'],
    ['choice list with one distinct option', true, 'Quel lieu ?', 'choix', ['Seillans', ' Seillans '], 'invalid_poll'],
    ['blank question', true, '  ', 'pour_contre', [], 'invalid_poll'],
    ['not the facilitator', false, 'Retient-on B ?', 'pour_contre', [], 'not_facilitator'],
  ];
  it.each(table)('%s → %s', (_label, isFacilitator, question, kind, choices, expected) => {
    const verdict = createPoll({ id: 'p', question, kind, choices, scope: 'personne' }, isFacilitator);
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
  });
});

describe('poll votes: per person vs per commune', () => {
  it('per person: each person has one ballot, the latest one', () => {
    const results = pollResults(vote(poll('pour_contre', 'personne'), ballots));
    expect(results.counts).toEqual([
      { option: 'pour', count: 1 },
      { option: 'contre', count: 1 },
      { option: 'abstention', count: 1 },
    ]);
    expect(results.ballots).toBe(3);
  });

  it('per commune: the commune has one ballot, the latest cast by any of its élus', () => {
    const results = pollResults(vote(poll('pour_contre', 'commune'), ballots));
    expect(results.counts).toEqual([
      { option: 'pour', count: 0 },
      { option: 'contre', count: 1 },
      { option: 'abstention', count: 1 },
    ]);
    expect(results.ballots).toBe(2);
  });

  it('scale: mean rounded to two decimals; choice list counts in option order', () => {
    const scale = pollResults(
      vote(poll('echelle', 'personne'), [
        { voterId: 'a', communeId: 'seillans', value: 4 },
        { voterId: 'b', communeId: 'fayence', value: 5 },
        { voterId: 'c', communeId: null, value: 2 },
      ]),
    );
    expect(scale.counts.map((c) => c.count)).toEqual([0, 1, 0, 1, 1]);
    expect(scale.mean).toBe(3.67);
    const choice = pollResults(vote(poll('choix', 'personne', ['Seillans', 'Fayence']), [{ voterId: 'a', communeId: null, value: 'Fayence' }]));
    expect(choice).toEqual({ counts: [{ option: 'Seillans', count: 0 }, { option: 'Fayence', count: 1 }], ballots: 1, mean: null, final: false });
  });

  const open = poll('pour_contre', 'commune');
  const closed = (() => {
    const v = closePoll(vote(open, [ballots[0]]), true, t('14:30'));
    if (!v.ok) throw new Error(v.code);
    return v.poll;
  })();
  const table: [string, Poll, PollVote, boolean, string][] = [
    ['valid vote', open, { voterId: 'x', communeId: 'seillans', value: 'pour', at: t('14:20') }, true, 'ok'],
    ['value outside the options', open, { voterId: 'x', communeId: 'seillans', value: 'peut-être', at: t('14:20') }, true, 'invalid_value'],
    ['scale value on a pour/contre poll', open, { voterId: 'x', communeId: 'seillans', value: 3, at: t('14:20') }, true, 'invalid_value'],
    ['per commune without a commune', open, { voterId: 'vp', communeId: null, value: 'pour', at: t('14:20') }, true, 'commune_required'],
    ['voter not allowed (observer)', open, { voterId: 'obs', communeId: 'seillans', value: 'pour', at: t('14:20') }, false, 'not_allowed'],
    ['vote on a closed poll', closed, { voterId: 'x', communeId: 'fayence', value: 'pour', at: t('14:31') }, true, 'poll_closed'],
  ];
  it.each(table)('%s → %s', (_label, p, v, mayVote, expected) => {
    const verdict = castVote(p, v, mayVote);
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
  });

  it('a closed poll is immutable and its results are final', () => {
    expect(closePoll(closed, true, t('14:40'))).toMatchObject({ ok: false, code: 'poll_closed' });
    expect(closePoll(open, false, t('14:40'))).toMatchObject({ ok: false, code: 'not_facilitator' });
    expect(closed.closedAt).toBe(t('14:30'));
    expect(pollResults(closed)).toMatchObject({ ballots: 1, final: true });
  });
});

describe('who votes (checkVoter)', () => {
  const table: [string, 'personne' | 'commune', string, string | null, boolean, string][] = [
    ['élu communal, per person', 'personne', 'elu_communal', 'fayence', true, 'ok'],
    ['technician, per person', 'personne', 'technicien_communal', 'fayence', true, 'ok'],
    ['EPCI élu, per person', 'personne', 'elu_communautaire', null, true, 'ok'],
    ['observer (no participation ability)', 'personne', 'observateur', null, false, 'not_allowed'],
    ['élu communal, per commune', 'commune', 'elu_communal', 'seillans', true, 'ok'],
    ['technician, per commune', 'commune', 'technicien_communal', 'fayence', true, 'not_allowed'],
    ['EPCI élu, per commune', 'commune', 'elu_communautaire', null, true, 'commune_required'],
    ['partner, per commune', 'commune', 'partenaire', null, true, 'commune_required'],
  ];
  it.each(table)('%s → %s', (_label, scope, role, communeId, participates, expected) => {
    const verdict = checkVoter(scope, { role: role as never, communeId }, participates);
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
  });
});
