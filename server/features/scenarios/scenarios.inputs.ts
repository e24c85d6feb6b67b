/**
 * What the diagnostic offers to scenarios (read only): the project's communes with their current spending,
 * finances and population, the equipment, and the usage flows by commune of residence. The rules turning these
 * into figures are in `shared/scenarios/figures.ts`.
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import { territories } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { agentEtp, sumKnown } from '../../../shared/diagnostic/indicators.js';
import { round } from '../../../shared/diagnostic/numbers.js';
import type { ScenarioInputsDto } from '../../../shared/scenarios/api.js';
import type { FiscalRegime } from '../../../shared/scenarios/types.js';
import { diagnosticRepo } from '../diagnostic/diagnostic.repo.js';

type N = number | null;
const num = (x: unknown): N => (typeof x === 'number' ? x : null);

/** Loads the scenario inputs of a project (404 for an unknown project). */
export function loadScenarioInputs(deps: AppDeps, projectId: string): ScenarioInputsDto {
  const project = diagnosticRepo.project(deps.db, projectId);
  if (!project) throw notFound('Projet introuvable.', 'project_not_found');
  const territory = deps.db.select().from(territories).where(eq(territories.id, project.territoryId)).get()!;
  const list = (s: Parameters<typeof diagnosticRepo.list>[1]) => diagnosticRepo.list(deps.db, s, projectId);
  const services = list('services');
  const agents = list('agents');
  const finances = new Map(list('finances').map((f) => [f.communeId as string, f]));

  const communes = diagnosticRepo.communes(deps.db, projectId).map((c) => {
    const own = services.filter((s) => s.communeId === c.id);
    const ownAgents = agents.filter((a) => a.communeId === c.id);
    const fin = finances.get(c.id);
    const etp = sumKnown(ownAgents.map((a) => agentEtp({ quotitePct: num(a.quotitePct), serviceSharePct: num(a.serviceSharePct) })));
    return {
      id: c.id,
      insee: c.inseeCode,
      name: c.name,
      member: c.member,
      participation: c.participation,
      population: c.population,
      // A commune without any service recorded: its spending is unknown, not zero (it may be run by an association).
      currentOperatingCents: own.length ? sumKnown(own.map((s) => num(s.operatingBudgetCents))) : null,
      currentRevenueCents: own.length ? sumKnown(own.flatMap((s) => [num(s.cafRevenueCents), num(s.otherRevenueCents)])) : null,
      acCents: fin ? num(fin.acCents) : null,
      operatingRevenueCents: fin ? num(fin.operatingRevenueCents) : null,
      agentsEtp: etp === null ? null : round(etp, 2),
    };
  });

  const serviceById = new Map(services.map((s) => [s.id, s]));
  const flows = new Map<string, ScenarioInputsDto['usages'][number]>();
  for (const u of list('usages')) {
    const s = serviceById.get(u.serviceId as string);
    if (!s) continue;
    const unit = (s.usageUnit as string | null) ?? null;
    const key = `${s.communeId}|${u.residence}|${unit}`;
    const f = flows.get(key) ?? { serviceCommuneId: s.communeId as string, residence: u.residence as string, unit, units: 0 };
    f.units += u.units as number;
    flows.set(key, f);
  }

  return {
    epci: { name: territory.name, nature: territory.nature, fiscalRegime: territory.fiscalRegime as FiscalRegime },
    communes,
    equipment: list('equipements').map((e) => ({
      id: e.id,
      communeId: e.communeId as string,
      name: e.name as string,
      type: e.type as string,
      capacity: num(e.capacity),
      condition: (e.condition as string | null) ?? null,
      runningCostCents: num(e.runningCostCents),
    })),
    usages: [...flows.values()],
  };
}
