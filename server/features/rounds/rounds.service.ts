/**
 * Rounds (*tours de table*): drafts, opening (which freezes what is debated), positions of the communes, and the
 * comment guard. Closing, reminders and the synthesis are in `rounds.closing.ts`. The rules themselves are the pure
 * functions of `shared/rounds`; this module loads the facts, applies the verdicts in transactions and tells people.
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { newId } from '../../lib/ids.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { createVersion } from '../versions/versions.service.js';
import { getDocumentOr404 } from '../documents/documents.service.js';
import { listProgramme } from '../programmes/programmes.repo.js';
import type { CommentGuardInput } from '../comments/comments.registry.js';
import { openRound as openRule, checkRoundWritable, ROUND_CLOSED_MESSAGE, type RoundStatus } from '../../../shared/rounds/round.js';
import { recordPosition as positionRule } from '../../../shared/rounds/positions.js';
import type { CreateRoundInput, PositionBody, UpdateRoundInput } from '../../../shared/rounds/api.js';
import { VERSION_LABEL_MAX } from '../../../shared/versions/types.js';
import type { FrozenVersionRef } from '../../db/schema/rounds.js';
import { roundsRepo, roundFromRow, scenarioSnapshotRef, type RoundRow } from './rounds.repo.js';
import { checkScope, toUtc } from './rounds.scope.js';
import { notDraft, refusalError, roundNotFound } from './rounds.errors.js';
import { snapshotScenarioFigures } from '../scenarios/scenarios.snapshot.js';
import { sendDueReminders } from './rounds.closing.js';

type Ctx = { user: SessionUser; requestId?: string };

/** The round row, or `404 round_not_found`. */
export function getRoundOr404(deps: AppDeps, roundId: string): RoundRow {
  const row = roundsRepo.byId(deps.db, roundId);
  if (!row) throw roundNotFound();
  return row;
}

function publishChanged(deps: AppDeps, row: RoundRow) {
  deps.events.publish(row.projectId, 'round.changed', { roundId: row.id, status: row.status as RoundStatus, title: row.title }, { ability: 'round.read' });
}

/** Creates a draft round (nothing frozen, nobody notified until it opens). */
export function createRound(deps: AppDeps, projectId: string, input: CreateRoundInput, ctx: Ctx): RoundRow {
  const opensAt = toUtc(input.opensAt);
  const closesAt = toUtc(input.closesAt);
  const scope = { documentIds: input.documentIds ?? [], scenarioIds: input.scenarioIds ?? [], invitedCommuneIds: input.invitedCommuneIds, opensAt, closesAt };
  checkScope(deps, projectId, scope);
  const now = deps.clock.now().toISOString();
  const id = newId('rnd_');
  deps.db.transaction((tx) => {
    roundsRepo.insert(tx, {
      id,
      projectId,
      title: input.title.trim(),
      question: input.question.trim(),
      status: 'brouillon',
      ...scope,
      partnersMayComment: input.partnersMayComment ?? false,
      frozenVersions: [],
      createdBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'round.created', targetType: 'round', targetId: id, projectId, after: { title: input.title, ...scope }, requestId: ctx.requestId });
  });
  const row = getRoundOr404(deps, id);
  publishChanged(deps, row);
  return row;
}

/** Edits a draft; an open or closed round is a record and answers `409 round_not_draft`. */
export function updateRound(deps: AppDeps, roundId: string, input: UpdateRoundInput, ctx: Ctx): RoundRow {
  const before = getRoundOr404(deps, roundId);
  if (before.status !== 'brouillon') throw notDraft();
  const patch = {
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    ...(input.question !== undefined ? { question: input.question.trim() } : {}),
    ...(input.documentIds !== undefined ? { documentIds: input.documentIds } : {}),
    ...(input.scenarioIds !== undefined ? { scenarioIds: input.scenarioIds } : {}),
    ...(input.invitedCommuneIds !== undefined ? { invitedCommuneIds: input.invitedCommuneIds } : {}),
    ...(input.partnersMayComment !== undefined ? { partnersMayComment: input.partnersMayComment } : {}),
    ...(input.opensAt !== undefined ? { opensAt: toUtc(input.opensAt) } : {}),
    ...(input.closesAt !== undefined ? { closesAt: toUtc(input.closesAt) } : {}),
  };
  checkScope(deps, before.projectId, { ...patch, opensAt: patch.opensAt ?? before.opensAt, closesAt: patch.closesAt ?? before.closesAt });
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    if (!roundsRepo.transition(tx, roundId, 'brouillon', { ...patch, updatedAt: now })) throw notDraft();
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'round.updated', targetType: 'round', targetId: roundId, projectId: before.projectId, after: patch, requestId: ctx.requestId });
  });
  const row = getRoundOr404(deps, roundId);
  publishChanged(deps, row);
  return row;
}

