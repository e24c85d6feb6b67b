/**
 * Overview, indicators and overlap matrix of a project's diagnostic: loads the records and hands them to the pure
 * functions of `shared/diagnostic` (which own every rule and formula).
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { computeIndicators, type IndicatorData, type IndicatorsResult } from '../../../shared/diagnostic/indicators.js';
import { buildOverlapMatrix, type OverlapRow } from '../../../shared/diagnostic/overlap.js';
import { BOARD_SECTIONS, declaredComplete, type BoardSection } from '../../../shared/diagnostic/sections.js';
import type { DiagnosticOverviewDto } from '../../../shared/diagnostic/types.js';
import type { Role } from '../../../shared/auth/roles.js';
import type { Category, EquipmentType, UsageUnit, Existence, PoolingWish, Priority } from '../../../shared/diagnostic/vocab.js';
import type { DiagContext } from './diagnostic.context.js';
import { diagnosticRepo } from './diagnostic.repo.js';
import { buildBoard } from './diagnostic.completeness.js';
import { writeChecks, allowed } from './diagnostic.authz.js';

type N = number | null;

/** `GET …/diagnostic`: communes with the viewer's rights, missions, the board and what the viewer may do. */
export function overview(deps: AppDeps, policy: Policy, ctx: DiagContext, user: SessionUser): DiagnosticOverviewDto {
  const projectId = ctx.project.id;
  return {
    projectId,
    territoryId: ctx.project.territoryId,
    notice: diagnosticRepo.notice(deps.db, projectId),
    communes: ctx.communes.map((c) => ({
      ...c,
      canWrite: policy.can(user, 'diagnostic.write', { projectId, communeId: c.id }),
      canValidate: policy.can(user, 'diagnostic.validate', { projectId, communeId: c.id }),
    })),
    missions: ctx.missions,
    board: buildBoard(deps, projectId, ctx.communes.map((c) => c.id)),
    partners: ctx.partners,
    people: ctx.people.map((p) => ({ id: p.id, name: p.name, role: p.role as Role, communeId: p.communeId, partnerId: p.partnerId })),
    can: {
      manageMissions: policy.can(user, 'diagnostic.missions.manage', { projectId }),
      import: policy.can(user, 'diagnostic.import', { projectId }),
      manageConsultations: policy.can(user, 'diagnostic.consultation.manage', { projectId }) || ctx.communes.some((c) => policy.can(user, 'diagnostic.consultation.manage', { projectId, communeId: c.id })),
      readAudit: policy.can(user, 'project.audit.read', { projectId }),
    },
    consultationRights: Object.fromEntries(
      diagnosticRepo.list(deps.db, 'consultations', projectId).map((c) => {
        const communes = c.communeIds as string[];
        const checks = writeChecks('consultations', projectId, 'delete', communes);
        return [c.id, { contribute: policy.can(user, 'diagnostic.consultation.contribute', { projectId, consultationId: c.id }), manage: allowed(policy, user, checks) }];
      }),
    ),
  };
}

/** The raw figures the indicators are computed from. */
export function indicatorData(deps: AppDeps, ctx: DiagContext): IndicatorData {
  const projectId = ctx.project.id;
  const list = (s: Parameters<typeof diagnosticRepo.list>[1]) => diagnosticRepo.list(deps.db, s, projectId);
  const board = buildBoard(deps, projectId, ctx.communes.map((c) => c.id));
  const declared: IndicatorData['declared'] = {};
  for (const row of board) {
    declared[row.communeId] = Object.fromEntries(BOARD_SECTIONS.map((s) => [s, declaredComplete(row.cells[s].status)])) as Record<BoardSection, boolean>;
  }
  return {
    communes: ctx.communes.map((c) => ({ id: c.id, population: c.population })),
    declared,
    finances: list('finances').map((f) => ({ communeId: f.communeId as string, acCents: f.acCents as N, operatingRevenueCents: f.operatingRevenueCents as N, childrenUnder3: f.childrenUnder3 as N })),
    services: list('services').map((s) => ({
      id: s.id,
      communeId: s.communeId as string,
      operatingBudgetCents: s.operatingBudgetCents as N,
      investmentBudgetCents: s.investmentBudgetCents as N,
      investmentYearlyGainCents: s.investmentYearlyGainCents as N,
      cafRevenueCents: s.cafRevenueCents as N,
      otherRevenueCents: s.otherRevenueCents as N,
      usageUnit: s.usageUnit as UsageUnit | null,
    })),
    usages: list('usages').map((u) => ({ serviceId: u.serviceId as string, units: u.units as N })),
    agents: list('agents').map((a) => ({ communeId: a.communeId as string, category: a.category as Category | null, quotitePct: a.quotitePct as N, serviceSharePct: a.serviceSharePct as N, annualCostCents: a.annualCostCents as N })),
    equipments: list('equipements').map((e) => ({ communeId: e.communeId as string, type: e.type as EquipmentType, capacity: e.capacity as N, occupancyPct: e.occupancyPct as N, runningCostCents: e.runningCostCents as N })),
  };
}

export function indicators(deps: AppDeps, ctx: DiagContext): IndicatorsResult {
  return computeIndicators(indicatorData(deps, ctx));
}

export function overlap(deps: AppDeps, ctx: DiagContext): OverlapRow[] {
  const projectId = ctx.project.id;
  return buildOverlapMatrix({
    missions: ctx.missions,
    communes: ctx.communes,
    besoins: diagnosticRepo.list(deps.db, 'besoins', projectId).map((b) => ({
      communeId: b.communeId as string,
      missionKey: b.missionKey as string,
      existing: b.existing as Existence | null,
      unmetNeed: b.unmetNeed as boolean | null,
      poolingWish: b.poolingWish as PoolingWish | null,
      priority: b.priority as Priority | null,
    })),
    services: diagnosticRepo.list(deps.db, 'services', projectId).map((s) => ({ communeId: s.communeId as string, missions: s.missions as string[] | null })),
  });
}

/** Usage flows: units of each commune's services by commune of residence of their users, per usage unit. */
export function usageFlows(deps: AppDeps, ctx: DiagContext) {
  const projectId = ctx.project.id;
  const services = new Map(diagnosticRepo.list(deps.db, 'services', projectId).map((s) => [s.id, s]));
  const flows = new Map<string, { serviceCommuneId: string; residence: string; unit: string | null; units: number }>();
  for (const u of diagnosticRepo.list(deps.db, 'usages', projectId)) {
    const s = services.get(u.serviceId as string);
    if (!s) continue;
    const key = `${s.communeId}|${u.residence}|${s.usageUnit}`;
    const f = flows.get(key) ?? { serviceCommuneId: s.communeId as string, residence: u.residence as string, unit: (s.usageUnit as string | null) ?? null, units: 0 };
    f.units += u.units as number;
    flows.set(key, f);
  }
  return [...flows.values()];
}
