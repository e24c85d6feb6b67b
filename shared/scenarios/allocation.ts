/**
 * Allocation of a pooled service's yearly cost among the participating communes (clé de répartition).
 *
 * Rules:
 * - Keys: population, usage units by commune of residence, historical cost (what each commune spent before), or a
 *   weighted mix of them whose weights are each in [0, 1] and sum to exactly 1 (six decimals at most).
 * - Shares are computed exactly with integers (BigInt): share_i = total × Σ_k weight_k × value_ik ÷ Σ_j value_jk.
 * - Rounding (largest remainder): every share is floored to the cent, then the cents still missing go one by one to
 *   the communes with the largest fractional parts; ties go to the smaller INSEE code. Contributions therefore add
 *   up exactly to the total, and none is negative.
 * - Missing data is an explicit error (never read as 0); a known 0 (a commune without users) is a valid 0 share.
 * - Ratios (% of the attribution de compensation, % of operating revenue, per inhabitant) are null when the
 *   denominator is unknown or not positive (a negative AC has no meaningful percentage).
 * - Deduction from the AC is refused for FA EPCIs: they pay no AC (art. 1609 nonies C du CGI).
 */
import { round } from '../diagnostic/numbers.js';
import { AC_DEDUCTION_RULE } from './instruments.js';
import { citeRefs, error, warning, type FinancingMode, type FiscalRegime, type Outcome, type Violation } from './types.js';

/** Bases a key can use, alone or weighted. */
export const KEY_BASES = ['population', 'usage', 'cout_historique'] as const;
/** One basis of allocation. */
export type KeyBasis = (typeof KEY_BASES)[number];

/** French labels of the bases, for forms and messages. */
export const KEY_BASIS_LABELS: Record<KeyBasis, string> = {
  population: 'Population',
  usage: "Unités d'usage par commune de résidence",
  cout_historique: 'Coût historique',
};

/** A single basis, or a weighted mix (weights in [0, 1] summing to 1). */
export type AllocationKey = { kind: KeyBasis } | { kind: 'mixte'; weights: Partial<Record<KeyBasis, number>> };

/** A participating commune with the data the keys and ratios read; null = unknown. */
export type AllocationCommune = {
  insee: string;
  name: string;
  population: number | null;
  usageUnits?: number | null;
  historicalCostCents?: number | null;
  /** What the commune spends today on the service (net), to show the delta. */
  currentSpendingCents?: number | null;
  acCents?: number | null;
  operatingRevenueCents?: number | null;
};

/** What to split, how, and how it is financed. */
export type AllocationInput = {
  totalCents: number;
  key: AllocationKey;
  communes: readonly AllocationCommune[];
  financingMode?: FinancingMode | null;
  fiscalRegime?: FiscalRegime | null;
};

/** One commune's line of the tableau de répartition. */
export type CommuneContribution = {
  insee: string;
  name: string;
  contributionCents: number;
  sharePct: number;
  currentSpendingCents: number | null;
  /** Contribution − current spending: positive means the commune pays more than today. */
  deltaCents: number | null;
  costPerInhabitantCents: number | null;
  pctOfAc: number | null;
  pctOfOperatingRevenue: number | null;
  /** AC after deduction, only when financed by imputation on the AC. */
  acAfterCents: number | null;
};

/** The tableau de répartition: contributions add up exactly to `totalCents`. */
export type Allocation = { totalCents: number; key: AllocationKey; financingMode: FinancingMode | null; communes: CommuneContribution[] };

const SCALE_DIGITS = 6;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

/** x × 10⁶ as an exact integer; null when x has more than six decimals or is not a finite non-negative number. */
function scaled(x: number): bigint | null {
  if (!Number.isFinite(x) || x < 0) return null;
  if (Number.isInteger(x)) return BigInt(x) * SCALE;
  const s = x * 10 ** SCALE_DIGITS;
  return Math.abs(s - Math.round(s)) < 1e-6 ? BigInt(Math.round(s)) : null;
}

const FIELD: Record<KeyBasis, 'population' | 'usageUnits' | 'historicalCostCents'> = {
  population: 'population',
  usage: 'usageUnits',
  cout_historique: 'historicalCostCents',
};
const MISSING_CODE: Record<KeyBasis, string> = { population: 'population_missing', usage: 'usage_missing', cout_historique: 'cout_historique_missing' };

