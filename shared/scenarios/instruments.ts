/**
 * The legal instruments of pooling (domain.md, « Legal instruments »), as data, and the perimeter check of a
 * scenario against its instrument. Rules live in `INSTRUMENTS`; `checkScenario` only reads them, so a change of law
 * is an edit of the table, not of the code. Sources: domain.md (CGCT / code de la commande publique articles).
 */
import { citeRefs, error, warning, type FinancingMode, type FiscalRegime, type LegalRef, type Violation } from './types.js';

/** The legal instruments a scenario may use (domain.md). */
export const INSTRUMENTS = [
  'service_commun',
  'mise_a_disposition',
  'service_unifie',
  'entente',
  'convention_prestation',
  'groupement_commandes',
  'transfert_competence',
] as const;
/** One legal instrument. */
export type Instrument = (typeof INSTRUMENTS)[number];

/** Parties other than communes and the carrying structure. */
export const OTHER_PARTY_KINDS = ['epci_fp', 'syndicat', 'departement', 'autre_public', 'prive'] as const;
/** Kind of a party other than a commune or the carrying structure. */
export type OtherPartyKind = (typeof OTHER_PARTY_KINDS)[number];

/** French labels of the other parties, for messages. */
export const OTHER_PARTY_LABELS: Record<OtherPartyKind, string> = {
  epci_fp: 'autre EPCI à fiscalité propre',
  syndicat: 'syndicat (de communes ou mixte)',
  departement: 'département',
  autre_public: 'autre personne publique',
  prive: 'personne privée',
};

/**
 * How the adoption is decided (see `adoption.ts`):
 * - `epci_et_chaque_commune`: the EPCI council and the council of every participating commune;
 * - `chaque_conseil`: every party's council, effective only once all have ratified (entente);
 * - `majorite_qualifiee`: EPCI council then the qualified majority of member communes, silence = favourable.
 */
export type DeliberationRule = 'epci_et_chaque_commune' | 'chaque_conseil' | 'majorite_qualifiee';

/** One legal instrument. */
export type InstrumentDef = {
  id: Instrument;
  label: string;
  basis: readonly LegalRef[];
  /** Who may take part, as shown to élus. */
  participants: string;
  /**
   * The carrying structure: `epci_fp` must be an EPCI à fiscalité propre and a party; `epci` any EPCI and a party;
   * `optionnelle` none needed (communes may contract among themselves).
   */
  structure: 'epci_fp' | 'epci' | 'optionnelle';
  /** `membres`: only communes member of the carrying structure; `toutes`: outside communes allowed. */
  communes: 'membres' | 'toutes';
  otherParties: readonly OtherPartyKind[];
  requirements: {
    ficheImpact: boolean;
    avisCst: boolean;
    deliberation: DeliberationRule;
    /** The convention must be signed by every party before it applies. */
    signature: boolean;
    /** The decision is pronounced by an arrêté préfectoral (transfer of competence). */
    arretePrefectoral: boolean;
  };
  financingModes: readonly FinancingMode[];
  /** Article requiring the CST opinion, when known (cited in the en vigueur gate). */
  cstBasis?: readonly LegalRef[];
  /** Product heuristic (no legal figure): above this share of the provider's budget, warn that it is not marginal. */
  marginalShareWarnPct?: number;
  notes: readonly string[];
};

const cgct = (article: string): LegalRef => ({ code: 'CGCT', article });

/** The deduction from the attribution de compensation exists only where there is one: FPU EPCIs. */
export const AC_DEDUCTION_RULE = {
  basis: [cgct('L5211-4-2'), { code: 'CGI', article: '1609 nonies C' }] as readonly LegalRef[],
  regimes: ['FPU'] as readonly FiscalRegime[],
};

