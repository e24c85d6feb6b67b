/**
 * Whether a convention (or a transfer of competence) is adopted, by the deliberation rule of its instrument, and
 * the gate that keeps a project out of « En vigueur » until it is.
 *
 * Rules (see `INSTRUMENT_DEFS[…].requirements` and `QUALIFIED_MAJORITY`):
 * - `epci_et_chaque_commune` (service commun, mise à disposition): the EPCI council and the council of every
 *   participating commune are favourable; one « défavorable » blocks until a new deliberation.
 * - `chaque_conseil` (entente, service unifié, prestation, groupement): every party's council is favourable; the
 *   entente's decisions are effective only once all have ratified.
 * - `majorite_qualifiee` (transfert de compétence): the EPCI council is favourable, then 2/3 of the member communes'
 *   councils representing more than 1/2 of the population, or 1/2 of the councils representing 2/3 of the
 *   population; the majority must include the communes whose population exceeds 1/4 of the total (communauté de
 *   communes) or the most populous one when it exceeds 1/4 (other EPCIs). A commune that has not deliberated within
 *   3 months of the notification is deemed favourable. The transfer is then pronounced by arrêté préfectoral.
 * - Retired communes (state `retiree`) are no longer parties and are ignored, except under a transfer, which
 *   concerns every member commune.
 * - The CST opinion is required where the instrument says so (its content does not bind), and signature by every
 *   party where the instrument is a convention.
 */
import type { Phase, PhaseGate } from '../projects/phases.js';
import { isFavourable, type DeliberationState } from './deliberations.js';
import { INSTRUMENT_DEFS, type Instrument } from './instruments.js';
import { citeRefs, type LegalRef } from './types.js';

/** Qualified majority of the member communes (art. L5211-5 II, applied to transfers by L5211-17), as data. */
export const QUALIFIED_MAJORITY = {
  basis: [{ code: 'CGCT', article: 'L5211-17' }, { code: 'CGCT', article: 'L5211-5' }] as readonly LegalRef[],
  /** [share of councils, share of population, population share is strict (« plus de »)] — either branch suffices. */
  branches: [
    { councils: [2, 3], population: [1, 2], populationStrict: true },
    { councils: [1, 2], population: [2, 3], populationStrict: false },
  ] as const,
  /** Communes above this share of the population must be in the majority (CC: all of them; others: the largest). */
  vetoShare: [1, 4] as const,
  silenceMonths: 3,
};

/** Nature of the EPCI: communauté de communes, d'agglomération, urbaine, métropole (changes the veto clause). */
export type EpciNature = 'CC' | 'CA' | 'CU' | 'ME';

/** A council that must deliberate, with the state of its deliberation. */
export type DeliberatingBody = {
  id: string;
  kind: 'epci' | 'commune' | 'autre';
  name: string;
  state: DeliberationState;
  population?: number | null;
  /** ISO date the EPCI's deliberation was notified to this commune (transfer: starts the 3-month silence). */
  notifiedOn?: string | null;
};

/** Everything the adoption rule needs; built by a service from the deliberation rows. */
export type AdoptionState = {
  instrument: Instrument;
  /** Every council that must deliberate (transfer: the EPCI and all its member communes). */
  bodies: readonly DeliberatingBody[];
  avisCst?: { date: string; sens: 'favorable' | 'defavorable' } | null;
  epciNature?: EpciNature | null;
  arretePrefectoralDate?: string | null;
  /** ISO date of today, for the 3-month silence. */
  today: string;
};

/** Outcome of the adoption rule: adopted, waiting, or blocked (cannot be met without a new deliberation). */
export type AdoptionStatus = {
  status: 'adoptee' | 'en_attente' | 'bloquee';
  /** French sentences of what is still missing or blocking, in the order to address them. */
  missing: string[];
  /** Transfer only: councils and population counted for (silence included) over the totals. */
  majority?: { favourable: number; councils: number; favourablePopulation: number; population: number; reached: boolean };
};

/** ISO date + n months, clamped to the end of a shorter month (30 Nov + 3 months = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** True when the commune has not deliberated and the 3-month delay after notification has expired. */
export function deemedFavourable(body: DeliberatingBody, today: string): boolean {
  if (body.state !== 'prevue' && body.state !== 'ajournee') return false;
  return !!body.notifiedOn && addMonths(body.notifiedOn, QUALIFIED_MAJORITY.silenceMonths) < today;
}

/** The qualified majority of L5211-5 over the given communes, each counted for or not. */
export function qualifiedMajority(communes: readonly { population: number; for: boolean }[], nature: EpciNature | null): { reached: boolean; vetoMissing: number[] } {
  const n = communes.length;
  const pop = communes.reduce((a, c) => a + c.population, 0);
  const forN = communes.filter((c) => c.for).length;
  const forPop = communes.filter((c) => c.for).reduce((a, c) => a + c.population, 0);
  // Integer cross-multiplication: no rounding at the 2/3 and 1/2 boundaries.
  const branch = QUALIFIED_MAJORITY.branches.some(
    (b) => forN * b.councils[1] >= n * b.councils[0] && (b.populationStrict ? forPop * b.population[1] > pop * b.population[0] : forPop * b.population[1] >= pop * b.population[0]),
  );
  const [vn, vd] = QUALIFIED_MAJORITY.vetoShare;
  const big = communes.map((c, i) => ({ ...c, i })).filter((c) => c.population * vd > pop * vn);
  const vetoHolders = nature === 'CC' ? big : big.sort((a, b) => b.population - a.population).slice(0, 1);
  const vetoMissing = vetoHolders.filter((c) => !c.for).map((c) => c.i);
  return { reached: n > 0 && branch && vetoMissing.length === 0, vetoMissing };
}

