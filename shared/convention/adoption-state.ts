/**
 * From the recorded deliberations to the adoption rule of `shared/scenarios/adoption.ts`: who is a party, the CST
 * opinion, whether everybody has signed (the moment the signed version is frozen).
 *
 * Rules:
 * - A commune that withdrew (retrait recorded) counts as `retiree`, whatever its deliberation says.
 * - The CST opinion is gathered when every party still in the process has a CST date; its sense is « défavorable »
 *   if one of them is (it does not bind, see adoption.ts), « favorable » otherwise.
 * - The convention is signed when every party still in it is « signataire » (or, for an instrument without
 *   signature — the transfer —, favourable).
 */
import { adoptionStatus, type AdoptionState, type AdoptionStatus, type DeliberatingBody, type EpciNature } from '../scenarios/adoption.js';
import { isFavourable, type DeliberationState } from '../scenarios/deliberations.js';
import { INSTRUMENT_DEFS, type Instrument } from '../scenarios/instruments.js';

/** A deliberation row as the rule reads it. */
export type DeliberationFacts = {
  id: string;
  bodyKind: 'epci' | 'commune' | 'autre';
  communeId: string | null;
  name: string;
  state: DeliberationState;
  population: number | null;
  notifiedOn: string | null;
  cstDate: string | null;
  cstOpinion: 'favorable' | 'defavorable' | null;
};

/** The territory's nature code (CC, CA, CU, METRO…) as the qualified majority reads it. */
export function epciNatureOf(nature: string): EpciNature | null {
  const n = nature.toUpperCase();
  if (n === 'CC' || n === 'CA' || n === 'CU') return n;
  return n === 'METRO' || n === 'ME' || n === 'MET' ? 'ME' : null;
}

/** Bodies with withdrawn communes marked `retiree`. */
export function partiesOf(rows: readonly DeliberationFacts[], withdrawn: ReadonlySet<string>): DeliberatingBody[] {
  return rows.map((r) => ({
    id: r.id,
    kind: r.bodyKind,
    name: r.name,
    state: r.communeId && withdrawn.has(r.communeId) ? 'retiree' : r.state,
    population: r.population,
    notifiedOn: r.notifiedOn,
  }));
}

/** The CST opinion gathered from the parties' records, or null while one party still lacks it. */
export function avisCstOf(rows: readonly DeliberationFacts[], bodies: readonly DeliberatingBody[]): AdoptionState['avisCst'] {
  const live = rows.filter((_, i) => bodies[i].state !== 'retiree');
  if (live.length === 0 || live.some((r) => !r.cstDate)) return null;
  const date = live.map((r) => r.cstDate!).sort().at(-1)!;
  return { date, sens: live.some((r) => r.cstOpinion === 'defavorable') ? 'defavorable' : 'favorable' };
}

/** Everything the adoption rule needs. */
export type AdoptionInput = {
  instrument: Instrument;
  rows: readonly DeliberationFacts[];
  withdrawn: ReadonlySet<string>;
  epciNature: EpciNature | null;
  arretePrefectoralDate: string | null;
  today: string;
};

/** The `AdoptionState` of `adoption.ts` built from the deliberation rows. */
export function adoptionStateOf(input: AdoptionInput): AdoptionState {
  const bodies = partiesOf(input.rows, input.withdrawn);
  return {
    instrument: input.instrument,
    bodies,
    avisCst: avisCstOf(input.rows, bodies),
    epciNature: input.epciNature,
    arretePrefectoralDate: input.arretePrefectoralDate,
    today: input.today,
  };
}

/** Adoption status of the convention (or of an avenant) from its deliberations. */
export function adoptionOf(input: AdoptionInput): AdoptionStatus {
  return adoptionStatus(adoptionStateOf(input));
}

/** True when every party still in the process has signed (or, without signature, voted for): freeze time. */
export function fullySigned(instrument: Instrument, bodies: readonly Pick<DeliberatingBody, 'state'>[]): boolean {
  const parties = bodies.filter((b) => b.state !== 'retiree');
  if (parties.length === 0) return false;
  return INSTRUMENT_DEFS[instrument].requirements.signature ? parties.every((b) => b.state === 'signataire') : parties.every((b) => isFavourable(b.state));
}

/** Per-commune state shown on the board: the deliberation state, or « retirée » after a withdrawal. */
export function boardState(row: Pick<DeliberationFacts, 'state' | 'communeId'>, withdrawn: ReadonlySet<string>): DeliberationState {
  return row.communeId && withdrawn.has(row.communeId) ? 'retiree' : row.state;
}
