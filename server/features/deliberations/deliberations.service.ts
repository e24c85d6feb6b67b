/**
 * Each council's deliberation on the convention or on an avenant: the board (per-commune state and the overall
 * status by the instrument's rule), state moves checked by the pure machine of `shared/scenarios/deliberations.ts`
 * (with votes, meeting date, CST opinion), corrections of details, history, audit, live events, a notification to
 * the facilitator, and the freeze of the signed version once every party has signed.
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { checkDeliberationMove, DELIBERATION_MOVES, DELIBERATION_STATE_LABELS, type DeliberationState } from '../../../shared/scenarios/deliberations.js';
import { INSTRUMENT_DEFS, type Instrument } from '../../../shared/scenarios/instruments.js';
import { adoptionOf, boardState } from '../../../shared/convention/adoption-state.js';
import type { DeliberationDto, DeliberationsBoardDto } from '../../../shared/convention/api.js';
import type { DeliberationDetailsInput, DeliberationMoveInput } from '../../../shared/convention/schemas.js';
import { notify } from '../notifications/notify.js';
import { getProjectOr404 } from '../projects/projects.service.js';
import { conventionRepo, type DeliberationRow } from '../convention/convention.repo.js';
import { adoptionInput } from './deliberations.state.js';
import { adoptAvenantIfSigned, freezeConventionIfSigned } from './deliberations.freeze.js';

type Ctx = { user: SessionUser; requestId?: string };

/** The deliberation, or 404. */
export function deliberationOr404(deps: AppDeps, projectId: string, deliberationId: string): DeliberationRow {
  const row = conventionRepo.deliberation(deps.db, projectId, deliberationId);
  if (!row) throw notFound('Délibération introuvable.', 'deliberation_not_found');
  return row;
}

/** The resource `deliberation.record` is checked on: the commune of the council, if it is a commune's. */
export const recordResource = (projectId: string, row: DeliberationRow) => ({ projectId, ...(row.communeId ? { communeId: row.communeId } : {}) });

/** Why a deliberation cannot change any more (signed convention, adopted avenant, withdrawn commune), or null. */
function frozenReason(deps: AppDeps, projectId: string, row: DeliberationRow, withdrawn: ReadonlySet<string>): string | null {
  if (row.avenantId) {
    return conventionRepo.avenant(deps.db, projectId, row.avenantId)?.status === 'adopte' ? 'L’avenant est adopté : ses délibérations ne changent plus.' : null;
  }
  if (conventionRepo.byProject(deps.db, projectId)?.status === 'signee') return 'La convention est signée : ses délibérations ne changent plus ; une adhésion passe par un avenant, une sortie par un retrait.';
  if (row.communeId && withdrawn.has(row.communeId)) return 'Cette commune s’est retirée de la démarche : sa délibération ne change plus.';
  return null;
}

function present(row: DeliberationRow, withdrawn: ReadonlySet<string>, canRecord: boolean, frozen: boolean): DeliberationDto {
  const state = row.state as DeliberationState;
  const votes = row.votesFor === null || row.votesAgainst === null || row.votesAbstention === null
    ? null
    : { pour: row.votesFor, contre: row.votesAgainst, abstention: row.votesAbstention, membresEnExercice: row.membersInOffice, voixPreponderantePour: !!row.castingVoteFor };
  return {
    id: row.id,
    avenantId: row.avenantId,
    bodyKind: row.bodyKind as DeliberationDto['bodyKind'],
    communeId: row.communeId,
    name: row.name,
    body: row.body,
    state,
    boardState: boardState({ state, communeId: row.communeId }, withdrawn),
    number: row.number,
    date: row.date,
    votes,
    result: row.result as DeliberationDto['result'],
    cstDate: row.cstDate,
    cstOpinion: row.cstOpinion as DeliberationDto['cstOpinion'],
    notifiedOn: row.notifiedOn,
    signedOn: row.signedOn,
    reason: row.reason,
    updatedAt: row.updatedAt,
    moves: canRecord && !frozen ? [...DELIBERATION_MOVES[state]] : [],
    canRecord: canRecord && !frozen,
    canEditDetails: canRecord,
  };
}

