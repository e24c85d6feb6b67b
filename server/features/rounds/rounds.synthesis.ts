/**
 * The synthesis of a round: the pure `buildSynthesis` fed with stored facts (positions, programme actions, comments
 * of the round), rendered into a `synthese` document at closing (the facilitator edits it, DOCX/PDF come from the
 * document export) and into the CSV export of positions.
 */
import { eq, inArray } from 'drizzle-orm';
import type { AppDeps, SessionUser } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import { communes, users } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict } from '../../lib/errors.js';
import { createDocument } from '../documents/documents.service.js';
import { listCommentsForRound } from '../comments/comments.repo.js';
import { getScenario } from '../scenarios/scenarios.repo.js';
import { programmeActionsByIds } from '../programmes/programmes.repo.js';
import { applyJSONMinimal } from '../../../shared/editor/index.js';
import { SECTION_LABELS, type SectionKey } from '../../../shared/diagnostic/sections.js';
import { buildSynthesis, type CommentTarget, type RoundComment, type Synthesis } from '../../../shared/rounds/synthesis.js';
import { positionsCsv, synthesisDocumentJSON, type SynthesisMeta } from '../../../shared/rounds/synthesis-render.js';
import { roundEndMs } from '../../../shared/rounds/round.js';
import type { RoundCommentSummary } from '../../../shared/comments/types.js';
import { communeNames, roundsRepo, positionFromRow, roundFromRow, type RoundRow } from './rounds.repo.js';

/** Transaction origin of the generated synthesis text (tells it apart from people's edits). */
export const SYNTHESIS_ORIGIN = 'round-synthesis';

function targetsOf(deps: AppDeps, c: RoundCommentSummary, names: Record<string, string>): CommentTarget[] {
  return c.anchors.map((a): CommentTarget => {
    if (a.kind === 'text') {
      const section = a.sectionTitle ?? 'hors section';
      return { kind: 'section', id: `${a.documentId}:${section}`, label: `${a.documentTitle ?? 'Document'} — ${section}` };
    }
    if (a.kind === 'diagnostic') {
      const sectionLabel = SECTION_LABELS[a.recordType as SectionKey] ?? a.recordType ?? 'donnée';
      const commune = a.communeIds.map((id) => names[id] ?? id).join(', ');
      const label = `Diagnostic — ${sectionLabel}${commune ? ` — ${commune}` : ''}${a.field ? ` (${a.field})` : ''}`;
      return { kind: 'record', id: `${a.recordType}:${a.recordId}:${a.field ?? ''}`, label };
    }
    const scenarioTitle = a.targetId ? getScenario(deps.db, a.targetId)?.title : undefined;
    return { kind: 'scenario', id: `${a.targetId}:${a.field ?? ''}`, label: `Scénario « ${scenarioTitle ?? a.targetId ?? '?'} »${a.field ? ` (${a.field})` : ''}` };
  });
}

/** The synthesis of a round from what is stored now, with the names the rendering needs. */
export function computeSynthesis(deps: AppDeps, row: RoundRow): { synthesis: Synthesis; meta: SynthesisMeta } {
  const positions = roundsRepo.positions(deps.db, row.id).map(positionFromRow);
  const actionIds = [...new Set(positions.flatMap((p) => p.actionImpacts.map((a) => a.actionId)))];
  const actions = programmeActionsByIds(deps.db, actionIds).map((a) => ({ id: a.id, communeId: a.communeId, title: a.title }));
  const summaries = listCommentsForRound(deps.db, row.id);
  const allCommuneIds = [...new Set([...row.invitedCommuneIds, ...summaries.flatMap((c) => [...(c.author.communeId ? [c.author.communeId] : []), ...c.anchors.flatMap((a) => a.communeIds)])])];
  const names = communeNames(deps.db, allCommuneIds);
  const comments: RoundComment[] = summaries.map((c) => ({
    id: c.id,
    type: c.type,
    status: c.status,
    authorId: c.author.id,
    authorCommuneId: c.author.communeId,
    body: c.body,
    targets: targetsOf(deps, c, names),
    createdAt: c.createdAt,
  }));
  const synthesis = buildSynthesis({ round: roundFromRow(row), positions, comments, actions, communeNames: names });
  const meta: SynthesisMeta = {
    title: row.title,
    question: row.question,
    opensAt: row.openedAt && row.openedAt > row.opensAt ? row.openedAt : row.opensAt,
    closedAt: new Date(roundEndMs(roundFromRow(row))).toISOString(),
    frozenVersions: row.frozenVersions,
    hasScenarioSnapshot: row.scenarioSnapshot != null,
    userNames: Object.fromEntries(summaries.map((c) => [c.author.id, c.author.name])),
    communeNames: names,
  };
  return { synthesis, meta };
}

