/**
 * The record of a séance (« Synthèse »): attendance by commune, decisions and open questions, poll results,
 * speaking time by commune and person, amendments accepted while it ran, agenda time spent against plan.
 */
import type { Role } from '../../../shared/auth/roles.js';
import { agendaClock, runningIntervals } from '../../../shared/workshops/seance.js';
import { speakingTimes } from '../../../shared/workshops/speaking.js';
import { computeAttendance } from '../../../shared/workshops/attendance.js';
import { BODY_QUORUM, quorumCommunes, type SeanceBody } from '../../../shared/workshops/bodies.js';
import type { SeanceSummaryDto } from '../../../shared/workshops/types.js';
import { listAmendmentDecisions } from '../comments/comments.repo.js';
import { workshopsRepo, type SeanceRow } from './workshops.repo.js';
import { presentDecision, presentPoll } from './workshops.state.js';
import type { Services } from './workshops.context.js';

/** Label of people who speak or attend for no commune (EPCI élus and technicians, partners). */
export const NO_COMMUNE = 'EPCI et partenaires';
const minutes = (ms: number) => Math.round(ms / 6_000) / 10;

/** Builds the summary at the server's current time (a running séance gets a summary so far). */
export function buildSummary(s: Services, row: SeanceRow): SeanceSummaryDto {
  const { db } = s.deps;
  const now = s.deps.clock.now().toISOString();
  const clock = agendaClock(row.agenda, row.events, now);
  const startedAt = row.events.find((e) => e.type === 'start')?.at ?? null;
  const endedAt = row.events.find((e) => e.type === 'end')?.at ?? null;

  const rows = workshopsRepo.attendance(db, row.id);
  const quorumIds = quorumCommunes(row.invitedCommuneIds, workshopsRepo.participatingCommuneIds(db, row.projectId));
  const attendance = computeAttendance({
    connected: rows.filter((r) => r.connectedAt).map((r) => ({ personId: r.personId, communeId: r.communeId })),
    checkedIn: rows.filter((r) => r.checkedInAt).map((r) => ({ personId: r.personId, communeId: r.communeId })),
    memberCommuneIds: quorumIds,
    quorum: BODY_QUORUM[row.body as SeanceBody],
  });
  const times = speakingTimes(row.speaking, runningIntervals(row.events, now), now);
  const personIds = [...new Set([...attendance.present.map((p) => p.personId), ...Object.keys(times.byPerson)])];
  const people = new Map(workshopsRepo.users(db, personIds).map((u) => [u.id, u]));
  const communeIds = [...new Set([...attendance.communesRepresented, ...Object.keys(times.byCommune)])];
  const communeNames = new Map(workshopsRepo.communeNames(db, communeIds).map((c) => [c.id, c.name]));
  const communeName = (id: string | null) => (id ? (communeNames.get(id) ?? id) : NO_COMMUNE);

  const groups = new Map<string | null, SeanceSummaryDto['attendance'][number]>();
  for (const p of attendance.present) {
    const group = groups.get(p.communeId) ?? { communeId: p.communeId, communeName: communeName(p.communeId), people: [] };
    const u = people.get(p.personId);
    group.people.push({ id: p.personId, name: u?.name ?? 'Compte supprimé', role: (u?.role ?? 'observateur') as Role, source: p.source });
    groups.set(p.communeId, group);
  }
  const byName = (a: { communeName: string; communeId: string | null }, b: { communeName: string; communeId: string | null }) =>
    a.communeId === null ? 1 : b.communeId === null ? -1 : a.communeName.localeCompare(b.communeName, 'fr');
  const attendanceByCommune = [...groups.values()].sort(byName).map((g) => ({ ...g, people: g.people.sort((a, b) => a.name.localeCompare(b.name, 'fr')) }));

  const titles = new Map(row.agenda.map((i) => [i.id, i.title]));
  const decisions = workshopsRepo.decisions(db, row.id).map((d) => ({ ...presentDecision(d), itemTitle: d.itemId ? (titles.get(d.itemId) ?? null) : null }));
  const pollRows = workshopsRepo.polls(db, row.id);
  const votes = workshopsRepo.votes(db, pollRows.map((p) => p.id));
  const amendments = startedAt
    ? listAmendmentDecisions(db, row.projectId, startedAt, endedAt ?? now).filter((a) => a.status === 'acceptee')
    : [];

  return {
    seance: { id: row.id, projectId: row.projectId, title: row.title, body: row.body as SeanceBody, startsAt: row.startsAt, location: row.location, status: clock.status, startedAt, endedAt, compteRenduId: row.compteRenduId },
    agenda: row.agenda.map((item) => {
      const c = clock.items.find((i) => i.id === item.id)!;
      return { id: item.id, title: item.title, outcome: item.outcome, plannedMinutes: item.plannedMinutes, spentMinutes: minutes(c.elapsedMs) };
    }),
    attendance: attendanceByCommune,
    quorum: attendance.quorum ? { ...attendance.quorum, represented: attendance.memberCommunesRepresented } : null,
    decisions: decisions.filter((d) => d.kind === 'decision'),
    openQuestions: decisions.filter((d) => d.kind === 'question_ouverte'),
    polls: pollRows.map((p) => presentPoll(p, votes)),
    speakingByCommune: Object.entries(times.byCommune)
      .map(([id, ms]) => ({ communeId: id, communeName: communeName(id), minutes: minutes(ms) }))
      .sort((a, b) => b.minutes - a.minutes || a.communeName.localeCompare(b.communeName, 'fr')),
    speakingByPerson: Object.entries(times.byPerson)
      .map(([id, ms]) => ({ personId: id, name: people.get(id)?.name ?? 'Compte supprimé', minutes: minutes(ms) }))
      .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name, 'fr')),
    amendments,
  };
}
