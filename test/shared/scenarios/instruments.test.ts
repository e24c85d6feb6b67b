import { describe, it, expect } from 'vitest';
import { checkScenario, hasBlockingViolation, INSTRUMENTS, INSTRUMENT_DEFS, type ScenarioCheckInput } from '../../../shared/scenarios/instruments.js';

const fpu = { kind: 'epci_fp', fiscalRegime: 'FPU' } as const;
const fa = { kind: 'epci_fp', fiscalRegime: 'FA' } as const;
const syndicat = { kind: 'syndicat' } as const;
const mons = { insee: '01001', name: 'Mons', member: true };
const arly = { insee: '01002', name: 'Arly', member: true };
const dehors = { insee: '38999', name: 'Dehors', member: false };

const base = (over: Partial<ScenarioCheckInput>): ScenarioCheckInput => ({
  instrument: 'service_commun',
  structure: fpu,
  structureIsParty: true,
  communes: [mons, arly],
  ...over,
});

describe('checkScenario: one table row per instrument rule', () => {
  const table: [string, Partial<ScenarioCheckInput>, string[]][] = [
    // service commun
    ['service commun FPU, members, remboursement', { financingMode: 'remboursement' }, []],
    ['service commun FPU, imputation AC', { financingMode: 'imputation_ac' }, []],
    ['service commun FA, remboursement', { structure: fa, financingMode: 'remboursement' }, []],
    ['service commun FA, imputation AC', { structure: fa, financingMode: 'imputation_ac' }, ['ac_deduction_requires_fpu']],
    ['service commun with an outside commune', { communes: [mons, dehors] }, ['commune_not_member']],
    ['service commun carried by a syndicat', { structure: syndicat }, ['structure_not_fiscalite_propre']],
    ['service commun without the EPCI as party', { structureIsParty: false }, ['epci_required']],
    ['service commun without structure', { structure: null, structureIsParty: false }, ['commune_not_member', 'commune_not_member', 'epci_required']],
    ['service commun with a département', { otherParties: [{ kind: 'departement', name: 'Isère' }] }, ['party_kind_not_allowed']],
    ['service commun EPCI + one commune is enough', { communes: [mons] }, []],
    ['service commun EPCI alone', { communes: [] }, ['too_few_parties']],
    ['service commun, same commune twice', { communes: [mons, mons] }, ['duplicate_commune']],
    ['service commun, fiche d’impact not written', { ficheImpact: false }, ['fiche_impact_missing']],
    // mise à disposition
    ['MAD EPCI ↔ members', { instrument: 'mise_a_disposition', financingMode: 'remboursement' }, []],
    ['MAD by a syndicat (any EPCI)', { instrument: 'mise_a_disposition', structure: syndicat }, []],
    ['MAD to an outside commune', { instrument: 'mise_a_disposition', communes: [dehors] }, ['commune_not_member']],
    ['MAD between communes only', { instrument: 'mise_a_disposition', structure: fpu, structureIsParty: false }, ['epci_required']],
    ['MAD financed by AC', { instrument: 'mise_a_disposition', financingMode: 'imputation_ac' }, ['financing_mode_not_allowed']],
    // service unifié
    ['service unifié, communes of the same EPCI', { instrument: 'service_unifie', structureIsParty: false }, []],
    ['service unifié with an outside commune', { instrument: 'service_unifie', communes: [mons, dehors] }, ['commune_not_member']],
    ['service unifié with a département', { instrument: 'service_unifie', otherParties: [{ kind: 'departement', name: 'Isère' }] }, []],
    // entente
    ['entente with an outside commune, no EPCI', { instrument: 'entente', structure: null, structureIsParty: false, communes: [mons, dehors] }, []],
    ['entente with a syndicat mixte', { instrument: 'entente', otherParties: [{ kind: 'syndicat', name: 'SM Eau' }] }, []],
    ['entente with a département', { instrument: 'entente', otherParties: [{ kind: 'departement', name: 'Isère' }] }, ['party_kind_not_allowed']],
    ['entente of a single commune', { instrument: 'entente', structure: null, structureIsParty: false, communes: [dehors] }, ['too_few_parties']],
    ['entente financed by AC', { instrument: 'entente', financingMode: 'imputation_ac' }, ['financing_mode_not_allowed']],
    // convention de prestation
    ['prestation marginal (10 %)', { instrument: 'convention_prestation', prestationSharePct: 10 }, []],
    ['prestation not marginal (35 %)', { instrument: 'convention_prestation', prestationSharePct: 35 }, ['prestation_not_marginal']],
    ['prestation share unknown', { instrument: 'convention_prestation' }, ['prestation_share_unknown']],
    ['prestation with a private party', { instrument: 'convention_prestation', prestationSharePct: 5, otherParties: [{ kind: 'prive', name: 'SARL' }] }, ['party_kind_not_allowed']],
    // groupement de commandes
    ['groupement of public buyers', { instrument: 'groupement_commandes', communes: [mons, dehors], otherParties: [{ kind: 'departement', name: 'Isère' }] }, []],
    ['groupement with a private company', { instrument: 'groupement_commandes', otherParties: [{ kind: 'prive', name: 'SARL' }] }, ['party_kind_not_allowed']],
    // transfert de compétence
    ['transfert FPU with AC', { instrument: 'transfert_competence', financingMode: 'imputation_ac' }, []],
    ['transfert FA with AC', { instrument: 'transfert_competence', structure: fa, financingMode: 'imputation_ac' }, ['ac_deduction_requires_fpu']],
    ['transfert financed by reimbursement', { instrument: 'transfert_competence', financingMode: 'remboursement' }, ['financing_mode_not_allowed']],
    ['transfert of an outside commune', { instrument: 'transfert_competence', communes: [dehors, mons] }, ['commune_not_member']],
  ];
  it.each(table)('%s → %j', (_name, over, codes) => {
    const violations = checkScenario(base(over));
    expect(violations.map((v) => v.code).sort()).toEqual(codes);
    for (const v of violations) expect(v.message.length).toBeGreaterThan(20);
  });

  it('errors block, warnings do not', () => {
    expect(hasBlockingViolation(checkScenario(base({ ficheImpact: false })))).toBe(false);
    expect(hasBlockingViolation(checkScenario(base({ communes: [dehors] })))).toBe(true);
  });

  it('messages explain the rule and cite the article', () => {
    const [v] = checkScenario(base({ communes: [mons, dehors] }));
    expect(v).toMatchObject({ code: 'commune_not_member', field: 'communes[1]', severity: 'error' });
    expect(v.message).toContain('art. L5211-4-2 du CGCT');
    expect(v.message).toContain('Dehors');
    const [ac] = checkScenario(base({ structure: fa, financingMode: 'imputation_ac' }));
    expect(ac.message).toContain('art. 1609 nonies C du code général des impôts');
    const [p] = checkScenario(base({ instrument: 'convention_prestation', prestationSharePct: 35 }));
    expect(p.severity).toBe('warning');
  });
});