/** Adoption status of a convention or transfer from the councils' deliberations. */
export function adoptionStatus(state: AdoptionState): AdoptionStatus {
  const def = INSTRUMENT_DEFS[state.instrument];
  const law = citeRefs(def.basis);
  const rule = def.requirements.deliberation;
  const missing: string[] = [];
  let blocked = false;
  const epci = state.bodies.filter((b) => b.kind === 'epci');
  let majority: AdoptionStatus['majority'];

  if (rule === 'majorite_qualifiee') {
    const communes = state.bodies.filter((b) => b.kind === 'commune');
    if (epci.length === 0 || !epci.every((b) => isFavourable(b.state))) {
      if (epci.some((b) => b.state === 'defavorable')) blocked = true;
      missing.push(`Le conseil communautaire doit d'abord délibérer favorablement sur le transfert (${law}).`);
    }
    const unknownPop = communes.filter((c) => c.population === null || c.population === undefined);
    if (unknownPop.length) missing.push(`Population inconnue pour : ${unknownPop.map((c) => c.name).join(', ')} ; la majorité qualifiée ne peut être calculée.`);
    const rows = communes.map((c) => ({ population: c.population ?? 0, for: isFavourable(c.state) || deemedFavourable(c, state.today) }));
    const now = qualifiedMajority(rows, state.epciNature ?? null);
    // Could it still be reached if every commune that has not voted against ended up for?
    const best = qualifiedMajority(communes.map((c, i) => ({ population: rows[i].population, for: rows[i].for || c.state !== 'defavorable' })), state.epciNature ?? null);
    majority = {
      favourable: rows.filter((r) => r.for).length,
      councils: rows.length,
      favourablePopulation: rows.filter((r) => r.for).reduce((a, r) => a + r.population, 0),
      population: rows.reduce((a, r) => a + r.population, 0),
      reached: now.reached && unknownPop.length === 0,
    };
    if (!best.reached) blocked = true;
    if (!majority.reached) {
      const veto = now.vetoMissing.map((i) => communes[i].name);
      missing.push(
        `Majorité qualifiée non atteinte : ${majority.favourable}/${majority.councils} conseils municipaux favorables représentant ${majority.favourablePopulation}/${majority.population} habitants ; il faut 2/3 des conseils représentant plus de la moitié de la population, ou la moitié des conseils représentant les 2/3 de la population${veto.length ? `, avec l'accord de ${veto.join(', ')} (plus du quart de la population)` : ''} ; le silence gardé 3 mois après notification vaut accord (${citeRefs(QUALIFIED_MAJORITY.basis)}).`,
      );
    }
  } else {
    const parties = state.bodies.filter((b) => b.state !== 'retiree');
    if (rule === 'epci_et_chaque_commune' && epci.filter((b) => b.state !== 'retiree').length === 0) {
      missing.push(`${def.label} : le conseil communautaire doit délibérer (${law}).`);
    }
    if (parties.length < 2) missing.push(`${def.label} : il faut au moins deux parties qui délibèrent.`);
    const against = parties.filter((b) => b.state === 'defavorable');
    if (against.length) blocked = true;
    const pending = parties.filter((b) => !isFavourable(b.state));
    if (pending.length) {
      const what = rule === 'chaque_conseil' ? `${def.label} : chaque conseil doit délibérer favorablement ; les décisions ne s'appliquent qu'une fois tous les conseils d'accord` : `${def.label} : le conseil communautaire et le conseil municipal de chaque commune participante doivent délibérer favorablement`;
      missing.push(`${what} (${law}). En attente ou contre : ${pending.map((b) => `${b.name} (${b.state === 'defavorable' ? 'défavorable' : 'non délibéré'})`).join(', ')}.`);
    } else if (def.requirements.signature) {
      const unsigned = parties.filter((b) => b.state !== 'signataire');
      if (unsigned.length) missing.push(`La convention doit être signée par toutes les parties ; manque : ${unsigned.map((b) => b.name).join(', ')}.`);
    }
  }

  if (def.requirements.avisCst && !state.avisCst) {
    const cst = def.cstBasis ? ` (${citeRefs(def.cstBasis)})` : '';
    missing.push(`${def.label} : l'avis du comité social territorial (CST) doit avoir été recueilli${cst} ; un avis défavorable n'empêche pas l'adoption.`);
  }
  if (def.requirements.arretePrefectoral && missing.length === 0 && !state.arretePrefectoralDate) {
    missing.push(`Le transfert est prononcé par arrêté préfectoral : indiquez sa date (${law}).`);
  }
  const status = missing.length === 0 ? 'adoptee' : blocked ? 'bloquee' : 'en_attente';
  return majority ? { status, missing, majority } : { status, missing };
}

/** A `PhaseGate` refusing « En vigueur » until the instrument's adoption rule is met, with the first missing item. */
export function enVigueurGate(state: AdoptionState): PhaseGate {
  return (target: Phase) => {
    if (target !== 'en_vigueur') return null;
    const { missing } = adoptionStatus(state);
    return missing.length === 0 ? null : missing.join(' ');
  };
}
