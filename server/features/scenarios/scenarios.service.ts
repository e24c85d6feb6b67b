/**
 * Scenarios: create (with its narrative document), edit as a whole (guarded by the revision), present or send back
 * to draft, delete a draft, compare. Legal rules are enforced on every write: a perimeter, carrier or financing
 * mode the instrument forbids is refused (422 with the violations); missing data is accepted and shown.
 * Retained / discarded scenarios are frozen: only the arbitration (scenarios.arbitration.ts) decides them.
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../../lib/audit.js';
import type { ScenarioDetailDto, ScenarioDto, ScenarioInputsDto, ScenarioListDto, ScenarioComparisonDto } from '../../../shared/scenarios/api.js';
import { ruleViolations } from '../../../shared/scenarios/figures.js';
import { compareScenarios } from '../../../shared/scenarios/comparison.js';
import { DECIDED_STATUSES, SCENARIO_STATUS_LABELS, type ScenarioContent, type ScenarioStatus } from '../../../shared/scenarios/model.js';
import type { ScenarioParsedInput } from '../../../shared/scenarios/schemas.js';
import { createDocument, renameDocument, setArchived } from '../documents/documents.service.js';
import { listRounds } from '../rounds/rounds.repo.js';
import { getScenario, listScenarios, scenariosRepo } from './scenarios.repo.js';
import { createFiguresCache } from './scenarios.figures.js';
import { loadScenarioInputs } from './scenarios.inputs.js';
import { currentArbitration } from './scenarios.arbitration.js';

export type Ctx = { user: SessionUser; requestId?: string };

/** Title of a scenario's narrative document. */
export const documentTitle = (title: string) => `Scénario — ${title}`.slice(0, 200);

/** The scenario, or `404 scenario_not_found`. */
export function scenarioOr404(deps: AppDeps, scenarioId: string): ScenarioDto {
  const s = getScenario(deps.db, scenarioId);
  if (!s) throw notFound('Scénario introuvable.', 'scenario_not_found');
  return s;
}

/** The project a scenario belongs to (for the policy), or 404. */
export function projectOfScenario(deps: AppDeps, scenarioId: string): string {
  const row = scenariosRepo.row(deps.db, scenarioId);
  if (!row) throw notFound('Scénario introuvable.', 'scenario_not_found');
  return row.projectId;
}

/**
 * Resolves the input against the project: perimeter communes must be of the project (400), equipment of its
 * diagnostic (400, label and commune copied from it); then the legal rules (422 when one is blocking).
 */
function prepare(input: ScenarioParsedInput, inputs: ScenarioInputsDto): ScenarioContent {
  const communes = new Map(inputs.communes.map((c) => [c.id, c]));
  input.communes.forEach((c, i) => {
    if (!communes.has(c.communeId)) throw badRequest('Une commune du périmètre ne fait pas partie du projet (ou s’en est retirée).', [{ path: `communes.${i}.communeId`, message: 'Commune inconnue du projet.' }], 'commune_not_in_project');
  });
  const equipment = new Map(inputs.equipment.map((e) => [e.id, e]));
  const content: ScenarioContent = {
    ...input,
    managingBody: {
      kind: input.managingBody.kind,
      communeId: input.managingBody.kind === 'commune' ? input.managingBody.communeId : null,
      name:
        input.managingBody.name.trim() ||
        (input.managingBody.kind === 'epci' ? inputs.epci.name : input.managingBody.kind === 'commune' ? (communes.get(input.managingBody.communeId ?? '')?.name ?? '') : ''),
    },
    posts: input.posts.map((p) => ({ ...p, communeId: p.employer === 'commune' ? p.communeId : null })),
    equipment: input.equipment.map((e, i) => {
      const d = equipment.get(e.equipmentId);
      if (!d) throw badRequest('Un équipement choisi ne figure pas au diagnostic du projet.', [{ path: `equipment.${i}.equipmentId`, message: 'Équipement inconnu.' }], 'equipment_unknown');
      return { equipmentId: e.equipmentId, label: d.name, communeId: d.communeId, fate: e.fate, runningCostOverride: e.runningCostOverride };
    }),
    communes: input.communes.map((c) => ({ communeId: c.communeId, overrides: c.overrides })),
  };
  const blocking = ruleViolations(content, inputs).filter((v) => v.severity === 'error');
  if (blocking.length) {
    throw new AppError(422, 'scenario_rules_violated', blocking.map((v) => v.message).join(' '), { violations: blocking });
  }
  return content;
}

