/**
 * Cost model of a scenario: what the participating communes spend today on the service versus what the pooled
 * organisation would cost each year.
 *
 * Rules (same conventions as the diagnostic indicators):
 * - Money in integer cents, rounded half away from zero; ETP to 2 decimals.
 * - Missing data stays missing: totals sum the known values and list what is missing in `gaps`; a total with no
 *   known value at all is null. Per-inhabitant ratios divide by the population of the communes whose value and
 *   population are both known.
 * - Current net cost = operating spending − revenues (CAF and others), per commune.
 * - Projected yearly cost = staff (number of posts × ETP per post × loaded cost of a full-time post)
 *   + running costs of equipment kept or shared (closed equipment costs nothing yearly)
 *   + other running costs + yearly amortisation of one-off costs (amount ÷ years).
 *   One-off costs without a duration are shown separately and not added to the yearly cost.
 * - Projected net = projected yearly cost − expected revenues (e.g. CAF funding).
 */
import { round } from '../diagnostic/numbers.js';
import { pooledRatio, sumKnown } from '../diagnostic/indicators.js';
import { error, type Outcome, type Violation } from './types.js';

/** A participating commune's current spending on the service (from the diagnostic). */
export type CurrentCommuneCost = {
  insee: string;
  name: string;
  population: number | null;
  operatingCents: number | null;
  revenueCents: number | null;
};

/** Who employs a post after pooling. */
export type Employer = 'epci' | 'commune';

/** A line of the target organisation chart: identical posts of one employer. */
export type ProjectedPost = {
  label: string;
  employer: Employer;
  /** Employing commune when `employer` is `commune`. */
  communeInsee?: string | null;
  count: number;
  /** Quotité of each post, as a fraction of a full time (0 < etp ≤ 1). */
  etpPerPost: number;
  /** Yearly loaded cost (salary + charges) of one full-time post. */
  loadedCostCents: number;
};

/** What becomes of an existing equipment: kept, closed, or shared between communes. */
export const EQUIPMENT_FATES = ['conserve', 'ferme', 'partage'] as const;
/** Fate of one equipment in a scenario. */
export type EquipmentFate = (typeof EQUIPMENT_FATES)[number];

/** An existing equipment and its fate; only kept and shared ones keep a running cost. */
export type ProjectedEquipment = { id: string; label: string; communeInsee: string; fate: EquipmentFate; runningCostCents: number | null };

/** The target organisation of a scenario. */
export type ProjectedInput = {
  posts: readonly ProjectedPost[];
  equipment: readonly ProjectedEquipment[];
  otherRunningCents?: number;
  /** One-off costs (works, software, moves); `amortisationYears` null = shown separately. */
  oneOffCosts?: readonly { label: string; amountCents: number; amortisationYears: number | null }[];
  revenues?: readonly { label: string; kind: 'caf' | 'autre'; amountCents: number }[];
};

/** Current communes and projected organisation. */
export type CostModelInput = { communes: readonly CurrentCommuneCost[]; projected: ProjectedInput };

/** Current versus projected cost, ETP by employer, equipment counts and gaps. */
export type CostModel = {
  population: number | null;
  current: {
    operatingCents: number | null;
    revenueCents: number | null;
    netCents: number | null;
    netPerInhabitantCents: number | null;
    byCommune: { insee: string; name: string; netCents: number | null; netPerInhabitantCents: number | null }[];
  };
  projected: {
    staffCents: number;
    equipmentCents: number;
    otherRunningCents: number;
    amortisationCents: number;
    yearlyCostCents: number;
    revenueCents: number;
    cafRevenueCents: number;
    netCents: number;
    netPerInhabitantCents: number | null;
    oneOffSeparateCents: number;
    etp: { epci: number; commune: number; total: number; byCommune: Record<string, number> };
    equipmentCounts: Record<EquipmentFate, number>;
  };
  /** Projected net − current net (negative = saving); null when the current cost is unknown. */
  deltaNetCents: number | null;
  /** French descriptions of the data that is missing; totals are then « at least ». */
  gaps: string[];
};

const isCents = (x: number) => Number.isSafeInteger(x) && x >= 0;

function validate(input: CostModelInput): Violation[] {
  const errors: Violation[] = [];
  const insees = new Set(input.communes.map((c) => c.insee));
  const p = input.projected;
  p.posts.forEach((post, i) => {
    const f = `projected.posts[${i}]`;
    if (!Number.isInteger(post.count) || post.count < 0) errors.push(error('post_count_invalid', `${f}.count`, `${post.label} : le nombre de postes doit être un entier positif.`));
    if (!(post.etpPerPost > 0 && post.etpPerPost <= 1)) errors.push(error('post_etp_invalid', `${f}.etpPerPost`, `${post.label} : la quotité d'un poste est comprise entre 0 et 1 ETP.`));
    if (!isCents(post.loadedCostCents)) errors.push(error('post_cost_invalid', `${f}.loadedCostCents`, `${post.label} : le coût chargé doit être un montant positif en centimes.`));
    if (post.employer === 'commune' && !(post.communeInsee && insees.has(post.communeInsee))) {
      errors.push(error('post_commune_unknown', `${f}.communeInsee`, `${post.label} : un poste communal doit indiquer une commune participante.`));
    }
  });
  for (const [list, name] of [[p.oneOffCosts ?? [], 'oneOffCosts'], [p.revenues ?? [], 'revenues']] as const) {
    list.forEach((x, i) => {
      if (!isCents(x.amountCents)) errors.push(error('amount_invalid', `projected.${name}[${i}].amountCents`, `${x.label} : montant positif en centimes attendu.`));
    });
  }
  (p.oneOffCosts ?? []).forEach((x, i) => {
    if (x.amortisationYears !== null && !(Number.isInteger(x.amortisationYears) && x.amortisationYears > 0)) {
      errors.push(error('amortisation_invalid', `projected.oneOffCosts[${i}].amortisationYears`, `${x.label} : la durée d'amortissement est un nombre entier d'années (ou vide).`));
    }
  });
  if (p.otherRunningCents !== undefined && !isCents(p.otherRunningCents)) errors.push(error('amount_invalid', 'projected.otherRunningCents', 'Autres frais de fonctionnement : montant positif en centimes attendu.'));
  return errors;
}