/** The instruments table: change the law here, not in the code. */
export const INSTRUMENT_DEFS: Record<Instrument, InstrumentDef> = {
  service_commun: {
    id: 'service_commun',
    label: 'Service commun',
    basis: [cgct('L5211-4-2')],
    participants: 'Un EPCI à fiscalité propre et ses communes membres uniquement',
    structure: 'epci_fp',
    communes: 'membres',
    otherParties: [],
    requirements: { ficheImpact: true, avisCst: true, deliberation: 'epci_et_chaque_commune', signature: true, arretePrefectoral: false },
    financingModes: ['remboursement', 'imputation_ac'],
    cstBasis: [cgct('L5211-4-2')],
    notes: [
      "Fiche d'impact annexée à la convention (organisation, conditions de travail, rémunération, droits acquis).",
      "L'imputation sur l'attribution de compensation n'est possible que pour un EPCI à fiscalité professionnelle unique.",
    ],
  },
  mise_a_disposition: {
    id: 'mise_a_disposition',
    label: 'Mise à disposition de services',
    basis: [cgct('L5211-4-1'), cgct('D5211-16')],
    participants: 'Un EPCI et ses communes membres (ascendante ou descendante)',
    structure: 'epci',
    communes: 'membres',
    otherParties: [],
    requirements: { ficheImpact: false, avisCst: true, deliberation: 'epci_et_chaque_commune', signature: true, arretePrefectoral: false },
    financingModes: ['remboursement'],
    cstBasis: [cgct('L5211-4-1')],
    notes: ['Remboursement = coût unitaire de fonctionnement × nombre d’unités de fonctionnement (art. D5211-16 du CGCT).'],
  },
  service_unifie: {
    id: 'service_unifie',
    label: 'Service unifié',
    basis: [cgct('L5111-1-1')],
    participants: 'EPCI, communes membres d’un même EPCI, départements…',
    structure: 'optionnelle',
    communes: 'membres',
    otherParties: ['epci_fp', 'syndicat', 'departement'],
    requirements: { ficheImpact: false, avisCst: true, deliberation: 'chaque_conseil', signature: true, arretePrefectoral: false },
    financingModes: ['remboursement'],
    notes: ['Une des parties porte le service pour le compte des autres.'],
  },
  entente: {
    id: 'entente',
    label: 'Entente intercommunale',
    basis: [cgct('L5221-1'), cgct('L5221-2')],
    participants: 'Toutes communes et EPCI, y compris hors de l’EPCI',
    structure: 'optionnelle',
    communes: 'toutes',
    otherParties: ['epci_fp', 'syndicat'],
    requirements: { ficheImpact: false, avisCst: false, deliberation: 'chaque_conseil', signature: true, arretePrefectoral: false },
    financingModes: ['remboursement'],
    notes: ['Délibérations concordantes : les décisions ne sont exécutoires qu’après ratification par tous les conseils.'],
  },
  convention_prestation: {
    id: 'convention_prestation',
    label: 'Convention de prestation ou de gestion',
    basis: [cgct('L5214-16-1'), cgct('L5216-7-1'), cgct('L5111-1')],
    participants: 'EPCI, communes, tiers possibles',
    structure: 'optionnelle',
    communes: 'toutes',
    otherParties: ['epci_fp', 'syndicat', 'departement', 'autre_public'],
    requirements: { ficheImpact: false, avisCst: false, deliberation: 'chaque_conseil', signature: true, arretePrefectoral: false },
    financingModes: ['remboursement'],
    marginalShareWarnPct: 10,
    notes: ['Doit rester marginale pour le prestataire, faute de quoi les règles de la commande publique s’appliquent.'],
  },
  groupement_commandes: {
    id: 'groupement_commandes',
    label: 'Groupement de commandes',
    basis: [
      { code: 'CCP', article: 'L2113-6' },
      { code: 'CCP', article: 'L2113-7' },
      { code: 'CCP', article: 'L2113-8' },
    ],
    participants: 'Acheteurs publics',
    structure: 'optionnelle',
    communes: 'toutes',
    otherParties: ['epci_fp', 'syndicat', 'departement', 'autre_public'],
    requirements: { ficheImpact: false, avisCst: false, deliberation: 'chaque_conseil', signature: true, arretePrefectoral: false },
    financingModes: ['remboursement'],
    notes: ['Convention constitutive désignant un coordonnateur.'],
  },
  transfert_competence: {
    id: 'transfert_competence',
    label: 'Transfert de compétence (pour comparaison)',
    basis: [cgct('L5211-17'), cgct('L5211-5')],
    participants: "L'EPCI et ses communes membres",
    structure: 'epci',
    communes: 'membres',
    otherParties: [],
    requirements: { ficheImpact: false, avisCst: true, deliberation: 'majorite_qualifiee', signature: false, arretePrefectoral: true },
    // Charges transferred are evaluated by the CLECT and deducted from the AC under FPU; no reimbursement flow.
    financingModes: ['imputation_ac'],
    // The services that carry the transferred competence move to the EPCI after the CST opinion.
    cstBasis: [cgct('L5211-4-1')],
    notes: ['Majorité qualifiée des conseils municipaux ; silence de trois mois = avis favorable ; arrêté préfectoral.'],
  },
};

/** The parts of a scenario the legal check reads. */
export type ScenarioCheckInput = {
  instrument: Instrument;
  /** The intercommunal structure the scenario is built around; null when there is none. */
  structure: { kind: 'epci_fp'; fiscalRegime: FiscalRegime; name?: string } | { kind: 'syndicat'; name?: string } | null;
  /** True when the structure itself is a party to the convention. */
  structureIsParty: boolean;
  /** Participating communes; `member` = member of the structure. */
  communes: readonly { insee: string; name: string; member: boolean }[];
  otherParties?: readonly { kind: OtherPartyKind; name: string }[];
  financingMode?: FinancingMode | null;
  /** Prestation: share (%) of the provider's service budget devoted to the others; null when unknown. */
  prestationSharePct?: number | null;
  /** False when the élus know the fiche d'impact is not written yet; null/undefined when not asked. */
  ficheImpact?: boolean | null;
};

