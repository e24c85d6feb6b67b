/**
 * Builds the `ConventionFacts` the generated texts read, from the retained scenario (H3's contract: `ScenarioDto` and
 * its computed figures), the territory, the arbitration and the diagnostic records of the perimeter. The texts and
 * annexes themselves are pure functions in `shared/convention`.
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import { territories } from '../../db/schema/index.js';
import { conflict } from '../../lib/errors.js';
import { DOMAIN_LABELS, type ProjectDomain } from '../../../shared/projects/domains.js';
import type { ScenarioDto } from '../../../shared/scenarios/api.js';
import { computeScenarioFigures } from '../../../shared/scenarios/figures.js';
import { ARBITRATION_BODY_LABELS, type ArbitrationBody } from '../../../shared/scenarios/model.js';
import type { ConventionFacts } from '../../../shared/convention/facts.js';
import { diagnosticRepo } from '../diagnostic/diagnostic.repo.js';
import { loadScenarioInputs } from '../scenarios/scenarios.inputs.js';
import { scenariosRepo } from '../scenarios/scenarios.repo.js';
import { getProjectOr404 } from '../projects/projects.service.js';

type N = number | null;
const num = (x: unknown): N => (typeof x === 'number' ? x : null);
const str = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);

/** « service jeunesse », « service petite enfance et jeunesse ». */
function serviceLabel(domains: readonly string[]): string {
  const labels = domains.map((d) => DOMAIN_LABELS[d as ProjectDomain]?.toLowerCase()).filter(Boolean);
  return labels.length ? `service ${labels.join(' et ')}` : 'service mutualisé';
}

/**
 * The facts of a project for its retained scenario. `joining` adds communes to the perimeter (an avenant of
 * adhesion): the figures are recomputed with them, so the allocation is split anew by the same key.
 */
export function loadFacts(deps: AppDeps, scenario: ScenarioDto, joining: readonly string[] = []): ConventionFacts {
  const project = getProjectOr404(deps, scenario.projectId);
  const territory = deps.db.select().from(territories).where(eq(territories.id, project.territoryId)).get()!;
  const inputs = loadScenarioInputs(deps, project.id);
  const byId = new Map(inputs.communes.map((c) => [c.id, c]));
  const perimeter = [...scenario.communes.map((c) => ({ communeId: c.communeId, overrides: c.overrides })), ...joining.filter((id) => !scenario.communes.some((c) => c.communeId === id)).map((communeId) => ({ communeId, overrides: {} }))];
  const figures = computeScenarioFigures({ ...scenario, communes: perimeter }, inputs);
  const resolved = new Map(figures.communes.map((c) => [c.communeId, c]));
  const ids = new Set(perimeter.map((c) => c.communeId));
  const names = new Map(inputs.communes.map((c) => [c.id, c.name]));
  const list = (s: Parameters<typeof diagnosticRepo.list>[1]) => diagnosticRepo.list(deps.db, s, project.id).filter((r) => ids.has(r.communeId as string));
  const fates = new Map(scenario.equipment.map((e) => [e.equipmentId, e.fate]));
  const missionLabels = new Map(diagnosticRepo.missions(deps.db, project.id).map((m) => [m.key, m.label]));
  const missionKeys = new Set(list('services').flatMap((s) => (s.missions as string[] | null) ?? []));
  const arbitration = scenariosRepo.currentArbitration(deps.db, project.id);

  return {
    project: { title: project.title, serviceLabel: serviceLabel(project.domains) },
    territory: { name: territory.name, siren: territory.siren, nature: territory.nature, fiscalRegime: territory.fiscalRegime },
    scenario: {
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      instrument: scenario.instrument,
      epciParty: scenario.epciParty,
      managingBodyName: scenario.managingBody.name || territory.name,
      financingMode: scenario.financingMode,
      allocationKey: scenario.allocationKey,
      otherParties: scenario.otherParties,
    },
    arbitration: arbitration ? { date: arbitration.decisionDate, bodyLabel: arbitration.bodyLabel || ARBITRATION_BODY_LABELS[arbitration.body as ArbitrationBody] || arbitration.body } : null,
    communes: perimeter.map(({ communeId }) => {
      const c = byId.get(communeId);
      return { id: communeId, insee: c?.insee ?? '', name: c?.name ?? communeId, population: resolved.get(communeId)?.population ?? c?.population ?? null, member: c?.member ?? false };
    }),
    posts: scenario.posts.map((p) => ({ label: p.label, employer: p.employer, communeName: p.communeId ? (names.get(p.communeId) ?? null) : null, category: p.category, count: p.count, etpPerPost: p.etpPerPost })),
    cost: figures.cost,
    allocation: figures.allocation,
    allocationErrors: figures.allocation ? [] : figures.violations.filter((v) => v.severity === 'error' && /^(communes|key|totalCents|financingMode)/.test(v.field)).map((v) => v.message),
    agents: list('agents').map((a) => ({
      communeName: names.get(a.communeId as string) ?? '',
      jobTitle: String(a.jobTitle ?? ''),
      employer: String(a.employer ?? ''),
      cadreEmplois: str(a.cadreEmplois),
      category: str(a.category),
      status: str(a.status),
      quotitePct: num(a.quotitePct),
      serviceSharePct: num(a.serviceSharePct),
    })),
    equipment: list('equipements').map((e) => ({
      communeName: names.get(e.communeId as string) ?? '',
      name: String(e.name ?? ''),
      type: String(e.type ?? ''),
      address: str(e.address),
      capacity: num(e.capacity),
      areaM2: num(e.areaM2),
      runningCostCents: num(e.runningCostCents),
      fate: fates.get(e.id) ?? null,
    })),
    missions: [...missionKeys].map((k) => missionLabels.get(k) ?? k),
    today: deps.clock.now().toISOString().slice(0, 10),
  };
}

/**
 * The perimeter of the retained scenario must be the communes that take part in the démarche: a commune that is
 * only invited or observing cannot deliberate on a convention it is not party to.
 */
export function assertPerimeterParticipates(deps: AppDeps, scenario: ScenarioDto): void {
  const states = new Map(diagnosticRepo.communes(deps.db, scenario.projectId).map((c) => [c.id, c.participation]));
  const outside = scenario.communes.filter((c) => states.get(c.communeId) !== 'participante');
  if (outside.length) {
    throw conflict(
      `${outside.map((c) => c.name).join(', ')} figure${outside.length > 1 ? 'nt' : ''} dans le scénario retenu sans participer à la démarche : passez leur participation à « participante » (ou retirez-les du scénario) avant de générer la convention.`,
      { communeIds: outside.map((c) => c.communeId) },
      'perimeter_not_participating',
    );
  }
}
