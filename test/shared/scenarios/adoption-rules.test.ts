/**
 * The adoption rule of the instruments not covered by `adoption.test.ts` (mise à disposition, service unifié,
 * groupement de commandes, prestation) and the « en vigueur » gate they feed, with literal expectations.
 */
import { describe, it, expect } from 'vitest';
import { adoptionStatus, enVigueurGate, type AdoptionState, type DeliberatingBody } from '../../../shared/scenarios/adoption.js';
import type { DeliberationState } from '../../../shared/scenarios/deliberations.js';
import type { Instrument } from '../../../shared/scenarios/instruments.js';
import { PHASES } from '../../../shared/projects/phases.js';

const TODAY = '2027-10-01';
const CST = { date: '2027-05-02', sens: 'favorable' as const };
const body = (id: string, kind: DeliberatingBody['kind'], state: DeliberationState, population = 1000): DeliberatingBody => ({ id, kind, name: id, state, population });
const state = (instrument: Instrument, bodies: DeliberatingBody[], over: Partial<AdoptionState> = {}): AdoptionState => ({ instrument, bodies, avisCst: CST, today: TODAY, ...over });

describe('adoption by instrument', () => {
  const table: [string, AdoptionState, 'adoptee' | 'en_attente' | 'bloquee', string | null][] = [
    ['mise à disposition: all signed, CST consulted', state('mise_a_disposition', [body('CC', 'epci', 'signataire'), body('Fayence', 'commune', 'signataire')]), 'adoptee', null],
    ['mise à disposition: no CST opinion (cites L5211-4-1)', state('mise_a_disposition', [body('CC', 'epci', 'signataire'), body('Fayence', 'commune', 'signataire')], { avisCst: null }), 'en_attente', "Mise à disposition de services : l'avis du comité social territorial (CST) doit avoir été recueilli (art. L5211-4-1 du CGCT) ; un avis défavorable n'empêche pas l'adoption."],
    ['mise à disposition: the EPCI voted against', state('mise_a_disposition', [body('CC', 'epci', 'defavorable'), body('Fayence', 'commune', 'favorable')]), 'bloquee', 'CC (défavorable)'],
    ['service unifié: two communes, no EPCI needed', state('service_unifie', [body('Fayence', 'commune', 'signataire'), body('Seillans', 'commune', 'signataire')]), 'adoptee', null],
    ['service unifié: CST required but no article known', state('service_unifie', [body('Fayence', 'commune', 'signataire'), body('Seillans', 'commune', 'signataire')], { avisCst: null }), 'en_attente', "Service unifié : l'avis du comité social territorial (CST) doit avoir été recueilli ; un avis défavorable n'empêche pas l'adoption."],
    ['groupement de commandes: no CST required', state('groupement_commandes', [body('Fayence', 'commune', 'signataire'), body('Département', 'autre', 'signataire')], { avisCst: null }), 'adoptee', null],
    ['groupement de commandes: adjourned council', state('groupement_commandes', [body('Fayence', 'commune', 'signataire'), body('Département', 'autre', 'ajournee')], { avisCst: null }), 'en_attente', 'Département (non délibéré)'],
    ['prestation: favourable but unsigned', state('convention_prestation', [body('Fayence', 'commune', 'favorable'), body('Seillans', 'commune', 'signataire')], { avisCst: null }), 'en_attente', 'La convention doit être signée par toutes les parties ; manque : Fayence.'],
    ['service commun: every party withdrew but one', state('service_commun', [body('CC', 'epci', 'signataire'), body('Fayence', 'commune', 'retiree')]), 'en_attente', 'il faut au moins deux parties'],
  ];
  it.each(table)('%s', (_name, s, status, text) => {
    expect(adoptionStatus(s).status).toBe(status);
    const refusal = enVigueurGate(s)('en_vigueur');
    if (text === null) expect(refusal).toBe(null);
    else expect(refusal).toContain(text);
  });
});

describe('the gate only ever guards « en vigueur »', () => {
  const blocked = state('service_commun', [body('CC', 'epci', 'defavorable'), body('Fayence', 'commune', 'prevue')], { avisCst: null });
  it.each(PHASES.filter((p) => p !== 'en_vigueur'))('%s is never refused by it', (phase) => {
    expect(enVigueurGate(blocked)(phase)).toBe(null);
  });
  it('lists every missing item, in order, for « en vigueur »', () => {
    const refusal = enVigueurGate(blocked)('en_vigueur')!;
    expect(refusal.indexOf('CC (défavorable)')).toBeGreaterThan(-1);
    expect(refusal.indexOf('CST')).toBeGreaterThan(refusal.indexOf('CC (défavorable)'));
  });
});

describe('transfer of competence: a withdrawn commune is still counted (it concerns every member commune)', () => {
  it('a « retirée » commune counts as not favourable now, but may still deliberate (waiting, not blocked)', () => {
    const s = state('transfert_competence', [body('CC', 'epci', 'favorable'), body('A', 'commune', 'favorable'), body('B', 'commune', 'retiree'), body('C', 'commune', 'retiree')], { epciNature: 'CA', arretePrefectoralDate: '2027-09-01' });
    const out = adoptionStatus(s);
    expect(out.majority).toEqual({ favourable: 1, councils: 3, favourablePopulation: 1000, population: 3000, reached: false });
    expect(out.status).toBe('en_attente');
  });
});