const columns = (c: ScenarioContent) => ({
  title: c.title,
  summary: c.summary,
  instrument: c.instrument,
  epciParty: c.epciParty,
  managingBody: c.managingBody,
  communes: c.communes,
  otherParties: c.otherParties,
  posts: c.posts,
  equipment: c.equipment,
  otherRunningCents: c.otherRunningCents,
  oneOffCosts: c.oneOffCosts,
  revenues: c.revenues,
  allocationKey: c.allocationKey,
  usageUnit: c.usageUnit,
  financingMode: c.financingMode,
  prestationSharePct: c.prestationSharePct,
});

/** What the audit keeps of a scenario: the decision-relevant facts, not every line. */
const auditSummary = (s: Pick<ScenarioDto, 'title' | 'status' | 'instrument' | 'financingMode' | 'allocationKey' | 'posts'> & { communes: { communeId: string }[] }) => ({
  title: s.title,
  status: s.status,
  instrument: s.instrument,
  communes: s.communes.map((c) => c.communeId),
  posts: s.posts.length,
  financingMode: s.financingMode,
  allocationKey: s.allocationKey,
});

function publishChanged(deps: AppDeps, s: { id: string; projectId: string; status: ScenarioStatus; revision: number }, by: string) {
  deps.events.publish(s.projectId, 'scenario.changed', { scenarioId: s.id, status: s.status, revision: s.revision, by }, { ability: 'scenario.read' });
}

function assertNotDecided(s: ScenarioDto) {
  if (DECIDED_STATUSES.includes(s.status)) {
    throw conflict(`Ce scénario est ${SCENARIO_STATUS_LABELS[s.status].toLowerCase()} par l’arbitrage : il ne peut plus être modifié ; pour une variante, créez un nouveau scénario.`, undefined, 'scenario_frozen');
  }
}

/** The project's scenarios with their key figures, the arbitration in force and what the viewer may do. */
export function listForProject(deps: AppDeps, policy: Policy, user: SessionUser, projectId: string): ScenarioListDto {
  const cache = createFiguresCache(deps);
  const scenarios = listScenarios(deps.db, projectId).map((s) => {
    const f = cache.figuresOf(s);
    return {
      ...s,
      summaryFigures: {
        yearlyCostCents: f.cost?.projected.yearlyCostCents ?? null,
        netCents: f.cost?.projected.netCents ?? null,
        deltaNetCents: f.cost?.deltaNetCents ?? null,
        netPerInhabitantCents: f.cost?.projected.netPerInhabitantCents ?? null,
        etp: f.cost ? { epci: f.cost.projected.etp.epci, commune: f.cost.projected.etp.commune, total: f.cost.projected.etp.total } : null,
        blocking: f.blocking,
        warnings: f.violations.filter((v) => v.severity === 'warning').length,
      },
    };
  });
  return {
    scenarios,
    can: { write: policy.can(user, 'scenario.write', { projectId }), decide: policy.can(user, 'scenario.decide', { projectId }) },
    arbitration: currentArbitration(deps, projectId),
  };
}

/** One scenario with its figures and the viewer's rights. */
export function detail(deps: AppDeps, policy: Policy, user: SessionUser, scenarioId: string): ScenarioDetailDto {
  const s = scenarioOr404(deps, scenarioId);
  const projectId = s.projectId;
  return {
    ...s,
    figures: createFiguresCache(deps).figuresOf(s),
    can: { write: policy.can(user, 'scenario.write', { projectId }), decide: policy.can(user, 'scenario.decide', { projectId }) },
  };
}