/** Checks the perimeter, parties and financing of a scenario against its instrument; [] when all is well. */
export function checkScenario(input: ScenarioCheckInput): Violation[] {
  const def = INSTRUMENT_DEFS[input.instrument];
  const law = citeRefs(def.basis);
  const out: Violation[] = [];
  const { structure } = input;
  const others = input.otherParties ?? [];

  const parties = (structure && input.structureIsParty ? 1 : 0) + input.communes.length + others.length;
  if (parties < 2) out.push(error('too_few_parties', 'communes', `${def.label} : il faut au moins deux parties (${law}).`));

  const seen = new Set<string>();
  input.communes.forEach((c, i) => {
    if (seen.has(c.insee)) out.push(error('duplicate_commune', `communes[${i}]`, `${c.name} (${c.insee}) figure deux fois dans le périmètre.`));
    seen.add(c.insee);
  });

  if (def.structure !== 'optionnelle') {
    if (!structure || !input.structureIsParty) {
      out.push(error('epci_required', 'structure', `${def.label} : l'EPCI doit être partie (${law}).`));
    } else if (def.structure === 'epci_fp' && structure.kind !== 'epci_fp') {
      out.push(error('structure_not_fiscalite_propre', 'structure', `${def.label} : seul un EPCI à fiscalité propre (FPU ou FA) peut le porter, pas un syndicat (${law}).`));
    }
  }

  if (def.communes === 'membres') {
    input.communes.forEach((c, i) => {
      if (!structure) out.push(error('commune_not_member', `communes[${i}]`, `${def.label} : ${c.name} doit être membre de l'EPCI, qui n'est pas indiqué (${law}).`));
      else if (!c.member) out.push(error('commune_not_member', `communes[${i}]`, `${def.label} : ${c.name} n'est pas membre de l'EPCI ; seules ses communes membres peuvent y participer (${law}). Une entente (art. L5221-1 du CGCT) admet les communes extérieures.`));
    });
  }

  others.forEach((p, i) => {
    if (!def.otherParties.includes(p.kind)) {
      out.push(error('party_kind_not_allowed', `otherParties[${i}]`, `${def.label} : ${p.name} (${OTHER_PARTY_LABELS[p.kind]}) ne peut pas être partie (${law}). Parties admises : « ${def.participants} ».`));
    }
  });

  const mode = input.financingMode ?? null;
  if (mode !== null) {
    if (!def.financingModes.includes(mode)) {
      out.push(error('financing_mode_not_allowed', 'financingMode', `${def.label} : le financement par ${mode === 'imputation_ac' ? "imputation sur l'attribution de compensation" : 'remboursement'} n'est pas prévu (${law}).`));
    } else if (mode === 'imputation_ac' && !(structure?.kind === 'epci_fp' && AC_DEDUCTION_RULE.regimes.includes(structure.fiscalRegime))) {
      out.push(error('ac_deduction_requires_fpu', 'financingMode', `L'imputation sur l'attribution de compensation suppose un EPCI à fiscalité professionnelle unique (FPU) : il n'y a pas d'attribution de compensation en fiscalité additionnelle (${citeRefs(AC_DEDUCTION_RULE.basis)}).`));
    }
  }

  if (def.marginalShareWarnPct !== undefined) {
    const share = input.prestationSharePct ?? null;
    if (share === null) {
      out.push(warning('prestation_share_unknown', 'prestationSharePct', `${def.label} : indiquez la part du service consacrée aux autres parties ; elle doit rester marginale (${law}).`));
    } else if (share > def.marginalShareWarnPct) {
      out.push(warning('prestation_not_marginal', 'prestationSharePct', `${def.label} : ${share} % du service est consacré aux autres parties (seuil d'alerte ${def.marginalShareWarnPct} %) ; au-delà d'une activité marginale, le risque de requalification en marché public est réel (${law}).`));
    }
  }

  if (def.requirements.ficheImpact && input.ficheImpact === false) {
    out.push(warning('fiche_impact_missing', 'ficheImpact', `${def.label} : une fiche d'impact doit être annexée à la convention (${law}).`));
  }
  return out;
}

/** True when the list holds at least one blocking violation. */
export function hasBlockingViolation(violations: readonly Violation[]): boolean {
  return violations.some((v) => v.severity === 'error');
}
