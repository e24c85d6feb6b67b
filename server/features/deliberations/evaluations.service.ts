/**
 * The annual evaluation of a convention in force: a yearly record whose indicators are recomputed from the data of
 * the moment (parties, projected cost, the diagnostic figures the communes keep up to date, the action plan), with
 * the comments and decisions of the review. One per year.
 */
import type { AppDeps, SessionUser } from '../../context.js';
import { newId } from '../../lib/ids.js';
import { conflict, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { computeIndicators, type IndicatorData } from '../../../shared/diagnostic/indicators.js';
import type { Category, EquipmentType, UsageUnit } from '../../../shared/diagnostic/vocab.js';
import { progress } from '../../../shared/convention/action-plan.js';
import { evaluationIndicators, type EvaluationIndicator } from '../../../shared/convention/evaluation.js';
import type { EvaluationDto } from '../../../shared/convention/api.js';
import { totalPopulation } from '../../../shared/convention/facts.js';
import { diagnosticRepo } from '../diagnostic/diagnostic.repo.js';
import { listActions } from '../action-plan/action-plan.service.js';
import { announce, generatedScenarioOr409 } from '../convention/convention.service.js';
import { loadFacts } from '../convention/convention.facts.js';
import { conventionRepo } from '../convention/convention.repo.js';
import { partyCommuneIds } from './membership.service.js';

type Ctx = { user: SessionUser; requestId?: string };
type N = number | null;
const num = (x: unknown): N => (typeof x === 'number' ? x : null);

/** The diagnostic figures of the given communes, as the indicators read them (completeness is not declared here). */
function diagnosticOf(deps: AppDeps, projectId: string, ids: ReadonlySet<string>, populations: Map<string, number | null>): IndicatorData {
  const list = (s: Parameters<typeof diagnosticRepo.list>[1]) => diagnosticRepo.list(deps.db, s, projectId).filter((r) => ids.has(r.communeId as string));
  const services = list('services');
  const serviceIds = new Set(services.map((s) => s.id));
  return {
    communes: [...ids].map((id) => ({ id, population: populations.get(id) ?? null })),
    declared: {},
    finances: list('finances').map((f) => ({ communeId: f.communeId as string, acCents: num(f.acCents), operatingRevenueCents: num(f.operatingRevenueCents), childrenUnder3: num(f.childrenUnder3) })),
    services: services.map((s) => ({ id: s.id, communeId: s.communeId as string, operatingBudgetCents: num(s.operatingBudgetCents), investmentBudgetCents: num(s.investmentBudgetCents), investmentYearlyGainCents: num(s.investmentYearlyGainCents), cafRevenueCents: num(s.cafRevenueCents), otherRevenueCents: num(s.otherRevenueCents), usageUnit: (s.usageUnit as UsageUnit | null) ?? null })),
    usages: diagnosticRepo.list(deps.db, 'usages', projectId).filter((u) => serviceIds.has(u.serviceId as string)).map((u) => ({ serviceId: u.serviceId as string, units: num(u.units) })),
    agents: list('agents').map((a) => ({ communeId: a.communeId as string, category: (a.category as Category | null) ?? null, quotitePct: num(a.quotitePct), serviceSharePct: num(a.serviceSharePct), annualCostCents: num(a.annualCostCents) })),
    equipments: list('equipements').map((e) => ({ communeId: e.communeId as string, type: e.type as EquipmentType, capacity: num(e.capacity), occupancyPct: num(e.occupancyPct), runningCostCents: num(e.runningCostCents) })),
  };
}

/** Recomputes the indicators of the convention today. */
export function computeEvaluation(deps: AppDeps, projectId: string): EvaluationIndicator[] {
  const { own, joined } = partyCommuneIds(deps, projectId);
  const withdrawn = conventionRepo.withdrawnIds(deps.db, projectId);
  const facts = loadFacts(deps, generatedScenarioOr409(deps, projectId), joined);
  const parties = facts.communes.filter((c) => !withdrawn.has(c.id) && (own.includes(c.id) || joined.includes(c.id)));
  const ids = new Set(parties.map((c) => c.id));
  const epci = computeIndicators(diagnosticOf(deps, projectId, ids, new Map(parties.map((c) => [c.id, c.population])))).epci;
  const today = deps.clock.now().toISOString().slice(0, 10);
  return evaluationIndicators({
    parties: parties.length,
    population: totalPopulation(parties),
    projectedNetCents: facts.cost?.projected.netCents ?? null,
    projectedNetPerInhabitantCents: facts.cost?.projected.netPerInhabitantCents ?? null,
    actualNetCents: epci.netCostCents,
    actualEtp: epci.etp,
    equipmentOccupancyPct: epci.averageOccupancyPct,
    plan: progress(listActions(deps, projectId), today),
    withdrawals: withdrawn.size,
    avenants: joined.length,
  });
}

/** The evaluations of a project, by year. */
export function listEvaluations(deps: AppDeps, projectId: string): EvaluationDto[] {
  return conventionRepo.evaluations(deps.db, projectId).map(({ e, byName }) => ({
    id: e.id,
    year: e.year,
    indicators: e.indicators,
    comments: e.comments,
    decisions: e.decisions,
    computedAt: e.computedAt,
    createdAt: e.createdAt,
    createdBy: { id: e.createdBy, name: byName },
    updatedAt: e.updatedAt,
  }));
}

function signedOr409(deps: AppDeps, projectId: string) {
  const row = conventionRepo.byProject(deps.db, projectId);
  if (row?.status !== 'signee') throw conflict('L’évaluation annuelle porte sur une convention signée : la convention ne l’est pas encore.', undefined, 'convention_not_signed');
}

/** Records the evaluation of a year with freshly computed indicators (409 when the year already has one). */
export function createEvaluation(deps: AppDeps, projectId: string, input: { year: number; comments: string; decisions: string[] }, ctx: Ctx): EvaluationDto {
  signedOr409(deps, projectId);
  if (conventionRepo.evaluationOfYear(deps.db, projectId, input.year)) throw conflict(`L’évaluation ${input.year} existe déjà : modifiez-la.`, undefined, 'evaluation_exists');
  const indicators = computeEvaluation(deps, projectId);
  const id = newId('evl_');
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    conventionRepo.insertEvaluation(tx, { id, projectId, year: input.year, indicators, comments: input.comments, decisions: input.decisions, computedAt: now, createdAt: now, createdBy: ctx.user.id, updatedAt: now, updatedBy: ctx.user.id });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'evaluation.created', targetType: 'evaluation', targetId: id, projectId, after: { year: input.year, decisions: input.decisions }, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, 'evaluation');
  return listEvaluations(deps, projectId).find((e) => e.id === id)!;
}