/** `GET …/deliberations`: the board of the convention and of each avenant, as the viewer may act on it. */
export function board(deps: AppDeps, policy: Policy, user: SessionUser, projectId: string): DeliberationsBoardDto {
  getProjectOr404(deps, projectId);
  const conv = conventionRepo.byProject(deps.db, projectId);
  const withdrawn = conventionRepo.withdrawnIds(deps.db, projectId);
  const rowsOf = (avenantId: string | null) =>
    conventionRepo.deliberations(deps.db, projectId, avenantId).map(({ d }) => present(d, avenantId ? new Set() : withdrawn, policy.can(user, 'deliberation.record', recordResource(projectId, d)), !!frozenReason(deps, projectId, d, withdrawn)));
  const instrument = (conv?.documentId ? conv.instrument : null) as Instrument | null;
  const input = adoptionInput(deps, deps.db, projectId, null);
  return {
    instrument,
    cstRequired: instrument ? INSTRUMENT_DEFS[instrument].requirements.avisCst : false,
    signatureRequired: instrument ? INSTRUMENT_DEFS[instrument].requirements.signature : false,
    convention: { rows: conv?.documentId ? rowsOf(null) : [], adoption: input ? adoptionOf(input) : null, signed: conv?.status === 'signee' },
    avenants: conventionRepo.avenants(deps.db, projectId).map((a) => ({
      avenantId: a.id,
      number: a.number,
      communeName: conventionRepo.deliberations(deps.db, projectId, a.id).find((r) => r.d.communeId === a.communeId)?.d.name ?? '',
      rows: rowsOf(a.id),
      adoption: adoptionOf(adoptionInput(deps, deps.db, projectId, a.id)!),
      adopted: a.status === 'adopte',
    })),
  };
}

/** One deliberation as the viewer sees it after a change. */
function presentOne(deps: AppDeps, policy: Policy, user: SessionUser, projectId: string, id: string): DeliberationDto {
  const row = deliberationOr404(deps, projectId, id);
  const withdrawn = row.avenantId ? new Set<string>() : conventionRepo.withdrawnIds(deps.db, projectId);
  return present(row, withdrawn, policy.can(user, 'deliberation.record', recordResource(projectId, row)), !!frozenReason(deps, projectId, row, withdrawn));
}

/** The columns a move writes: a result records the meeting; a new deliberation clears the previous one's figures. */
function movePatch(input: DeliberationMoveInput, today: string): Partial<DeliberationRow> {
  const cst = { ...(input.cstDate !== undefined ? { cstDate: input.cstDate } : {}), ...(input.cstOpinion !== undefined ? { cstOpinion: input.cstOpinion } : {}) };
  switch (input.to) {
    case 'favorable':
    case 'defavorable': {
      const v = input.votes ?? null;
      return {
        ...cst,
        date: input.date ?? null,
        number: input.number ?? null,
        result: input.to,
        votesFor: v?.pour ?? null,
        votesAgainst: v?.contre ?? null,
        votesAbstention: v?.abstention ?? null,
        membersInOffice: v?.membresEnExercice ?? null,
        castingVoteFor: v ? !!v.voixPreponderantePour : null,
      };
    }
    case 'signataire':
      return { ...cst, signedOn: input.date ?? today };
    case 'prevue':
      return { ...cst, date: null, number: null, result: null, votesFor: null, votesAgainst: null, votesAbstention: null, membersInOffice: null, castingVoteFor: null, signedOn: null };
    default:
      return { ...cst, ...(input.date ? { date: input.date } : {}) };
  }
}

/**
 * Moves a council's deliberation to another state (the route has checked `deliberation.record` for its commune).
 * 409 when the move is not allowed or the deliberation is frozen; 400 for a missing date or reason, or votes that
 * contradict the result. Signing the last signature freezes the convention (or adopts the avenant).
 */
