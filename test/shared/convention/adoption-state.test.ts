import { describe, it, expect } from 'vitest';
import { adoptionOf, avisCstOf, boardState, epciNatureOf, fullySigned, partiesOf, type DeliberationFacts } from '../../../shared/convention/adoption-state.js';
import { evaluationIndicators } from '../../../shared/convention/evaluation.js';
import { progress } from '../../../shared/convention/action-plan.js';
import type { DeliberationState } from '../../../shared/scenarios/deliberations.js';

const row = (id: string, kind: DeliberationFacts['bodyKind'], state: DeliberationState, cst: string | null = '2027-05-01', opinion: DeliberationFacts['cstOpinion'] = 'favorable'): DeliberationFacts => ({
  id, bodyKind: kind, communeId: kind === 'commune' ? `c_${id}` : null, name: id, state, population: 1000, notifiedOn: null, cstDate: cst, cstOpinion: cst ? opinion : null,
});
const input = (rows: DeliberationFacts[], withdrawn: string[] = []) => ({ instrument: 'service_commun' as const, rows, withdrawn: new Set(withdrawn), epciNature: 'CC' as const, arretePrefectoralDate: null, today: '2027-10-01' });

describe('from deliberation rows to the adoption rule', () => {
  it('a withdrawn commune is « retirée » whatever its row says', () => {
    expect(partiesOf([row('CC', 'epci', 'signataire'), row('Mons', 'commune', 'prevue')], new Set(['c_Mons'])).map((b) => b.state)).toEqual(['signataire', 'retiree']);
    expect(boardState({ state: 'favorable', communeId: 'c_Mons' }, new Set(['c_Mons']))).toBe('retiree');
    expect(boardState({ state: 'favorable', communeId: null }, new Set(['c_Mons']))).toBe('favorable');
  });

  it('the CST opinion counts once every remaining party has one; the latest date, « défavorable » if any is', () => {
    const rows = [row('CC', 'epci', 'favorable', '2027-04-01'), row('A', 'commune', 'favorable', '2027-05-10', 'defavorable'), row('B', 'commune', 'prevue', null)];
    expect(avisCstOf(rows, partiesOf(rows, new Set()))).toBe(null);
    expect(avisCstOf(rows, partiesOf(rows, new Set(['c_B'])))).toEqual({ date: '2027-05-10', sens: 'defavorable' });
  });

  it.each([
    ['everybody signed', ['signataire', 'signataire', 'signataire'], [], true],
    ['one only favourable', ['signataire', 'favorable', 'signataire'], [], false],
    ['the unsigned one withdrew', ['signataire', 'favorable', 'signataire'], ['c_A'], true],
    ['everybody withdrew', ['retiree', 'retiree', 'retiree'], [], false],
  ] as [string, DeliberationState[], string[], boolean][])('signed: %s → %s', (_n, states, withdrawn, signed) => {
    const rows = [row('CC', 'epci', states[0]), row('A', 'commune', states[1]), row('B', 'commune', states[2])];
    expect(fullySigned('service_commun', partiesOf(rows, new Set(withdrawn)))).toBe(signed);
  });

  it('a transfer needs no signature: favourable is enough', () => {
    expect(fullySigned('transfert_competence', [{ state: 'favorable' }, { state: 'signataire' }])).toBe(true);
  });

  it('the whole chain: signed by all, CST gathered → adopted; without the EPCI → waiting', () => {
    expect(adoptionOf(input([row('CC', 'epci', 'signataire'), row('A', 'commune', 'signataire'), row('B', 'commune', 'signataire')])).status).toBe('adoptee');
    const noEpci = adoptionOf(input([row('A', 'commune', 'signataire'), row('B', 'commune', 'signataire')]));
    expect(noEpci.status).toBe('en_attente');
    expect(noEpci.missing[0]).toBe('Service commun : le conseil communautaire doit délibérer (art. L5211-4-2 du CGCT).');
  });

  it.each([['CC', 'CC'], ['ca', 'CA'], ['METRO', 'ME'], ['PETR', null]] as [string, string | null][])('EPCI nature %s → %s', (n, out) => expect(epciNatureOf(n)).toBe(out));
});

describe('annual evaluation indicators', () => {
  it('computes the gap between actual and projected, keeps unknowns unknown', () => {
    const lines = evaluationIndicators({ parties: 3, population: 9000, projectedNetCents: 100_000, projectedNetPerInhabitantCents: 11, actualNetCents: 120_000, actualEtp: 4.5, equipmentOccupancyPct: null, plan: progress([], '2028-01-01'), withdrawals: 0, avenants: 1 });
    const byKey = Object.fromEntries(lines.map((l) => [l.key, l.value]));
    expect(byKey).toEqual({ parties: 3, population: 9000, projected_net: 100_000, projected_net_per_inhabitant: 11, actual_net: 120_000, net_gap: 20_000, actual_etp: 4.5, occupancy: null, actions_total: 0, actions_done_pct: null, actions_late: 0, actions_budget: 0, avenants: 1, withdrawals: 0 });
    const unknown = evaluationIndicators({ parties: 1, population: null, projectedNetCents: null, projectedNetPerInhabitantCents: null, actualNetCents: 5, actualEtp: null, equipmentOccupancyPct: null, plan: progress([], '2028-01-01'), withdrawals: 0, avenants: 0 });
    expect(unknown.find((l) => l.key === 'net_gap')!.value).toBe(null);
  });
});
