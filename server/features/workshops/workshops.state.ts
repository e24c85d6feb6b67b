/**
 * The public state of a séance, computed from its rows, the server's clock and the connection registry, and its
 * publication on the project's event stream (`seance.state`, to everyone who may read séances).
 */
import type { AppDeps } from '../../context.js';
import type { PresenceUser } from '../../../shared/events/types.js';
import type { Role } from '../../../shared/auth/roles.js';
import type { DocumentKind } from '../../../shared/documents/kinds.js';
import { agendaClock, runningIntervals } from '../../../shared/workshops/seance.js';
import { speakingTimes } from '../../../shared/workshops/speaking.js';
import { pollResults, type Poll, type PollKind, type PollScope } from '../../../shared/workshops/polls.js';
import { computeAttendance, type Attendee } from '../../../shared/workshops/attendance.js';
import { BODY_QUORUM, quorumCommunes, quorumRuleText, type SeanceBody } from '../../../shared/workshops/bodies.js';
import type { DecisionDto, DecisionKind, PollDto, SeanceDocumentDto, SeanceStateDto } from '../../../shared/workshops/types.js';
import { workshopsRepo, type AttendanceRow, type DecisionRow, type PollRow, type SeanceRow, type VoteRow } from './workshops.repo.js';

/** Who is connected to a document (the collaboration's registry); injected so the state stays testable. */
export type PresenceOf = (documentId: string) => PresenceUser[];

/** Ids of the séance's documents: the compte rendu first, then the documents of the agenda in order. */
export function seanceDocumentIds(row: Pick<SeanceRow, 'compteRenduId' | 'agenda'>): string[] {
  const ids = [row.compteRenduId, ...row.agenda.map((i) => i.documentId)].filter((id): id is string => !!id);
  return [...new Set(ids)];
}

/** A stored poll and its ballots as the shared rules see it. */
export function toPoll(row: PollRow, votes: VoteRow[]): Poll {
  return {
    id: row.id,
    question: row.question,
    kind: row.kind as PollKind,
    choices: row.choices,
    scope: row.scope as PollScope,
    status: row.status as Poll['status'],
    votes: votes.filter((v) => v.pollId === row.id).map((v) => ({ voterId: v.voterId, communeId: v.communeId, value: v.value, at: v.at })),
    closedAt: row.closedAt,
  };
}

/** A poll for the API: results, who voted, and each commune's ballot for per-commune polls. */
export function presentPoll(row: PollRow, votes: VoteRow[]): PollDto {
  const poll = toPoll(row, votes);
  return {
    id: row.id,
    itemId: row.itemId,
    question: row.question,
    kind: poll.kind,
    choices: row.choices,
    scope: poll.scope,
    status: poll.status,
    passage: row.passage ?? null,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
    results: pollResults(poll),
    voterIds: [...new Set(poll.votes.map((v) => v.voterId))],
    communeBallots:
      poll.scope === 'commune'
        ? poll.votes.filter((v) => v.communeId).map((v) => ({ communeId: v.communeId!, value: v.value, voterId: v.voterId }))
        : [],
  };
}