export async function moveDeliberation(deps: AppDeps, collaboration: Collaboration, policy: Policy, projectId: string, deliberationId: string, input: DeliberationMoveInput, ctx: Ctx): Promise<DeliberationDto> {
  const row = deliberationOr404(deps, projectId, deliberationId);
  const withdrawn = row.avenantId ? new Set<string>() : conventionRepo.withdrawnIds(deps.db, projectId);
  const frozen = frozenReason(deps, projectId, row, withdrawn);
  if (frozen) throw conflict(frozen, undefined, 'deliberation_frozen');
  const from = row.state as DeliberationState;
  const verdict = checkDeliberationMove({ from, to: input.to, date: input.date, votes: input.votes, reason: input.reason });
  if (!verdict.ok) {
    if (verdict.code === 'not_allowed' || verdict.code === 'same_state') throw conflict(verdict.message, { from, to: input.to }, verdict.code);
    throw badRequest(verdict.message, undefined, verdict.code);
  }
  const now = deps.clock.now().toISOString();
  const patch = { ...movePatch(input, now.slice(0, 10)), state: input.to, reason: input.reason?.trim() || null, updatedAt: now, updatedBy: ctx.user.id };
  deps.db.transaction((tx) => {
    if (!conventionRepo.moveDeliberation(tx, deliberationId, from, patch)) throw conflict('La délibération a changé entre-temps ; rechargez la page.', undefined, 'deliberation_changed_concurrently');
    conventionRepo.addDeliberationEvent(tx, { deliberationId, projectId, fromState: from, toState: input.to, at: now, byUserId: ctx.user.id, reason: patch.reason, details: { date: input.date ?? null, number: input.number ?? null, votes: input.votes ?? null, cstDate: input.cstDate ?? null } });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'deliberation.recorded', targetType: 'deliberation', targetId: deliberationId, projectId, before: { state: from }, after: { state: input.to, body: row.body, date: input.date ?? null, votes: input.votes ?? null, reason: patch.reason }, requestId: ctx.requestId });
  });
  deps.events.publish(projectId, 'deliberation.changed', { deliberationId, avenantId: row.avenantId, communeId: row.communeId, from, to: input.to, by: ctx.user.id }, { ability: 'scenario.read' });
  const facilitatorId = getProjectOr404(deps, projectId).facilitatorId;
  if (facilitatorId) {
    notify(deps, { userIds: [facilitatorId], exceptUserId: ctx.user.id, projectId, kind: 'deliberation_recorded', title: `${row.body} : ${DELIBERATION_STATE_LABELS[input.to]}`, link: `/projets/${projectId}/convention/deliberations` });
  }
  if (input.to === 'signataire' || input.to === 'favorable' || input.to === 'retiree') {
    if (row.avenantId) await adoptAvenantIfSigned(deps, collaboration, projectId, row.avenantId, ctx);
    else await freezeConventionIfSigned(deps, collaboration, projectId, ctx);
  }
  return presentOne(deps, policy, ctx.user, projectId, deliberationId);
}

/**
 * Corrects the details of a deliberation (body, number, notification date, CST opinion) without changing its state.
 * Allowed after signature too: the signature freezes the text, not the record of when the CST was consulted (the
 * « en vigueur » gate still needs it).
 */
export function updateDetails(deps: AppDeps, policy: Policy, projectId: string, deliberationId: string, input: DeliberationDetailsInput, ctx: Ctx): DeliberationDto {
  const row = deliberationOr404(deps, projectId, deliberationId);
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    conventionRepo.updateDeliberation(tx, deliberationId, { ...input, updatedAt: now, updatedBy: ctx.user.id });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'deliberation.details_changed', targetType: 'deliberation', targetId: deliberationId, projectId, before: { body: row.body, number: row.number, notifiedOn: row.notifiedOn, cstDate: row.cstDate, cstOpinion: row.cstOpinion }, after: input, requestId: ctx.requestId });
  });
  deps.events.publish(projectId, 'deliberation.changed', { deliberationId, avenantId: row.avenantId, communeId: row.communeId, from: row.state as DeliberationState, to: row.state as DeliberationState, by: ctx.user.id }, { ability: 'scenario.read' });
  return presentOne(deps, policy, ctx.user, projectId, deliberationId);
}