/** The user the automatic closing acts as when it creates the synthesis document: the facilitator of the project. */
function systemActor(deps: AppDeps, userId: string): SessionUser {
  const u = deps.db.select().from(users).where(eq(users.id, userId)).get();
  if (!u) throw new Error(`Utilisateur introuvable : ${userId}`);
  return { id: u.id, role: u.role as SessionUser['role'], communeId: u.communeId, partnerId: u.partnerId, email: u.email, name: u.name, title: u.title };
}

/**
 * Generates the `synthese` document of a closed round and links it. Run once, at closing (or again by the
 * facilitator if that failed): a round that already has its synthesis answers 409 so the edited text is never
 * replaced. `actorId` creates the document (the closing facilitator, or the project's facilitator for the job).
 */
export async function generateSynthesisDocument(deps: AppDeps, collaboration: Collaboration, roundId: string, actorId: string, requestId?: string): Promise<string> {
  const row = roundsRepo.byId(deps.db, roundId);
  if (!row || row.status !== 'clos') throw conflict('La synthèse est générée à la clôture du tour de table.', undefined, 'round_not_closed');
  if (row.synthesisDocumentId) throw conflict('La synthèse de ce tour de table existe déjà : modifiez-la dans l’onglet Documents.', undefined, 'synthesis_exists');
  const user = systemActor(deps, actorId);
  const title = `Synthèse — ${row.title}`.slice(0, 200);
  const document = await createDocument(deps, collaboration, row.projectId, { kind: 'synthese', title }, { user, requestId });
  const documentId = document.d.id;
  const { synthesis, meta } = computeSynthesis(deps, row);
  // Applied over the freshly seeded template with the toolkit's minimal edit (never a wholesale fragment swap).
  await collaboration.edit(documentId, (doc) => {
    applyJSONMinimal(doc, synthesisDocumentJSON(synthesis, meta), SYNTHESIS_ORIGIN);
  });
  const now = deps.clock.now().toISOString();
  deps.db.transaction((tx) => {
    roundsRepo.update(tx, roundId, { synthesisDocumentId: documentId, updatedAt: now });
    recordAudit(tx, { at: now, userId: actorId, action: 'round.synthesis_generated', targetType: 'round', targetId: roundId, projectId: row.projectId, after: { documentId, positions: synthesis.positionCounts }, requestId });
  });
  deps.events.publish(row.projectId, 'round.changed', { roundId, status: 'clos', title: row.title }, { ability: 'round.read' });
  return documentId;
}

/** CSV of a round's positions: one row per invited commune, in invitation order. */
export function roundPositionsCsv(deps: AppDeps, row: RoundRow): string {
  const positions = new Map(roundsRepo.positions(deps.db, row.id).map((p) => [p.communeId, p]));
  const actionTitles = new Map(
    programmeActionsByIds(deps.db, [...positions.values()].flatMap((p) => p.actionImpacts.map((a) => a.actionId))).map((a) => [a.id, a.title]),
  );
  const authorIds = [...new Set([...positions.values()].map((p) => p.authorId))];
  const authorNames = new Map(authorIds.length ? deps.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds)).all().map((u) => [u.id, u.name]) : []);
  const communeRows = new Map(
    row.invitedCommuneIds.length
      ? deps.db.select({ id: communes.id, name: communes.name, insee: communes.inseeCode }).from(communes).where(inArray(communes.id, row.invitedCommuneIds)).all().map((c) => [c.id, c])
      : [],
  );
  return positionsCsv(
    row.invitedCommuneIds.map((communeId) => {
      const p = positions.get(communeId);
      const c = communeRows.get(communeId);
      return {
        communeName: c?.name ?? communeId,
        inseeCode: c?.insee ?? null,
        kind: (p?.kind as Parameters<typeof positionsCsv>[0][number]['kind']) ?? null,
        motivation: p?.motivation ?? null,
        conditions: p?.conditions ?? [],
        actionImpacts: (p?.actionImpacts ?? []).map((a) => ({ title: actionTitles.get(a.actionId) ?? a.actionId, impact: a.impact })),
        authorName: p ? (authorNames.get(p.authorId) ?? null) : null,
        recordedAt: p?.recordedAt ?? null,
      };
    }),
  );
}
