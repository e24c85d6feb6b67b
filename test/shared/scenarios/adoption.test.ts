import { describe, it, expect } from 'vitest';
import { addMonths, adoptionStatus, deemedFavourable, enVigueurGate, qualifiedMajority, type AdoptionState, type DeliberatingBody, type EpciNature } from '../../../shared/scenarios/adoption.js';
import type { DeliberationState } from '../../../shared/scenarios/deliberations.js';
import { checkTransition } from '../../../shared/projects/phases.js';

const TODAY = '2026-11-27';
const CST = { date: '2026-09-01', sens: 'defavorable' as const }; // an unfavourable opinion still counts: it is consultative
const epci = (state: DeliberationState): DeliberatingBody => ({ id: 'epci', kind: 'epci', name: 'CC du Val', state });
const commune = (name: string, state: DeliberationState, population = 100, notifiedOn: string | null = null): DeliberatingBody => ({ id: name, kind: 'commune', name, state, population, notifiedOn });

describe('service commun: EPCI and every participating commune', () => {
  const base = (bodies: DeliberatingBody[], over: Partial<AdoptionState> = {}): AdoptionState => ({ instrument: 'service_commun', bodies, avisCst: CST, today: TODAY, ...over });
  const table: [string, AdoptionState, string, string | null][] = [
    ['all signed, CST consulted', base([epci('signataire'), commune('Mons', 'signataire'), commune('Arly', 'signataire')]), 'adoptee', null],
    ['CST not consulted', base([epci('signataire'), commune('Mons', 'signataire')], { avisCst: null }), 'en_attente', 'comité social territorial (CST) doit avoir été recueilli (art. L5211-4-2 du CGCT)'],
    ['one commune has not voted', base([epci('favorable'), commune('Mons', 'favorable'), commune('Arly', 'prevue')]), 'en_attente', 'Arly (non délibéré)'],
    ['one commune voted against', base([epci('favorable'), commune('Mons', 'favorable'), commune('Arly', 'defavorable')]), 'bloquee', 'Arly (défavorable)'],
    ['all for but not signed', base([epci('favorable'), commune('Mons', 'signataire'), commune('Arly', 'favorable')]), 'en_attente', 'manque : CC du Val, Arly'],
    ['no EPCI deliberation', base([commune('Mons', 'signataire'), commune('Arly', 'signataire')]), 'en_attente', 'le conseil communautaire doit délibérer'],
    ['a withdrawn commune is no longer a party', base([epci('signataire'), commune('Mons', 'signataire'), commune('Arly', 'retiree')]), 'adoptee', null],
  ];
  it.each(table)('%s → %s', (_name, state, status, text) => {
    const s = adoptionStatus(state);
    expect(s.status).toBe(status);
    const refusal = enVigueurGate(state)('en_vigueur');
    if (text === null) expect(refusal).toBe(null);
    else expect(refusal).toContain(text);
  });

  it('the gate plugs into the phase machine and only guards « en vigueur »', () => {
    const state = base([epci('favorable'), commune('Mons', 'prevue')]);
    const gate = enVigueurGate(state);
    expect(gate('deliberations')).toBe(null);
    const verdict = checkTransition({ from: 'deliberations', to: 'en_vigueur', actorMayControl: true, gates: [gate] });
    expect(verdict.ok ? 'ok' : verdict.code).toBe('gate_closed');
    expect(!verdict.ok && verdict.message).toContain('art. L5211-4-2 du CGCT');
  });
});

describe('entente: every council, outside communes included, no CST required', () => {
  const base = (bodies: DeliberatingBody[]): AdoptionState => ({ instrument: 'entente', bodies, today: TODAY });
  const table: [string, DeliberatingBody[], string, string | null][] = [
    ['two communes (one outside the EPCI) signed', [commune('Mons', 'signataire'), commune('Dehors', 'signataire')], 'adoptee', null],
    ['one council has not ratified', [commune('Mons', 'signataire'), commune('Dehors', 'prevue')], 'en_attente', "ne s'appliquent qu'une fois tous les conseils d'accord"],
    ['one council against', [commune('Mons', 'favorable'), commune('Dehors', 'defavorable'), epci('favorable')], 'bloquee', 'Dehors (défavorable)'],
    ['only one party left', [commune('Mons', 'signataire'), commune('Dehors', 'retiree')], 'en_attente', 'au moins deux parties'],
  ];
  it.each(table)('%s → %s', (_name, bodies, status, text) => {
    expect(adoptionStatus(base(bodies)).status).toBe(status);
    const refusal = enVigueurGate(base(bodies))('en_vigueur');
    if (text === null) expect(refusal).toBe(null);
    else expect(refusal).toContain(text);
  });
});