/** Creates a draft scenario and its narrative document (the document first: a scenario never lacks its text). */
export async function createScenario(deps: AppDeps, collaboration: Collaboration, projectId: string, input: ScenarioParsedInput, ctx: Ctx): Promise<ScenarioDto> {
  const content = prepare(input, loadScenarioInputs(deps, projectId));
  const doc = await createDocument(deps, collaboration, projectId, { kind: 'scenario', title: documentTitle(content.title) }, ctx);
  const id = newId('scn_');
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    scenariosRepo.insert(tx, { id, projectId, status: 'brouillon', ...columns(content), documentId: doc.d.id, revision: 1, createdAt: now, createdBy: ctx.user.id, updatedAt: now, updatedBy: ctx.user.id });
    scenariosRepo.addStatusEvent(tx, { scenarioId: id, projectId, fromStatus: null, toStatus: 'brouillon', at: now, byUserId: ctx.user.id, reason: 'Création' });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'scenario.created', targetType: 'scenario', targetId: id, projectId, after: auditSummary({ ...content, status: 'brouillon' }), requestId: ctx.requestId });
  });
  const created = scenarioOr404(deps, id);
  publishChanged(deps, created, ctx.user.id);
  return created;
}

/**
 * The scenario's narrative document, created from the `scenario` template if the scenario has none (the demo
 * scenarios are seeded without, so that the demo project starts with no document). Idempotent.
 */
export async function ensureDocument(deps: AppDeps, collaboration: Collaboration, scenarioId: string, ctx: Ctx): Promise<ScenarioDto> {
  const s = scenarioOr404(deps, scenarioId);
  if (s.documentId) return s;
  const doc = await createDocument(deps, collaboration, s.projectId, { kind: 'scenario', title: documentTitle(s.title) }, ctx);
  if (!scenariosRepo.linkDocument(deps.db, scenarioId, doc.d.id)) {
    // Someone linked one in the meantime: ours is archived, never left dangling.
    setArchived(deps, doc.d.id, true, ctx);
  } else {
    recordAudit(deps.db, { at: deps.clock.now().toISOString(), userId: ctx.user.id, action: 'scenario.document_created', targetType: 'scenario', targetId: scenarioId, projectId: s.projectId, after: { documentId: doc.d.id }, requestId: ctx.requestId });
  }
  const after = scenarioOr404(deps, scenarioId);
  publishChanged(deps, after, ctx.user.id);
  return after;
}

/** Replaces the scenario's content; `409 scenario_stale` when it changed since `revision`, `409 scenario_frozen` once decided. */
export function updateScenario(deps: AppDeps, scenarioId: string, input: ScenarioParsedInput & { revision: number }, ctx: Ctx): ScenarioDto {
  const before = scenarioOr404(deps, scenarioId);
  assertNotDecided(before);
  if (before.revision !== input.revision) throw staleError(before);
  const content = prepare(input, loadScenarioInputs(deps, before.projectId));
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    if (!scenariosRepo.update(tx, scenarioId, input.revision, { ...columns(content), updatedAt: now, updatedBy: ctx.user.id })) throw staleError(before);
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'scenario.updated', targetType: 'scenario', targetId: scenarioId, projectId: before.projectId, before: auditSummary(before), after: auditSummary({ ...content, status: before.status }), requestId: ctx.requestId });
  });
  if (before.title !== content.title && before.documentId) {
    try {
      renameDocument(deps, before.documentId, documentTitle(content.title), ctx);
    } catch (err) {
      // An archived narrative keeps its old title: the scenario itself is saved.
      deps.logger.info('scenario document not renamed', { scenarioId, error: String(err) });
    }
  }
  const after = scenarioOr404(deps, scenarioId);
  publishChanged(deps, after, ctx.user.id);
  return after;
}

function staleError(s: ScenarioDto) {
  return conflict('Ce scénario a été modifié entre-temps par quelqu’un d’autre : rechargez-le pour voir ses changements avant d’enregistrer.', { revision: s.revision }, 'scenario_stale');
}

/**
 * Presents a draft (it must have no blocking problem: the élus debate complete, lawful scenarios) or sends a
 * presented scenario back to draft. Retained / discarded ones only change through the arbitration.
 */