/** Current versus projected yearly cost of a scenario, or the input errors. */
export function costModel(input: CostModelInput): Outcome<CostModel> {
  const errors = validate(input);
  if (errors.length) return { ok: false, errors };
  const gaps: string[] = [];
  const { communes, projected: p } = input;

  const byCommune = communes.map((c) => {
    const net = c.operatingCents === null || c.revenueCents === null ? null : c.operatingCents - c.revenueCents;
    if (c.operatingCents === null) gaps.push(`${c.name} : dépenses de fonctionnement actuelles inconnues.`);
    if (c.revenueCents === null) gaps.push(`${c.name} : recettes actuelles inconnues.`);
    if (c.population === null) gaps.push(`${c.name} : population inconnue.`);
    return { insee: c.insee, name: c.name, pop: c.population, netCents: net, netPerInhabitantCents: net === null || !c.population ? null : round(net / c.population) };
  });
  const currentNet = sumKnown(byCommune.map((c) => c.netCents));
  const population = sumKnown(communes.map((c) => c.population));

  const etp = { epci: 0, commune: 0, total: 0, byCommune: {} as Record<string, number> };
  let staff = 0;
  for (const post of p.posts) {
    const postEtp = post.count * post.etpPerPost;
    staff += round(postEtp * post.loadedCostCents);
    etp[post.employer] += postEtp;
    if (post.employer === 'commune') etp.byCommune[post.communeInsee!] = (etp.byCommune[post.communeInsee!] ?? 0) + postEtp;
  }
  etp.epci = round(etp.epci, 2);
  etp.commune = round(etp.commune, 2);
  etp.total = round(etp.epci + etp.commune, 2);
  for (const k of Object.keys(etp.byCommune)) etp.byCommune[k] = round(etp.byCommune[k], 2);

  const equipmentCounts: Record<EquipmentFate, number> = { conserve: 0, ferme: 0, partage: 0 };
  let equipmentCents = 0;
  for (const e of p.equipment) {
    equipmentCounts[e.fate] += 1;
    if (e.fate === 'ferme') continue; // a closed building no longer costs anything yearly
    if (e.runningCostCents === null) gaps.push(`${e.label} : coût de fonctionnement inconnu.`);
    else equipmentCents += e.runningCostCents;
  }

  const oneOff = p.oneOffCosts ?? [];
  const amortisation = oneOff.reduce((a, x) => a + (x.amortisationYears === null ? 0 : round(x.amountCents / x.amortisationYears)), 0);
  const oneOffSeparate = oneOff.reduce((a, x) => a + (x.amortisationYears === null ? x.amountCents : 0), 0);
  const revenues = p.revenues ?? [];
  const revenueCents = revenues.reduce((a, x) => a + x.amountCents, 0);
  const otherRunning = p.otherRunningCents ?? 0;
  const yearly = staff + equipmentCents + otherRunning + amortisation;
  const net = yearly - revenueCents;
  const pop = population ?? 0;

  return {
    ok: true,
    value: {
      population,
      current: {
        operatingCents: sumKnown(communes.map((c) => c.operatingCents)),
        revenueCents: sumKnown(communes.map((c) => c.revenueCents)),
        netCents: currentNet,
        netPerInhabitantCents: ((x) => (x === null ? null : round(x)))(pooledRatio(byCommune.map((c) => [c.netCents, c.pop]))),
        byCommune: byCommune.map(({ pop: _pop, ...rest }) => rest),
      },
      projected: {
        staffCents: staff,
        equipmentCents,
        otherRunningCents: otherRunning,
        amortisationCents: amortisation,
        yearlyCostCents: yearly,
        revenueCents,
        cafRevenueCents: revenues.filter((r) => r.kind === 'caf').reduce((a, x) => a + x.amountCents, 0),
        netCents: net,
        // The pooled service serves the whole perimeter: divide by the known population of all participants.
        netPerInhabitantCents: pop > 0 ? round(net / pop) : null,
        oneOffSeparateCents: oneOffSeparate,
        etp,
        equipmentCounts,
      },
      deltaNetCents: currentNet === null ? null : net - currentNet,
      gaps,
    },
    warnings: [],
  };
}