describe('qualified majority (art. L5211-5 via L5211-17)', () => {
  const rows = (pops: number[], forMask: string) => pops.map((population, i) => ({ population, for: forMask[i] === '1' }));
  const table: [string, number[], string, EpciNature, boolean][] = [
    ['2/3 of councils, more than half the population', [100, 100, 100, 100, 100, 100], '111100', 'CA', true],
    ['exactly 2/3 of 3 councils', [100, 100, 100], '110', 'CA', true],
    ['2/3 of councils but exactly half the population fails (« plus de la moitié »)', [75, 75, 75, 75, 150, 150], '111100', 'CA', false],
    ['half of councils with exactly 2/3 of the population', [140, 130, 130, 70, 65, 65], '111000', 'CA', true],
    ['half of councils with just under 2/3', [140, 130, 129, 70, 66, 65], '111000', 'CA', false],
    ['less than half the councils, however populous', [300, 240, 15, 15, 15, 15], '110000', 'CA', false],
    ['majority without the commune above 1/4 (CA: the largest must agree)', [300, 100, 100, 100, 100, 100], '011111', 'CA', false],
    ['CA: only the largest of the communes above 1/4 is needed', [300, 250, 100, 100, 50], '10111', 'CA', true],
    ['CC: every commune above 1/4 is needed', [300, 250, 100, 100, 50], '10111', 'CC', false],
    ['nobody', [100, 100], '00', 'CA', false],
  ];
  it.each(table)('%s', (_name, pops, mask, nature, reached) => {
    expect(qualifiedMajority(rows(pops, mask), nature).reached).toBe(reached);
  });
});

describe('silence of three months', () => {
  it.each([
    ['2026-08-01', 3, '2026-11-01'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
  ] as [string, number, string][])('%s + %i months = %s', (from, n, to) => expect(addMonths(from, n)).toBe(to));

  it.each([
    ['prevue', '2026-08-01', '2026-11-01', false], // last day of the delay: still open
    ['prevue', '2026-08-01', '2026-11-02', true],
    ['ajournee', '2026-08-01', '2026-11-02', true],
    ['prevue', null, '2027-01-01', false], // never notified: no silence runs
    ['defavorable', '2026-01-01', '2026-11-02', false],
  ] as [DeliberationState, string | null, string, boolean][])('%s notified %s, on %s → %s', (state, notifiedOn, today, deemed) => {
    expect(deemedFavourable(commune('X', state, 100, notifiedOn), today)).toBe(deemed);
  });
});

describe('transfert de compétence: EPCI, qualified majority, silence, CST, arrêté préfectoral', () => {
  const communes = (states: DeliberationState[]) => states.map((s, i) => commune(`C${i + 1}`, s, 100, '2026-08-01'));
  const base = (epciState: DeliberationState, states: DeliberationState[], over: Partial<AdoptionState> = {}): AdoptionState => ({
    instrument: 'transfert_competence',
    bodies: [epci(epciState), ...communes(states)],
    avisCst: CST,
    epciNature: 'CA',
    arretePrefectoralDate: '2026-11-20',
    today: TODAY,
    ...over,
  });
  const table: [string, AdoptionState, string, string | null][] = [
    ['3 for + 1 silent after 3 months = 4/6', base('favorable', ['favorable', 'favorable', 'favorable', 'prevue', 'defavorable', 'defavorable'], { today: '2026-11-02' }), 'adoptee', null],
    ['silence not expired yet: 3/6 and 300/600 inhabitants', base('favorable', ['favorable', 'favorable', 'favorable', 'prevue', 'defavorable', 'defavorable'], { today: '2026-10-15' }), 'en_attente', '3/6 conseils municipaux favorables représentant 300/600 habitants'],
    ['4 against: the majority can no longer be reached', base('favorable', ['favorable', 'favorable', 'defavorable', 'defavorable', 'defavorable', 'defavorable']), 'bloquee', 'Majorité qualifiée non atteinte'],
    ['EPCI has not deliberated', base('prevue', ['favorable', 'favorable', 'favorable', 'favorable', 'favorable', 'favorable']), 'en_attente', "Le conseil communautaire doit d'abord délibérer"],
    ['EPCI against', base('defavorable', ['favorable', 'favorable', 'favorable', 'favorable', 'favorable', 'favorable']), 'bloquee', "Le conseil communautaire doit d'abord délibérer"],
    ['majority reached but no arrêté yet', base('favorable', ['favorable', 'favorable', 'favorable', 'favorable', 'defavorable', 'defavorable'], { arretePrefectoralDate: null }), 'en_attente', 'arrêté préfectoral'],
    ['no CST opinion', base('favorable', ['favorable', 'favorable', 'favorable', 'favorable', 'favorable', 'favorable'], { avisCst: null }), 'en_attente', 'comité social territorial (CST) doit avoir été recueilli (art. L5211-4-1 du CGCT)'],
    ['unknown population', base('favorable', ['favorable', 'favorable'], { bodies: [epci('favorable'), commune('A', 'favorable'), { ...commune('B', 'favorable'), population: null }] }), 'en_attente', 'Population inconnue pour : B'],
  ];
  it.each(table)('%s → %s', (_name, state, status, text) => {
    expect(adoptionStatus(state).status).toBe(status);
    const refusal = enVigueurGate(state)('en_vigueur');
    if (text === null) expect(refusal).toBe(null);
    else expect(refusal).toContain(text);
  });

  it('reports the counts of the majority', () => {
    const s = adoptionStatus(base('favorable', ['favorable', 'prevue', 'favorable', 'favorable', 'defavorable', 'prevue'], { today: '2026-11-02' }));
    expect(s.majority).toEqual({ favourable: 5, councils: 6, favourablePopulation: 500, population: 600, reached: true });
    expect(s.status).toBe('adoptee');
  });
});