/** Deletes a draft (nothing was frozen or answered yet). */
export function deleteRound(deps: AppDeps, roundId: string, ctx: Ctx): void {
  const before = getRoundOr404(deps, roundId);
  if (before.status !== 'brouillon') throw notDraft();
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    if (!roundsRepo.transition(tx, roundId, 'brouillon', { updatedAt: now })) throw notDraft();
    roundsRepo.delete(tx, roundId);
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'round.deleted', targetType: 'round', targetId: roundId, projectId: before.projectId, before: { title: before.title }, requestId: ctx.requestId });
  });
  deps.events.publish(before.projectId, 'round.changed', { roundId, status: 'supprime', title: before.title }, { ability: 'round.read' });
}

/**
 * Opens a draft: a named version of each document in scope (« Tour de table — titre (ouverture) ») and a snapshot
 * of the scenarios' figures are taken first, then the round flips to `ouvert` with their ids. The rules are checked
 * once before freezing (so a refused opening creates no version) and again with the frozen ids; a concurrent second
 * opening loses the compare-and-set and gets 409 (its versions stay, as harmless named versions).
 */
export async function openRound(deps: AppDeps, collaboration: Collaboration, roundId: string, ctx: Ctx): Promise<RoundRow> {
  const row = getRoundOr404(deps, roundId);
  const nowAtStart = deps.clock.now().toISOString();
  const precheck = openRule(roundFromRow(row), { actorMayControl: true, frozenVersionIds: ['…'], now: nowAtStart });
  if (!precheck.ok) throw refusalError(precheck);
  if (row.documentIds.length === 0 && row.scenarioIds.length === 0) {
    throw conflict('L’ouverture fige les textes débattus : choisissez au moins un document ou un scénario.', undefined, 'nothing_frozen');
  }
  checkScope(deps, row.projectId, { documentIds: row.documentIds, scenarioIds: row.scenarioIds, invitedCommuneIds: row.invitedCommuneIds });

  const label = `Tour de table — ${row.title}`.slice(0, VERSION_LABEL_MAX - ' (ouverture)'.length) + ' (ouverture)';
  const frozenVersions: FrozenVersionRef[] = [];
  for (const documentId of row.documentIds) {
    const title = getDocumentOr404(deps, documentId).d.title;
    const version = await createVersion(deps, collaboration, documentId, label, ctx);
    frozenVersions.push({ documentId, versionId: version.id, title, label });
  }
  const scenarioSnapshot = row.scenarioIds.length > 0 ? snapshotScenarioFigures(deps, row.scenarioIds, row.projectId) : null;

  const now = deps.clock.now().toISOString();
  const frozenIds = [...frozenVersions.map((v) => v.versionId), ...(scenarioSnapshot !== null ? [scenarioSnapshotRef(row.id)] : [])];
  const verdict = openRule(roundFromRow(row), { actorMayControl: true, frozenVersionIds: frozenIds, now });
  if (!verdict.ok) throw refusalError(verdict);
  deps.db.transaction((tx) => {
    const opened = roundsRepo.transition(tx, roundId, 'brouillon', { status: 'ouvert', openedAt: now, openedBy: ctx.user.id, frozenVersions, scenarioSnapshot, updatedAt: now });
    if (!opened) throw conflict('Le tour de table vient d’être ouvert par quelqu’un d’autre.', undefined, 'invalid_transition');
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'round.opened', targetType: 'round', targetId: roundId, projectId: row.projectId, after: { frozenVersions: frozenVersions.map((v) => v.versionId), scenarios: row.scenarioIds, invitedCommuneIds: row.invitedCommuneIds }, requestId: ctx.requestId });
  });
  const opened = getRoundOr404(deps, roundId);
  publishChanged(deps, opened);
  // The « tour de table ouvert » notifications are the `ouverture` reminders: sent now if the round starts now.
  sendDueReminders(deps, opened);
  return opened;
}

