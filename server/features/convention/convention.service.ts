/**
 * Generation of the texts that follow the arbitration — cadre stratégique, convention with its annexes, fiche
 * d'impact — from the retained scenario, through the collaboration service and the editor toolkit only: documents
 * are created from their template, then their sections are pre-filled and the annexes written in one edit each.
 * Regenerating the annexes after a data change replaces only the annex tables (see `annex-blocks.ts`).
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { DbLike } from '../../db/client.js';
import type { Collaboration } from '../../collab/types.js';
import { conflict, unavailable } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { INSTRUMENT_DEFS } from '../../../shared/scenarios/instruments.js';
import type { ScenarioDto } from '../../../shared/scenarios/api.js';
import { applyAnnexes, fillSections, type AnnexApplyResult } from '../../../shared/convention/annex-blocks.js';
import { buildAnnexes } from '../../../shared/convention/annexes.js';
import { conventionBodies } from '../../../shared/convention/convention-text.js';
import { cadreBodies, cadreObjectives, ficheImpactBodies } from '../../../shared/convention/cadre-text.js';
import type { ConventionChange } from '../../../shared/convention/events.js';
import type { SectionBodies } from '../../../shared/convention/convention-text.js';
import type { DocumentKind } from '../../../shared/documents/kinds.js';
import { createDocument } from '../documents/documents.service.js';
import { getProjectOr404 } from '../projects/projects.service.js';
import { getScenario, retainedScenario } from '../scenarios/scenarios.repo.js';
import { actionPlanRepo } from '../action-plan/action-plan.repo.js';
import { newId } from '../../lib/ids.js';
import { assertPerimeterParticipates, loadFacts } from './convention.facts.js';
import { conventionParties, insertDeliberations } from './convention.parties.js';
import { conventionRepo } from './convention.repo.js';

type Ctx = { user: SessionUser; requestId?: string };

/** Transaction origin of generated edits (so clients and the undo manager can tell them apart). */
export const GENERATION_ORIGIN = 'convention-generation';

/** Generations in progress by `projectId:what`: a second click while the first runs gets a 409, not a second document. */
const inFlight = new Set<string>();

/** Runs `fn` unless the same generation is already running for the project. */
async function once<T>(key: string, fn: () => Promise<T>): Promise<T> {
  if (inFlight.has(key)) throw conflict('Une génération est déjà en cours pour ce projet ; patientez quelques secondes.', undefined, 'generation_in_progress');
  inFlight.add(key);
  try {
    return await fn();
  } finally {
    inFlight.delete(key);
  }
}

/** Tells the screens what changed (readers of scenarios: everyone in the project). */
export function announce(deps: AppDeps, projectId: string, by: string, what: ConventionChange): void {
  deps.events.publish(projectId, 'convention.changed', { by, what }, { ability: 'scenario.read' });
}

/** The retained scenario, or 409 when the arbitration has not retained one. */
export function retainedOr409(deps: AppDeps, projectId: string): ScenarioDto {
  getProjectOr404(deps, projectId);
  const s = retainedScenario(deps.db, projectId);
  if (!s) throw conflict('Aucun scénario n’est retenu : l’arbitrage doit d’abord retenir un scénario.', undefined, 'no_retained_scenario');
  return s;
}

/** The scenario the convention was generated from (the texts stay tied to it even if a new arbitration happens). */
export function generatedScenarioOr409(deps: AppDeps, projectId: string): ScenarioDto {
  const row = conventionRepo.byProject(deps.db, projectId);
  const s = row ? getScenario(deps.db, row.scenarioId) : null;
  if (!s) throw conflict('Le scénario d’origine de la convention n’existe plus.', undefined, 'scenario_missing');
  return s;
}

/** Creates a document from its template and pre-fills it (one edit); 503 if the collaboration service fails. */
async function createFilled(deps: AppDeps, collaboration: Collaboration, projectId: string, kind: DocumentKind, title: string, bodies: SectionBodies, extra: ((doc: import('yjs').Doc) => void) | null, ctx: Ctx) {
  const doc = await createDocument(deps, collaboration, projectId, { kind, title: title.slice(0, 200) }, ctx);
  try {
    await collaboration.edit(doc.d.id, (y) => {
      fillSections(y, bodies, GENERATION_ORIGIN);
      extra?.(y);
    });
  } catch (err) {
    deps.logger.error('document pre-fill failed', { documentId: doc.d.id, error: String(err) });
    throw unavailable('Le document a été créé mais n’a pas pu être pré-rempli (service d’édition indisponible) ; complétez-le à la main.');
  }
  return doc.d.id;
}

/** Creates or updates the convention row of the project with what was just generated (inside the caller's transaction). */
function upsertRow(db: DbLike, now: string, projectId: string, scenario: ScenarioDto, patch: Parameters<typeof conventionRepo.update>[2], ctx: Ctx) {
  if (conventionRepo.byProject(db, projectId)) conventionRepo.update(db, projectId, { ...patch, updatedAt: now });
  else conventionRepo.insert(db, { projectId, scenarioId: scenario.id, scenarioTitle: scenario.title, instrument: scenario.instrument, status: 'brouillon', createdAt: now, createdBy: ctx.user.id, updatedAt: now, ...patch });
}

/**
 * The cadre stratégique (objectives, principles, governance) pre-filled from the retained scenario; its objectives
 * also become the action plan's objectives when the plan has none yet. 409 when it already exists.
 */
export function generateCadre(deps: AppDeps, collaboration: Collaboration, projectId: string, ctx: Ctx): Promise<string> {
  return once(`${projectId}:cadre`, () => doGenerateCadre(deps, collaboration, projectId, ctx));
}