/** Weights of the key, scaled to integers summing to 10⁶, or the violations that forbid it. */
function keyWeights(key: AllocationKey): { weights: [KeyBasis, bigint][]; errors: Violation[] } {
  if (key.kind !== 'mixte') return { weights: [[key.kind, SCALE]], errors: [] };
  const weights: [KeyBasis, bigint][] = [];
  const errors: Violation[] = [];
  for (const [basis, w] of Object.entries(key.weights) as [string, number | undefined][]) {
    if (!(KEY_BASES as readonly string[]).includes(basis)) {
      errors.push(error('weight_unknown_basis', `key.weights.${basis}`, `Critère de répartition inconnu : « ${basis} ».`));
      continue;
    }
    const s = w === undefined ? 0n : scaled(w);
    if (s === null || s > SCALE) errors.push(error('weight_invalid', `key.weights.${basis}`, `Le poids du critère « ${KEY_BASIS_LABELS[basis as KeyBasis]} » doit être compris entre 0 et 1 (six décimales au plus).`));
    else if (s > 0n) weights.push([basis as KeyBasis, s]);
  }
  const sum = weights.reduce((a, [, w]) => a + w, 0n);
  if (errors.length === 0 && sum !== SCALE) {
    errors.push(error('weights_sum', 'key.weights', `Les poids de la clé mixte doivent totaliser exactement 1 (100 %) ; ils totalisent ${round(Number(sum) / 10 ** (SCALE_DIGITS - 2), 4)} %.`));
  }
  return { weights, errors };
}

/**
 * Largest-remainder rounding of `total` split as numerators[i] ÷ denominator (Σ numerators = total × denominator):
 * floor each share, then give the missing cents to the largest remainders, ties by ascending `tieKeys`.
 */
export function largestRemainder(total: number, numerators: readonly bigint[], denominator: bigint, tieKeys: readonly string[]): number[] {
  const floors = numerators.map((n) => n / denominator);
  const rems = numerators.map((n) => n % denominator);
  let left = BigInt(total) - floors.reduce((a, b) => a + b, 0n);
  const order = numerators.map((_, i) => i).sort((a, b) => (rems[a] === rems[b] ? tieKeys[a].localeCompare(tieKeys[b]) : rems[a] > rems[b] ? -1 : 1));
  for (const i of order) {
    if (left <= 0n) break;
    floors[i] += 1n;
    left -= 1n;
  }
  return floors.map(Number);
}

const pct = (num: number, den: number | null | undefined) => (den === null || den === undefined || den <= 0 ? null : round((num / den) * 100, 2));

