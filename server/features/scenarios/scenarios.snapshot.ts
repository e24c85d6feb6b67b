/**
 * Frozen figures of scenarios: what a round keeps when it opens, so that each commune's position is read against
 * the numbers it was shown, even if the scenario changes afterwards.
 */
import type { AppDeps } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import type { ScenarioFiguresSnapshot } from '../../../shared/scenarios/api.js';
import { getScenario } from './scenarios.repo.js';
import { createFiguresCache } from './scenarios.figures.js';

/**
 * JSON-serialisable figures (totals, ETP by employer, per-commune contributions and deltas) of each scenario, in
 * the order of `scenarioIds`. Throws `404 scenario_not_found` for an unknown id, or one of another project when
 * `projectId` is given. Synchronous: it can run inside the caller's transaction.
 */
export function snapshotScenarioFigures(deps: AppDeps, scenarioIds: readonly string[], projectId?: string): ScenarioFiguresSnapshot[] {
  const cache = createFiguresCache(deps);
  const takenAt = deps.clock.now().toISOString();
  return scenarioIds.map((id) => {
    const s = getScenario(deps.db, id);
    if (!s || (projectId !== undefined && s.projectId !== projectId)) throw notFound('Scénario introuvable.', 'scenario_not_found');
    const f = cache.figuresOf(s);
    const alloc = new Map((f.allocation?.communes ?? []).map((c) => [c.insee, c]));
    return {
      scenarioId: s.id,
      title: s.title,
      instrument: s.instrument,
      status: s.status,
      revision: s.revision,
      takenAt,
      totals: {
        currentNetCents: f.cost?.current.netCents ?? null,
        projectedYearlyCents: f.cost?.projected.yearlyCostCents ?? null,
        projectedNetCents: f.cost?.projected.netCents ?? null,
        deltaNetCents: f.cost?.deltaNetCents ?? null,
        netPerInhabitantCents: f.cost?.projected.netPerInhabitantCents ?? null,
        etp: f.cost ? { epci: f.cost.projected.etp.epci, commune: f.cost.projected.etp.commune, total: f.cost.projected.etp.total } : null,
      },
      communes: f.communes.map((c) => {
        const a = alloc.get(c.insee);
        return {
          communeId: c.communeId,
          insee: c.insee,
          name: c.name,
          contributionCents: a?.contributionCents ?? null,
          deltaCents: a?.deltaCents ?? null,
          costPerInhabitantCents: a?.costPerInhabitantCents ?? null,
          pctOfAc: a?.pctOfAc ?? null,
          pctOfOperatingRevenue: a?.pctOfOperatingRevenue ?? null,
        };
      }),
      blocking: f.blocking,
      violations: f.violations,
    };
  });
}