/**
 * Records (or replaces) a commune's position. The route checked `round.position.set` for this commune; the rules
 * (round open, commune invited, élu·e of that commune, motivation and conditions, one impact per programme action)
 * are the pure `recordPosition`, evaluated inside the transaction so the closing job cannot slip in between.
 */
export function setPosition(deps: AppDeps, roundId: string, communeId: string, body: PositionBody, ctx: Ctx) {
  let previous: string | null = null;
  const projectId = getRoundOr404(deps, roundId).projectId;
  deps.db.transaction((tx) => {
    const row = roundsRepo.byId(tx, roundId);
    if (!row) throw roundNotFound();
    const now = deps.clock.now().toISOString();
    const programmeActionIds = listProgramme(tx, row.projectId, communeId).map((a) => a.id);
    const verdict = positionRule({
      round: roundFromRow(row),
      actor: { id: ctx.user.id, role: ctx.user.role, communeId: ctx.user.communeId },
      input: { communeId, kind: body.kind, motivation: body.motivation, conditions: body.conditions ?? [], actionImpacts: body.actionImpacts ?? [] },
      programmeActionIds,
      now,
    });
    if (!verdict.ok) throw refusalError(verdict);
    previous = roundsRepo.position(tx, roundId, communeId)?.kind ?? null;
    const p = verdict.position;
    roundsRepo.upsertPosition(tx, { roundId, communeId, kind: p.kind, motivation: p.motivation, conditions: p.conditions, actionImpacts: p.actionImpacts, authorId: p.authorId, recordedAt: p.recordedAt });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'round.position_recorded', targetType: 'round', targetId: roundId, projectId: row.projectId, before: previous ? { communeId, kind: previous } : null, after: { communeId, kind: p.kind, conditions: p.conditions.length, actionImpacts: p.actionImpacts }, requestId: ctx.requestId });
  });
  deps.events.publish(projectId, 'round.position_recorded', { roundId, communeId }, { ability: 'round.read' });
  return roundsRepo.position(deps.db, roundId, communeId)!;
}

/**
 * Comment guard registered with the comments feature: a comment or reply attached to a round is refused when the
 * round is not open (409, `ROUND_CLOSED_MESSAGE` once closed) and, for partners, when the round does not let them
 * comment (403). Comments without a round are not this feature's business.
 */
export function roundCommentGuard(deps: AppDeps, input: CommentGuardInput): void {
  if (!input.roundId) return;
  const row = roundsRepo.byId(deps.db, input.roundId);
  if (!row || row.projectId !== input.projectId) throw notFound('Tour de table introuvable dans ce projet.', 'round_not_found');
  const writable = checkRoundWritable(roundFromRow(row), deps.clock.now().toISOString());
  if (!writable.ok) throw conflict(writable.code === 'round_closed' ? ROUND_CLOSED_MESSAGE : writable.message, undefined, writable.code);
  if (input.user.role === 'partenaire' && !row.partnersMayComment) {
    throw forbidden('Les partenaires ne sont pas invités à commenter ce tour de table.', 'partners_not_invited');
  }
}

/** What the signed-in user may do on a round page (the client hides controls accordingly; the server still checks). */
export function viewerRights(deps: AppDeps, policy: Policy, row: RoundRow, user: SessionUser) {
  const canManage = policy.can(user, 'round.manage', { projectId: row.projectId });
  const communeId = user.communeId ?? null;
  const positionCommuneId =
    communeId && row.invitedCommuneIds.includes(communeId) && policy.can(user, 'round.position.set', { projectId: row.projectId, communeId }) ? communeId : null;
  const open = checkRoundWritable(roundFromRow(row), deps.clock.now().toISOString()).ok;
  const canComment = open && policy.can(user, 'comment.create', { projectId: row.projectId }) && (user.role !== 'partenaire' || row.partnersMayComment);
  return { canManage, positionCommuneId, canComment };
}
