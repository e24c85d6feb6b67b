/**
 * Time-driven side of rounds: reminders (`remindersDue`), closing (by the facilitator, or by the periodic job once
 * the deadline passed), the synthesis generated at closing, and the facilitator's « Relancer maintenant ».
 * Everything reads `deps.clock`, so tests drive it with a manual clock and call `runRoundJobs` directly.
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import { projects, rounds } from '../../db/schema/index.js';
import { and, eq } from 'drizzle-orm';
import { conflict } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { closeRound as closeRule, checkRoundWritable, effectiveRoundStatus, extendRound as extendRule } from '../../../shared/rounds/round.js';
import { latestPositions } from '../../../shared/rounds/positions.js';
import { remindersDue } from '../../../shared/rounds/reminders.js';
import { roundsRepo, positionFromRow, roundFromRow, type RoundRow } from './rounds.repo.js';
import { communeUsers, sendClosedNotice, sendExtendedNotice, sendManualReminder, sendScheduledReminder } from './rounds.notify.js';
import { generateSynthesisDocument } from './rounds.synthesis.js';
import { toUtc } from './rounds.scope.js';
import type { RoundStatus } from '../../../shared/rounds/round.js';
import { refusalError, roundNotFound } from './rounds.errors.js';

type Ctx = { user: SessionUser; requestId?: string };

/**
 * Sends the reminders due now for one round (only to communes without a position, the latest due moment only, never
 * twice: sent reminders are stored in the same transaction as the notifications — better-sqlite3 runs `deps.db` calls
 * made inside the callback in that transaction). Returns how many were sent.
 */
export function sendDueReminders(deps: AppDeps, row: RoundRow): number {
  return deps.db.transaction((tx) => {
    const fresh = roundsRepo.byId(tx, row.id);
    if (!fresh || fresh.status === 'brouillon') return 0;
    const now = deps.clock.now().toISOString();
    const positions = roundsRepo.positions(tx, fresh.id).map(positionFromRow);
    const due = remindersDue(roundFromRow(fresh), positions, now, roundsRepo.reminders(tx, fresh.id));
    if (due.length === 0) return 0;
    const people = communeUsers(tx, due.map((r) => r.communeId));
    for (const r of due) {
      sendScheduledReminder(deps, fresh, r.communeId, r.moment, people.get(r.communeId) ?? []);
      roundsRepo.recordReminder(tx, { roundId: fresh.id, communeId: r.communeId, moment: r.moment, sentAt: now });
    }
    return due.length;
  });
}

/**
 * Closes an open round: positions freeze (the status flip is a compare-and-set, so a position being written either
 * commits before it or gets 409), the communes and the facilitator are told, and the synthesis document is
 * generated. `ctx` null = the periodic job at the deadline (no closing user; the facilitator creates the synthesis).
 */
export async function closeRound(deps: AppDeps, collaboration: Collaboration, roundId: string, ctx: Ctx | null): Promise<RoundRow> {
  const row = roundsRepo.byId(deps.db, roundId);
  if (!row) throw roundNotFound();
  const now = deps.clock.now().toISOString();
  const verdict = closeRule(roundFromRow(row), { actorMayControl: true, now });
  if (!verdict.ok) throw refusalError(verdict);
  const closedAt = verdict.round.closedAt!;
  deps.db.transaction((tx) => {
    if (!roundsRepo.transition(tx, roundId, 'ouvert', { status: 'clos', closedAt, closedBy: ctx?.user.id ?? null, updatedAt: now })) {
      throw conflict('Le tour de table vient d’être clos.', undefined, 'round_closed');
    }
    const answered = latestPositions(roundsRepo.positions(tx, roundId).map(positionFromRow));
    recordAudit(tx, { at: now, userId: ctx?.user.id ?? null, action: 'round.closed', targetType: 'round', targetId: roundId, projectId: row.projectId, after: { closedAt, automatic: ctx === null, answered: [...answered.keys()], pending: row.invitedCommuneIds.filter((id) => !answered.has(id)) }, requestId: ctx?.requestId });
  });
  const closed = roundsRepo.byId(deps.db, roundId)!;
  deps.events.publish(closed.projectId, 'round.changed', { roundId, status: 'clos', title: closed.title }, { ability: 'round.read' });
  notifyClosed(deps, closed, ctx?.user.id);

  const project = deps.db.select({ facilitatorId: projects.facilitatorId, createdBy: projects.createdBy }).from(projects).where(eq(projects.id, closed.projectId)).get()!;
  try {
    await generateSynthesisDocument(deps, collaboration, roundId, ctx?.user.id ?? project.facilitatorId ?? project.createdBy, ctx?.requestId);
  } catch (err) {
    // The round stays closed (positions are frozen either way); the facilitator can generate the synthesis again.
    deps.logger.error('round synthesis failed', { roundId, error: String(err) });
  }
  return roundsRepo.byId(deps.db, roundId)!;
}

/** Closing notices: `cloture` reminders to communes without a position, « clos » to the others and the facilitator. */
function notifyClosed(deps: AppDeps, row: RoundRow, closedBy: string | undefined): void {
  deps.db.transaction((tx) => {
    const now = deps.clock.now().toISOString();
    const answered = latestPositions(roundsRepo.positions(tx, row.id).map(positionFromRow));
    const people = communeUsers(tx, row.invitedCommuneIds);
    const sent = new Set(roundsRepo.reminders(tx, row.id).filter((r) => r.moment === 'cloture').map((r) => r.communeId));
    for (const communeId of row.invitedCommuneIds) {
      const userIds = people.get(communeId) ?? [];
      if (answered.has(communeId)) {
        sendClosedNotice(deps, row, communeId, userIds, closedBy);
      } else if (!sent.has(communeId)) {
        sendScheduledReminder(deps, row, communeId, 'cloture', userIds);
        roundsRepo.recordReminder(tx, { roundId: row.id, communeId, moment: 'cloture', sentAt: now });
      }
    }
    const facilitatorId = tx.select({ id: projects.facilitatorId }).from(projects).where(eq(projects.id, row.projectId)).get()?.id;
    if (facilitatorId) sendClosedNotice(deps, row, null, [facilitatorId], closedBy);
  });
}