describe('instrument table', () => {
  it('describes the 7 instruments with a legal basis, and AC deduction only where the law allows it', () => {
    expect(INSTRUMENTS).toHaveLength(7);
    for (const id of INSTRUMENTS) {
      const def = INSTRUMENT_DEFS[id];
      expect(def.id).toBe(id);
      expect(def.basis.length).toBeGreaterThan(0);
      expect(def.financingModes.length).toBeGreaterThan(0);
    }
    expect(INSTRUMENTS.filter((i) => INSTRUMENT_DEFS[i].financingModes.includes('imputation_ac'))).toEqual(['service_commun', 'transfert_competence']);
    expect(INSTRUMENTS.filter((i) => INSTRUMENT_DEFS[i].communes === 'toutes')).toEqual(['entente', 'convention_prestation', 'groupement_commandes']);
    expect(INSTRUMENT_DEFS.groupement_commandes.basis.every((b) => b.code === 'CCP')).toBe(true);
    expect(INSTRUMENT_DEFS.service_commun.requirements).toMatchObject({ ficheImpact: true, avisCst: true, deliberation: 'epci_et_chaque_commune' });
    expect(INSTRUMENT_DEFS.entente.requirements.deliberation).toBe('chaque_conseil');
    expect(INSTRUMENT_DEFS.transfert_competence.requirements.deliberation).toBe('majorite_qualifiee');
  });
});
