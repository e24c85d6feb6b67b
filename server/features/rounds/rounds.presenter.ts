/** API shapes of rounds (shared/rounds/api.ts) built from stored rows; never returns raw rows. */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps, SessionUser } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { communes, documents, participations, users } from '../../db/schema/index.js';
import { programmeActionsByIds } from '../programmes/programmes.repo.js';
import { effectiveRoundStatus, type RoundStatus } from '../../../shared/rounds/round.js';
import { trackingBoard } from '../../../shared/rounds/reminders.js';
import type { ActionImpact, PositionKind } from '../../../shared/rounds/positions.js';
import type { ParticipationState } from '../../../shared/projects/participation.js';
import type { PositionDto, RoundDetailDto, RoundSummaryDto } from '../../../shared/rounds/api.js';
import { roundsRepo, positionFromRow, roundFromRow, type PositionRow, type RoundRow } from './rounds.repo.js';
import { viewerRights } from './rounds.service.js';

function userNames(deps: AppDeps, ids: readonly string[]): Map<string, string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map(deps.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique)).all().map((u) => [u.id, u.name]));
}

/** A round as listed. */
export function presentRoundSummary(deps: AppDeps, row: RoundRow, positions: readonly PositionRow[] = roundsRepo.positions(deps.db, row.id)): RoundSummaryDto {
  const invited = new Set(row.invitedCommuneIds);
  return {
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    question: row.question,
    status: row.status as RoundStatus,
    effectiveStatus: effectiveRoundStatus(roundFromRow(row), deps.clock.now().toISOString()),
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    partnersMayComment: row.partnersMayComment,
    invitedCount: row.invitedCommuneIds.length,
    answeredCount: positions.filter((p) => invited.has(p.communeId)).length,
    synthesisDocumentId: row.synthesisDocumentId,
    documentIds: row.documentIds,
    scenarioIds: row.scenarioIds,
  };
}

/** Positions with action titles and author names resolved. */
export function presentPositions(deps: AppDeps, positions: readonly PositionRow[], names: Record<string, string>): PositionDto[] {
  const titles = new Map(programmeActionsByIds(deps.db, positions.flatMap((p) => p.actionImpacts.map((a) => a.actionId))).map((a) => [a.id, a.title]));
  const authors = userNames(deps, positions.map((p) => p.authorId));
  return positions.map((p) => ({
    communeId: p.communeId,
    communeName: names[p.communeId] ?? p.communeId,
    kind: p.kind as PositionKind,
    motivation: p.motivation,
    conditions: p.conditions,
    actionImpacts: p.actionImpacts.map((a) => ({ actionId: a.actionId, title: titles.get(a.actionId) ?? 'Action supprimée', impact: a.impact as ActionImpact })),
    author: { id: p.authorId, name: authors.get(p.authorId) ?? 'Compte supprimé' },
    recordedAt: p.recordedAt,
  }));
}

/** The round page: scope, frozen versions, invited communes, positions, tracking board and the viewer's rights. */
export function presentRoundDetail(deps: AppDeps, policy: Policy, row: RoundRow, viewer: SessionUser): RoundDetailDto {
  const positions = roundsRepo.positions(deps.db, row.id);
  const communeRows = row.invitedCommuneIds.length
    ? deps.db.select({ id: communes.id, name: communes.name, member: communes.member }).from(communes).where(inArray(communes.id, row.invitedCommuneIds)).all()
    : [];
  const byId = new Map(communeRows.map((c) => [c.id, c]));
  const names = Object.fromEntries(communeRows.map((c) => [c.id, c.name]));
  const states = new Map(
    row.invitedCommuneIds.length
      ? deps.db
          .select({ communeId: participations.communeId, state: participations.state })
          .from(participations)
          .where(and(eq(participations.projectId, row.projectId), inArray(participations.communeId, row.invitedCommuneIds)))
          .all()
          .map((p) => [p.communeId, p.state as ParticipationState])
      : [],
  );
  const docs = row.documentIds.length
    ? deps.db.select({ id: documents.id, title: documents.title, kind: documents.kind }).from(documents).where(inArray(documents.id, row.documentIds)).all()
    : [];
  const docOrder = new Map(row.documentIds.map((id, i) => [id, i]));
  const board = trackingBoard(roundFromRow(row), positions.map(positionFromRow), deps.clock.now().toISOString());
  return {
    ...presentRoundSummary(deps, row, positions),
    documents: docs.sort((a, b) => docOrder.get(a.id)! - docOrder.get(b.id)!),
    frozenVersions: row.frozenVersions,
    scenarioSnapshot: row.scenarioSnapshot ?? null,
    invitedCommunes: row.invitedCommuneIds.map((id) => ({ id, name: names[id] ?? id, member: byId.get(id)?.member ?? false, participation: states.get(id) ?? null })),
    positions: presentPositions(deps, positions, names),
    board: { rows: board.rows.map((r) => ({ ...r, communeName: names[r.communeId] ?? r.communeId })), counts: board.counts },
    createdBy: { id: row.createdBy, name: userNames(deps, [row.createdBy]).get(row.createdBy) ?? 'Compte supprimé' },
    me: viewerRights(deps, policy, row, viewer),
  };
}