/** Splits `totalCents` among the communes by the key; cents add up exactly (see the module comment). */
export function allocate(input: AllocationInput): Outcome<Allocation> {
  const errors: Violation[] = [];
  const { communes, totalCents } = input;
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) errors.push(error('total_invalid', 'totalCents', 'Le coût à répartir doit être un nombre entier de centimes, positif ou nul.'));
  if (communes.length === 0) errors.push(error('no_communes', 'communes', 'Aucune commune entre qui répartir le coût.'));
  const mode = input.financingMode ?? null;
  if (mode === 'imputation_ac' && !(input.fiscalRegime && AC_DEDUCTION_RULE.regimes.includes(input.fiscalRegime))) {
    errors.push(error('ac_deduction_requires_fpu', 'financingMode', `L'imputation sur l'attribution de compensation est réservée aux EPCI à fiscalité professionnelle unique (FPU) (${citeRefs(AC_DEDUCTION_RULE.basis)}).`));
  }
  const { weights, errors: weightErrors } = keyWeights(input.key);
  errors.push(...weightErrors);

  // Values of each active basis per commune, scaled to integers; missing or invalid values are errors.
  const values = new Map<KeyBasis, bigint[]>();
  for (const [basis] of weights) {
    const column = communes.map((c, i) => {
      const raw = c[FIELD[basis]];
      const v = raw === null || raw === undefined ? null : scaled(raw);
      if (raw === null || raw === undefined) errors.push(error(MISSING_CODE[basis], `communes[${i}].${FIELD[basis]}`, `${c.name} : donnée manquante pour le critère « ${KEY_BASIS_LABELS[basis]} » ; renseignez-la (0 si aucune) avant de répartir.`));
      else if (v === null) errors.push(error('value_invalid', `communes[${i}].${FIELD[basis]}`, `${c.name} : valeur invalide pour le critère « ${KEY_BASIS_LABELS[basis]} » (nombre positif, six décimales au plus).`));
      return v ?? 0n;
    });
    const columnFaulty = errors.some((e) => e.field.endsWith(`.${FIELD[basis]}`));
    if (communes.length > 0 && column.every((v) => v === 0n) && !columnFaulty) {
      errors.push(error('key_total_zero', `key.${basis}`, `Le critère « ${KEY_BASIS_LABELS[basis]} » vaut 0 pour toutes les communes : il ne permet pas de répartir.`));
    }
    values.set(basis, column);
  }
  if (errors.length > 0) return { ok: false, errors };

  // Common denominator: 10⁶ (weights) × Π totals of the bases; numerator_i = total × Σ_k w_k × v_ik × Π_{j≠k} T_j.
  const totals = weights.map(([basis]) => values.get(basis)!.reduce((a, b) => a + b, 0n));
  const product = totals.reduce((a, b) => a * b, 1n);
  const denominator = SCALE * product;
  const numerators = communes.map((_, i) =>
    weights.reduce((acc, [basis, w], k) => acc + BigInt(totalCents) * w * values.get(basis)![i] * (product / totals[k]), 0n),
  );
  const shares = largestRemainder(totalCents, numerators, denominator, communes.map((c) => c.insee));

  const warnings: Violation[] = [];
  const rows = communes.map((c, i): CommuneContribution => {
    const contribution = shares[i];
    const current = c.currentSpendingCents ?? null;
    const ac = c.acCents ?? null;
    const acAfter = mode === 'imputation_ac' && ac !== null ? ac - contribution : null;
    if (mode === 'imputation_ac' && ac === null) warnings.push(warning('ac_unknown', `communes[${i}].acCents`, `${c.name} : attribution de compensation inconnue, l'effet de l'imputation ne peut être chiffré.`));
    if (acAfter !== null && acAfter < 0) warnings.push(warning('ac_becomes_negative', `communes[${i}].acCents`, `${c.name} : après imputation, l'attribution de compensation devient négative ; la commune devra la verser à l'EPCI.`));
    return {
      insee: c.insee,
      name: c.name,
      contributionCents: contribution,
      sharePct: totalCents === 0 ? 0 : round((contribution / totalCents) * 100, 2),
      currentSpendingCents: current,
      deltaCents: current === null ? null : contribution - current,
      costPerInhabitantCents: c.population === null || c.population <= 0 ? null : round(contribution / c.population),
      pctOfAc: pct(contribution, ac),
      pctOfOperatingRevenue: pct(contribution, c.operatingRevenueCents),
      acAfterCents: acAfter,
    };
  });
  return { ok: true, value: { totalCents, key: input.key, financingMode: mode, communes: rows }, warnings };
}

/** Basis of the unit-cost method of the mise à disposition (coût unitaire × unités de fonctionnement). */
export const UNIT_COST_RULE = { basis: [{ code: 'CGCT', article: 'D5211-16' }] as const };

/**
 * Reimbursement by unit cost (mise à disposition, art. D5211-16 du CGCT): each commune pays the unit operating cost
 * (from the comptes administratifs) × the units it used, rounded half away from zero to the cent. Unlike `allocate`,
 * the total is the sum of these amounts, not a preset figure. Missing units are an explicit error.
 */
export function unitCostReimbursement(input: {
  unitCostCents: number;
  communes: readonly { insee: string; name: string; units: number | null }[];
}): Outcome<{ totalCents: number; communes: { insee: string; name: string; units: number; amountCents: number }[] }> {
  const errors: Violation[] = [];
  if (!Number.isFinite(input.unitCostCents) || input.unitCostCents < 0) errors.push(error('unit_cost_invalid', 'unitCostCents', 'Le coût unitaire de fonctionnement doit être un montant positif.'));
  input.communes.forEach((c, i) => {
    if (c.units === null) errors.push(error('usage_missing', `communes[${i}].units`, `${c.name} : nombre d'unités de fonctionnement manquant (${citeRefs(UNIT_COST_RULE.basis)}).`));
    else if (!Number.isFinite(c.units) || c.units < 0) errors.push(error('value_invalid', `communes[${i}].units`, `${c.name} : nombre d'unités invalide.`));
  });
  if (errors.length) return { ok: false, errors };
  const communes = input.communes.map((c) => ({ insee: c.insee, name: c.name, units: c.units!, amountCents: round(input.unitCostCents * c.units!) }));
  return { ok: true, value: { totalCents: communes.reduce((a, c) => a + c.amountCents, 0), communes }, warnings: [] };
}