/** Changes the comments or decisions of an evaluation, and recomputes its indicators when asked. */
export function updateEvaluation(deps: AppDeps, projectId: string, evaluationId: string, patch: { comments?: string; decisions?: string[]; recompute?: boolean }, ctx: Ctx): EvaluationDto {
  const before = conventionRepo.evaluation(deps.db, projectId, evaluationId);
  if (!before) throw notFound('Évaluation introuvable.', 'evaluation_not_found');
  const now = deps.clock.now().toISOString();
  const indicators = patch.recompute ? computeEvaluation(deps, projectId) : null;
  deps.db.transaction((tx) => {
    conventionRepo.updateEvaluation(tx, evaluationId, {
      ...(patch.comments !== undefined ? { comments: patch.comments } : {}),
      ...(patch.decisions !== undefined ? { decisions: patch.decisions } : {}),
      ...(indicators ? { indicators, computedAt: now } : {}),
      updatedAt: now,
      updatedBy: ctx.user.id,
    });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'evaluation.updated', targetType: 'evaluation', targetId: evaluationId, projectId, before: { comments: before.comments, decisions: before.decisions }, after: { comments: patch.comments, decisions: patch.decisions, recomputed: !!indicators }, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, 'evaluation');
  return listEvaluations(deps, projectId).find((e) => e.id === evaluationId)!;
}