async function doGenerateCadre(deps: AppDeps, collaboration: Collaboration, projectId: string, ctx: Ctx): Promise<string> {
  if (conventionRepo.byProject(deps.db, projectId)?.cadreDocumentId) throw conflict('Le cadre stratégique existe déjà : ouvrez-le pour le modifier.', undefined, 'cadre_exists');
  const scenario = retainedOr409(deps, projectId);
  const facts = loadFacts(deps, scenario);
  const documentId = await createFilled(deps, collaboration, projectId, 'cadre_strategique', `Cadre stratégique — ${scenario.title}`, cadreBodies(facts), null, ctx);
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    upsertRow(tx, now, projectId, scenario, { cadreDocumentId: documentId }, ctx);
    if (actionPlanRepo.objectives(tx, projectId).length === 0) {
      cadreObjectives(facts).forEach((o, i) => actionPlanRepo.insertObjective(tx, { id: newId('obj_'), projectId, label: o.label, position: i + 1, createdAt: now, createdBy: ctx.user.id }));
    }
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'convention.cadre_generated', targetType: 'document', targetId: documentId, projectId, after: { scenarioId: scenario.id }, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, 'cadre');
  deps.events.publish(projectId, 'action_plan.changed', { by: ctx.user.id, actionId: null }, { ability: 'scenario.read' });
  return documentId;
}

/**
 * The convention pre-filled from the retained scenario, with its annexes; the fiche d'impact when the instrument
 * requires one; one `prevue` deliberation per deliberating party. 409 when it already exists, when no scenario is
 * retained, or when a commune of the perimeter does not take part in the démarche.
 */
export function generateConvention(deps: AppDeps, collaboration: Collaboration, projectId: string, ctx: Ctx): Promise<void> {
  return once(`${projectId}:convention`, () => doGenerateConvention(deps, collaboration, projectId, ctx));
}

async function doGenerateConvention(deps: AppDeps, collaboration: Collaboration, projectId: string, ctx: Ctx): Promise<void> {
  if (conventionRepo.byProject(deps.db, projectId)?.documentId) throw conflict('La convention existe déjà : ouvrez-la, ou régénérez ses annexes.', undefined, 'convention_exists');
  const scenario = retainedOr409(deps, projectId);
  assertPerimeterParticipates(deps, scenario);
  const facts = loadFacts(deps, scenario);
  const project = getProjectOr404(deps, projectId);
  const annexes = buildAnnexes(facts);
  const documentId = await createFilled(deps, collaboration, projectId, 'convention', `Convention — ${scenario.title}`, conventionBodies(facts), (y) => applyAnnexes(y, annexes, GENERATION_ORIGIN), ctx);
  const fiche = INSTRUMENT_DEFS[scenario.instrument].requirements.ficheImpact
    ? await createFilled(deps, collaboration, projectId, 'fiche_impact', `Fiche d’impact — ${scenario.title}`, ficheImpactBodies(facts), null, ctx)
    : null;
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    upsertRow(tx, now, projectId, scenario, { documentId, ficheImpactDocumentId: fiche, scenarioId: scenario.id, scenarioTitle: scenario.title, instrument: scenario.instrument, annexesGeneratedAt: now }, ctx);
    insertDeliberations(tx, projectId, null, conventionParties(deps, project.territoryId, scenario), now);
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'convention.generated', targetType: 'document', targetId: documentId, projectId, after: { scenarioId: scenario.id, instrument: scenario.instrument, ficheImpactDocumentId: fiche }, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, 'convention');
}

/**
 * Rewrites the annexes of the convention from the current data (diagnostic records, populations, scenario figures):
 * only annex tables that differ are replaced. 409 once the convention is signed: its signed version is frozen, and
 * changes go through an avenant.
 */
export async function regenerateAnnexes(deps: AppDeps, collaboration: Collaboration, projectId: string, ctx: Ctx, mayWrite: (documentId: string) => boolean = () => true): Promise<AnnexApplyResult> {
  const row = conventionRepo.byProject(deps.db, projectId);
  if (!row?.documentId) throw conflict('La convention n’a pas encore été générée.', undefined, 'convention_missing');
  if (row.status === 'signee') throw conflict('La convention est signée : ses annexes ne changent plus ; une adhésion ou une modification passe par un avenant.', undefined, 'convention_signed');
  // A lock (séance in progress) makes the text read-only for everyone but the facilitator: generated edits too.
  if (!mayWrite(row.documentId)) throw conflict('La convention est verrouillée (séance en cours) : seul·e l’animateur·rice peut en régénérer les annexes.', undefined, 'document_locked');
  const facts = loadFacts(deps, generatedScenarioOr409(deps, projectId));
  let result: AnnexApplyResult = { updated: [], inserted: [], unchanged: [] };
  await collaboration.edit(row.documentId, (y) => {
    result = applyAnnexes(y, buildAnnexes(facts), GENERATION_ORIGIN);
  });
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    conventionRepo.update(tx, projectId, { annexesGeneratedAt: now, updatedAt: now });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'convention.annexes_regenerated', targetType: 'document', targetId: row.documentId, projectId, after: result, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, 'annexes');
  return result;
}

/** Records the date of the arrêté préfectoral (transfer of competence). */
export function updateSettings(deps: AppDeps, projectId: string, patch: { arretePrefectoralDate?: string | null }, ctx: Ctx): void {
  const row = conventionRepo.byProject(deps.db, projectId);
  if (!row?.documentId) throw conflict('La convention n’a pas encore été générée.', undefined, 'convention_missing');
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    conventionRepo.update(tx, projectId, { ...patch, updatedAt: now });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'convention.settings_changed', targetType: 'project', targetId: projectId, projectId, before: { arretePrefectoralDate: row.arretePrefectoralDate }, after: patch, requestId: ctx.requestId });
  });
  announce(deps, projectId, ctx.user.id, 'settings');
}