export function presentDecision(row: DecisionRow): DecisionDto {
  return {
    id: row.id,
    kind: row.kind as DecisionKind,
    text: row.text,
    itemId: row.itemId,
    pollId: row.pollId,
    amendmentId: row.amendmentId,
    arbitrationId: row.arbitrationId,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

/** Who counts as present: connected now (live séance) or recorded as connected (ended), plus the check-ins. */
function attendees(row: SeanceRow, rows: AttendanceRow[], presence: PresenceOf, docIds: string[]): { connected: Attendee[]; checkedIn: Attendee[] } {
  const checkedIn = rows.filter((r) => r.checkedInAt).map((r) => ({ personId: r.personId, communeId: r.communeId }));
  if (row.status === 'terminee') {
    return { connected: rows.filter((r) => r.connectedAt).map((r) => ({ personId: r.personId, communeId: r.communeId })), checkedIn };
  }
  const connected = new Map<string, Attendee>();
  for (const id of docIds) for (const u of presence(id)) connected.set(u.id, { personId: u.id, communeId: u.communeId });
  return { connected: [...connected.values()], checkedIn };
}

/** Builds the public state at the server's current time. */
export function buildState(deps: Pick<AppDeps, 'db' | 'clock'>, row: SeanceRow, presence: PresenceOf): SeanceStateDto {
  const { db } = deps;
  const now = deps.clock.now().toISOString();
  const docIds = seanceDocumentIds(row);
  const docs = workshopsRepo.documents(db, row.projectId, docIds);
  const documents: SeanceDocumentDto[] = docIds
    .map((id) => docs.find((d) => d.id === id))
    .filter((d) => !!d)
    .map((d) => ({ id: d.id, title: d.title, kind: d.kind as DocumentKind, locked: d.lockedAt !== null, archived: d.archivedAt !== null }));
  const clock = agendaClock(row.agenda, row.events, now);
  const times = speakingTimes(row.speaking, runningIntervals(row.events, now), now);
  const pollRows = workshopsRepo.polls(db, row.id);
  const votes = workshopsRepo.votes(db, pollRows.map((p) => p.id));
  const polls = pollRows.map((p) => presentPoll(p, votes));
  const attendanceRows = workshopsRepo.attendance(db, row.id);
  const { connected, checkedIn } = attendees(row, attendanceRows, presence, docIds);
  const body = row.body as SeanceBody;
  const quorumCommuneIds = quorumCommunes(row.invitedCommuneIds, workshopsRepo.participatingCommuneIds(db, row.projectId));
  const attendance = computeAttendance({ connected, checkedIn, memberCommuneIds: quorumCommuneIds, quorum: BODY_QUORUM[body] });
  const decisions = workshopsRepo.decisions(db, row.id).map(presentDecision);
  const speaking = { queue: row.speaking.queue, speaker: row.speaking.speaker, byPerson: times.byPerson, byCommune: times.byCommune };

  const personIds = new Set<string>([
    ...row.invitedUserIds,
    ...row.speaking.queue.map((e) => e.personId),
    ...row.speaking.turns.map((t) => t.personId),
    ...(row.speaking.speaker ? [row.speaking.speaker.personId] : []),
    ...attendance.present.map((p) => p.personId),
    ...polls.flatMap((p) => p.voterIds),
    ...decisions.map((d) => d.createdBy),
  ]);
  const people: SeanceStateDto['people'] = {};
  for (const u of workshopsRepo.users(db, [...personIds])) people[u.id] = { name: u.name, role: u.role as Role, communeId: u.communeId };
  const communeIds = new Set<string>([
    ...row.invitedCommuneIds,
    ...quorumCommuneIds,
    ...attendance.communesRepresented,
    ...Object.keys(times.byCommune),
    ...Object.values(people).map((p) => p.communeId).filter((c): c is string => !!c),
  ]);
  const communes = Object.fromEntries(workshopsRepo.communeNames(db, [...communeIds]).map((c) => [c.id, c.name]));
  const startedAt = row.events.find((e) => e.type === 'start')?.at ?? null;
  const endedAt = row.events.find((e) => e.type === 'end')?.at ?? null;

  return {
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    body,
    startsAt: row.startsAt,
    location: row.location,
    videoUrl: row.videoUrl,
    invitedCommuneIds: row.invitedCommuneIds,
    invitedUserIds: row.invitedUserIds,
    agenda: row.agenda,
    compteRenduId: row.compteRenduId,
    revision: row.revision,
    serverNow: now,
    status: clock.status,
    startedAt,
    endedAt,
    currentItemId: clock.currentItemId,
    clock: { items: clock.items, totalPlannedMs: clock.totalPlannedMs, totalElapsedMs: clock.totalElapsedMs },
    follow: row.follow ?? null,
    documents,
    speaking,
    polls,
    attendance: { ...attendance, rule: BODY_QUORUM[body], ruleText: quorumRuleText(body), quorumCommuneIds },
    decisions,
    people,
    communes,
  };
}

/**
 * Publishes the séance's current state to everyone who may read séances (read after the change committed, so the
 * revision is the one stored). Returns the state, which routes answer with.
 */
export function publishState(deps: Pick<AppDeps, 'db' | 'clock' | 'events'>, seanceId: string, presence: PresenceOf): SeanceStateDto | null {
  const row = workshopsRepo.byId(deps.db, seanceId);
  if (!row) return null;
  const state = buildState(deps, row, presence);
  deps.events.publish(row.projectId, 'seance.state', { seanceId, revision: state.revision, state }, { ability: 'workshop.read' });
  return state;
}
