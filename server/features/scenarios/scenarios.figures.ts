/**
 * Figures of stored scenarios: the diagnostic inputs loaded once per project, then the pure computation of
 * `shared/scenarios/figures.ts`. Other features (rounds, convention) call these rather than re-deriving numbers.
 */
import type { AppDeps } from '../../context.js';
import type { ScenarioDto, ScenarioFiguresDto, ScenarioInputsDto } from '../../../shared/scenarios/api.js';
import { computeScenarioFigures } from '../../../shared/scenarios/figures.js';
import { loadScenarioInputs } from './scenarios.inputs.js';

/** Computes the figures of scenarios of one or several projects, loading each project's diagnostic once. */
export function createFiguresCache(deps: AppDeps) {
  const inputs = new Map<string, ScenarioInputsDto>();
  const inputsOf = (projectId: string) => {
    let i = inputs.get(projectId);
    if (!i) inputs.set(projectId, (i = loadScenarioInputs(deps, projectId)));
    return i;
  };
  return { inputsOf, figuresOf: (s: ScenarioDto): ScenarioFiguresDto => computeScenarioFigures(s, inputsOf(s.projectId)) };
}

/** The figures of one stored scenario (legal check, cost model, allocation and their inputs). */
export function scenarioFigures(deps: AppDeps, scenario: ScenarioDto): ScenarioFiguresDto {
  return createFiguresCache(deps).figuresOf(scenario);
}
