/**
 * The adoption state of the convention (and of each avenant) read from the deliberation rows, and the phase gate
 * that keeps a project out of « En vigueur » until the instrument's rule is met (`enVigueurGate` of
 * `shared/scenarios/adoption.ts`, registered with `registerPhaseGate`).
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import type { DbLike } from '../../db/client.js';
import { projects, territories } from '../../db/schema/index.js';
import type { PhaseGate } from '../../../shared/projects/phases.js';
import { enVigueurGate, type AdoptionStatus } from '../../../shared/scenarios/adoption.js';
import type { DeliberationState } from '../../../shared/scenarios/deliberations.js';
import type { Instrument } from '../../../shared/scenarios/instruments.js';
import { adoptionOf, adoptionStateOf, epciNatureOf, type AdoptionInput, type DeliberationFacts } from '../../../shared/convention/adoption-state.js';
import { conventionRepo, type DeliberationRow } from '../convention/convention.repo.js';

/** A row as the adoption rule reads it. */
export function factsOf(d: DeliberationRow, population: number | null): DeliberationFacts {
  return {
    id: d.id,
    bodyKind: d.bodyKind as DeliberationFacts['bodyKind'],
    communeId: d.communeId,
    name: d.name,
    state: d.state as DeliberationState,
    population,
    notifiedOn: d.notifiedOn,
    cstDate: d.cstDate,
    cstOpinion: d.cstOpinion as DeliberationFacts['cstOpinion'],
  };
}

function epciNature(db: DbLike, projectId: string) {
  const t = db.select({ nature: territories.nature }).from(projects).innerJoin(territories, eq(territories.id, projects.territoryId)).where(eq(projects.id, projectId)).get();
  return t ? epciNatureOf(t.nature) : null;
}

/**
 * The adoption input of the convention (`avenantId` null) or of an avenant; null when the convention was not
 * generated. An avenant's rows are its own parties: withdrawals recorded before it do not concern it.
 */
export function adoptionInput(deps: AppDeps, db: DbLike, projectId: string, avenantId: string | null): AdoptionInput | null {
  const row = conventionRepo.byProject(db, projectId);
  if (!row?.documentId) return null;
  const rows = conventionRepo.deliberations(db, projectId, avenantId).map((r) => factsOf(r.d, r.population));
  return {
    instrument: row.instrument as Instrument,
    rows,
    withdrawn: avenantId ? new Set<string>() : conventionRepo.withdrawnIds(db, projectId),
    epciNature: epciNature(db, projectId),
    arretePrefectoralDate: row.arretePrefectoralDate,
    today: deps.clock.now().toISOString().slice(0, 10),
  };
}

/** Adoption status of the convention or of an avenant (null without a convention). */
export function adoptionFor(deps: AppDeps, projectId: string, avenantId: string | null): AdoptionStatus | null {
  const input = adoptionInput(deps, deps.db, projectId, avenantId);
  return input ? adoptionOf(input) : null;
}

/** What the `en_vigueur` gate says when there is no convention yet. */
export const NO_CONVENTION = 'La convention n’a pas encore été générée : générez-la depuis « Plan & convention », puis enregistrez la délibération de chaque conseil.';

/** The `en_vigueur` gate of a project: closed until the convention is adopted by its instrument's rule. */
export function conventionGate(deps: AppDeps, projectId: string): PhaseGate {
  return (target) => {
    if (target !== 'en_vigueur') return null;
    const input = adoptionInput(deps, deps.db, projectId, null);
    if (!input) return NO_CONVENTION;
    return enVigueurGate(adoptionStateOf(input))(target);
  };
}