export function setStatus(deps: AppDeps, scenarioId: string, to: 'brouillon' | 'presente', reason: string | undefined, revision: number | undefined, ctx: Ctx): ScenarioDto {
  const s = scenarioOr404(deps, scenarioId);
  assertNotDecided(s);
  if (revision !== undefined && revision !== s.revision) throw staleError(s);
  if (s.status === to) return s;
  if (to === 'presente') {
    const f = createFiguresCache(deps).figuresOf(s);
    const blocking = f.violations.filter((v) => v.severity === 'error');
    if (blocking.length) {
      throw conflict(`Ce scénario ne peut pas être présenté tant qu’il reste des problèmes bloquants : ${blocking.map((v) => v.message).join(' ')}`, { violations: blocking }, 'scenario_not_ready');
    }
  }
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    if (!scenariosRepo.update(tx, scenarioId, s.revision, { status: to, presentedAt: to === 'presente' ? now : s.presentedAt, updatedAt: now, updatedBy: ctx.user.id })) throw staleError(s);
    scenariosRepo.addStatusEvent(tx, { scenarioId, projectId: s.projectId, fromStatus: s.status, toStatus: to, at: now, byUserId: ctx.user.id, reason: reason?.trim() || null });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'scenario.status_changed', targetType: 'scenario', targetId: scenarioId, projectId: s.projectId, before: { status: s.status }, after: { status: to, reason: reason ?? null }, requestId: ctx.requestId });
  });
  const after = scenarioOr404(deps, scenarioId);
  publishChanged(deps, after, ctx.user.id);
  return after;
}

/** Deletes a draft never presented nor put to a round; its narrative document is archived (texts are never destroyed). */
export function deleteScenario(deps: AppDeps, scenarioId: string, ctx: Ctx): void {
  const s = scenarioOr404(deps, scenarioId);
  if (s.status !== 'brouillon' || s.presentedAt) {
    throw conflict('Seul un brouillon jamais présenté peut être supprimé ; un scénario présenté reste dans l’historique (il sera écarté par l’arbitrage).', undefined, 'scenario_not_deletable');
  }
  if (listRounds(deps.db, s.projectId).some((r) => r.scenarioIds.includes(scenarioId))) {
    throw conflict('Ce scénario figure dans un tour de table : il ne peut pas être supprimé.', undefined, 'scenario_in_round');
  }
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    scenariosRepo.remove(tx, scenarioId);
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'scenario.deleted', targetType: 'scenario', targetId: scenarioId, projectId: s.projectId, before: auditSummary(s), requestId: ctx.requestId });
  });
  if (s.documentId) {
    try {
      setArchived(deps, s.documentId, true, ctx);
    } catch (err) {
      deps.logger.info('scenario document not archived', { scenarioId, error: String(err) });
    }
  }
  deps.events.publish(s.projectId, 'scenario.changed', { scenarioId, status: null, revision: null, by: ctx.user.id, deleted: true }, { ability: 'scenario.read' });
}

/** Side-by-side comparison of 2 to 4 scenarios of one project (404 for an id of another project). */
export function compare(deps: AppDeps, projectId: string, ids: string[]): ScenarioComparisonDto {
  const cache = createFiguresCache(deps);
  const list = ids.map((id) => {
    const s = getScenario(deps.db, id);
    if (!s || s.projectId !== projectId) throw notFound('Scénario introuvable dans ce projet.', 'scenario_not_found');
    return { s, f: cache.figuresOf(s) };
  });
  const out = compareScenarios(
    list.map(({ s, f }) => ({
      id: s.id,
      label: s.title,
      instrument: s.instrument,
      // A scenario whose cost model refused its input compares as zero cost with its blocking violations shown.
      cost: f.cost ?? emptyCost(),
      allocation: f.allocation,
      violations: f.violations,
    })),
  );
  if (!out.ok) throw badRequest(out.errors.map((e) => e.message).join(' '), out.errors, 'comparison_invalid');
  return { ...out.value, details: list.map(({ s, f }) => ({ id: s.id, title: s.title, status: s.status, figures: f, equipment: s.equipment })) };
}

function emptyCost() {
  const etp = { epci: 0, commune: 0, total: 0, byCommune: {} };
  return {
    population: null,
    current: { operatingCents: null, revenueCents: null, netCents: null, netPerInhabitantCents: null, byCommune: [] },
    projected: { staffCents: 0, equipmentCents: 0, otherRunningCents: 0, amortisationCents: 0, yearlyCostCents: 0, revenueCents: 0, cafRevenueCents: 0, netCents: 0, netPerInhabitantCents: null, oneOffSeparateCents: 0, etp, equipmentCounts: { conserve: 0, ferme: 0, partage: 0 } },
    deltaNetCents: null,
    gaps: ['Coût non calculable : données du scénario invalides.'],
  };
}