/** « Relancer maintenant »: reminds every invited commune still without a position of an open round. */
export function remindNow(deps: AppDeps, roundId: string, ctx: Ctx): { communeIds: string[]; notified: number } {
  const row = roundsRepo.byId(deps.db, roundId);
  if (!row) throw roundNotFound();
  const writable = checkRoundWritable(roundFromRow(row), deps.clock.now().toISOString());
  if (!writable.ok) throw refusalError(writable);
  return deps.db.transaction((tx) => {
    const answered = latestPositions(roundsRepo.positions(tx, roundId).map(positionFromRow));
    const communeIds = row.invitedCommuneIds.filter((id) => !answered.has(id));
    const people = communeUsers(tx, communeIds);
    let notified = 0;
    for (const communeId of communeIds) notified += sendManualReminder(deps, row, people.get(communeId) ?? [], ctx.user.id);
    recordAudit(tx, { at: deps.clock.now().toISOString(), userId: ctx.user.id, action: 'round.reminded', targetType: 'round', targetId: roundId, projectId: row.projectId, after: { communeIds, notified }, requestId: ctx.requestId });
    return { communeIds, notified };
  });
}

/**
 * « Prolonger »: a later deadline for an open round, with its reason. The 48 h reminder is re-armed for the new
 * deadline; the communes still without a position are told at once. Compare-and-set on the status and the old
 * deadline, so a closing job running at the same moment cannot be overtaken.
 */
export function extendRoundDeadline(deps: AppDeps, roundId: string, input: { closesAt: string; reason: string }, ctx: Ctx): RoundRow {
  const row = roundsRepo.byId(deps.db, roundId);
  if (!row) throw roundNotFound();
  const now = deps.clock.now().toISOString();
  const closesAt = toUtc(input.closesAt);
  const verdict = extendRule(roundFromRow(row), { actorMayControl: true, closesAt, now });
  if (!verdict.ok) throw refusalError(verdict);
  deps.db.transaction((tx) => {
    const moved = tx.update(rounds).set({ closesAt, updatedAt: now }).where(and(eq(rounds.id, roundId), eq(rounds.status, 'ouvert'), eq(rounds.closesAt, row.closesAt))).run().changes === 1;
    if (!moved) throw conflict('Le tour de table vient de changer : rechargez la page.', undefined, 'round_changed');
    roundsRepo.forgetReminders(tx, roundId, 'avant_cloture');
    const answered = latestPositions(roundsRepo.positions(tx, roundId).map(positionFromRow));
    const waiting = row.invitedCommuneIds.filter((id) => !answered.has(id));
    const people = communeUsers(tx, waiting);
    const updated = { ...row, closesAt };
    for (const communeId of waiting) sendExtendedNotice(deps, updated, people.get(communeId) ?? [], input.reason.trim(), ctx.user.id);
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'round.extended', targetType: 'round', targetId: roundId, projectId: row.projectId, before: { closesAt: row.closesAt }, after: { closesAt, reason: input.reason.trim() }, requestId: ctx.requestId });
  });
  const fresh = roundsRepo.byId(deps.db, roundId)!;
  deps.events.publish(fresh.projectId, 'round.changed', { roundId, status: fresh.status as RoundStatus, title: fresh.title }, { ability: 'round.read' });
  return fresh;
}

/**
 * One pass of the periodic job over open rounds: closes those past their deadline (with synthesis and notices) and
 * sends the reminders due. One failing round is logged and does not stop the others.
 */
export async function runRoundJobs(deps: AppDeps, collaboration: Collaboration): Promise<{ closed: string[]; reminders: number }> {
  const out = { closed: [] as string[], reminders: 0 };
  const now = deps.clock.now().toISOString();
  for (const row of roundsRepo.openRounds(deps.db)) {
    try {
      if (effectiveRoundStatus(roundFromRow(row), now) === 'clos') {
        await closeRound(deps, collaboration, row.id, null);
        out.closed.push(row.id);
      } else {
        out.reminders += sendDueReminders(deps, row);
      }
    } catch (err) {
      deps.logger.error('round job failed', { roundId: row.id, error: String(err) });
    }
  }
  return out;
}

/** How often the job looks at open rounds: reminders and closings happen within a minute of their time. */
export const ROUND_TICK_MS = 60_000;

/**
 * Starts the periodic job; stops on `signal` (server shutdown) or once the database is closed (tests that drop an app
 * without a signal). The timer is unref'd so it never keeps a process alive; passes never overlap.
 */
export function startRoundTicker(deps: AppDeps, collaboration: Collaboration, signal?: AbortSignal, intervalMs = ROUND_TICK_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (!deps.sqlite.open) return stop();
    if (running) return;
    running = true;
    runRoundJobs(deps, collaboration)
      .catch((err) => deps.logger.error('round ticker failed', { error: String(err) }))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  const stop = () => clearInterval(timer);
  signal?.addEventListener('abort', stop, { once: true });
  return stop;
}
