import { describe, it, expect } from 'vitest';
import { ActionInputSchema, checkDates, isLate, planProgress, progress, timeline, type PlanAction } from '../../../shared/convention/action-plan.js';

const TODAY = '2027-06-15';
const a = (id: string, over: Partial<PlanAction> = {}): PlanAction => ({ id, title: id, objectiveId: null, startDate: null, deadline: null, budgetCents: null, status: 'a_lancer', ...over });

describe('late actions', () => {
  it.each([
    ['deadline passed, not started', { deadline: '2027-06-14', status: 'a_lancer' }, true],
    ['deadline passed, in progress', { deadline: '2027-06-14', status: 'en_cours' }, true],
    ['deadline today is not late yet', { deadline: TODAY, status: 'en_cours' }, false],
    ['finished late is not late', { deadline: '2027-01-01', status: 'terminee' }, false],
    ['abandoned is not late', { deadline: '2027-01-01', status: 'abandonnee' }, false],
    ['no deadline, never late', { deadline: null, status: 'a_lancer' }, false],
  ] as [string, Pick<PlanAction, 'deadline' | 'status'>, boolean][])('%s', (_n, action, late) => expect(isLate(action, TODAY)).toBe(late));

  it('dates: the start must precede the deadline', () => {
    expect(checkDates({ startDate: '2027-07-01', deadline: '2027-06-01' })).toBe('La date de début doit précéder l’échéance.');
    expect(checkDates({ startDate: '2027-06-01', deadline: '2027-06-01' })).toBe(null);
    expect(checkDates({ startDate: null, deadline: '2027-06-01' })).toBe(null);
  });
});

describe('progress', () => {
  const actions = [
    a('A', { objectiveId: 'o1', status: 'terminee', budgetCents: 100_000 }),
    a('B', { objectiveId: 'o1', status: 'en_cours', deadline: '2027-05-01', budgetCents: 50_000 }),
    a('C', { objectiveId: 'o2', status: 'abandonnee', budgetCents: 999_999 }),
    a('D', { objectiveId: null, status: 'a_lancer' }),
  ];
  it('counts finished over what still counts (abandoned left out) and the known budget', () => {
    expect(progress(actions, TODAY)).toEqual({
      total: 4,
      byStatus: { a_lancer: 1, en_cours: 1, terminee: 1, abandonnee: 1 },
      late: 1,
      donePct: 33,
      budgetCents: 150_000,
      budgetUnknown: 1,
    });
  });
  it('per objective, with the unlinked actions last', () => {
    const p = planProgress(actions, ['o1', 'o2', 'o3'], TODAY);
    expect(p.byObjective.map((o) => [o.objectiveId, o.total, o.donePct])).toEqual([
      ['o1', 2, 50],
      ['o2', 1, null],
      ['o3', 0, null],
      [null, 1, 0],
    ]);
  });
  it('an empty plan has no percentage', () => expect(progress([], TODAY).donePct).toBe(null));
});

describe('timeline', () => {
  it('bars from start (or a milestone at the deadline), sorted by deadline, window including today', () => {
    const t = timeline([
      a('Recruter', { startDate: '2027-06-01', deadline: '2027-09-30', status: 'en_cours' }),
      a('Signer', { deadline: '2027-07-01' }),
      a('Plus tard', {}),
    ], TODAY);
    expect(t.from).toBe('2027-06-01');
    expect(t.to).toBe('2027-09-30');
    expect(t.undated).toEqual(['Plus tard']);
    expect(t.bars.map((b) => [b.id, b.start, b.end, b.milestone, b.offsetDays, b.lengthDays, b.late])).toEqual([
      ['Signer', '2027-07-01', '2027-07-01', true, 30, 0, false],
      ['Recruter', '2027-06-01', '2027-09-30', false, 0, 121, false],
    ]);
  });
  it('no dated action: an empty timeline', () => {
    expect(timeline([a('x')], TODAY)).toEqual({ from: null, to: null, bars: [], undated: ['x'] });
  });
});

describe('action input', () => {
  it('fills defaults and refuses what is malformed', () => {
    expect(ActionInputSchema.parse({ title: 'Recruter la coordinatrice', leadKind: 'epci' })).toEqual({
      title: 'Recruter la coordinatrice', description: '', objectiveId: null, leadKind: 'epci', leadId: null, partners: [], startDate: null, deadline: null, budgetCents: null, indicator: '', status: 'a_lancer',
    });
    expect(ActionInputSchema.safeParse({ title: 'ok', leadKind: 'epci' }).success).toBe(false);
    expect(ActionInputSchema.safeParse({ title: 'Action', leadKind: 'mairie' }).success).toBe(false);
    expect(ActionInputSchema.safeParse({ title: 'Action', leadKind: 'epci', deadline: '01/07/2027' }).success).toBe(false);
    expect(ActionInputSchema.safeParse({ title: 'Action', leadKind: 'epci', budgetCents: 10.5 }).success).toBe(false);
  });
});
