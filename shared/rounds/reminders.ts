/**
 * In-app reminders of a round and its tracking board, computed from stored facts and `now` (no timers in here:
 * the server calls `remindersDue` from a periodic job and records what it sent).
 *
 * Reminder moments, for each invited commune still without a position:
 * - `ouverture`: when the round opens;
 * - `avant_cloture`: 48 h before the deadline;
 * - `cloture`: at closing (the deadline, or the manual closing if earlier).
 * Only the latest due moment is sent to a commune: a job that wakes up late must not send "the round is open" and
 * "it closes in 48 h" together. Already-sent reminders are never returned again, so the job is idempotent.
 */
import { effectiveRoundStatus, roundEndMs, roundStartMs, type Round } from './round.js';
import { latestPositions, type Position } from './positions.js';
import { toMs } from './verdict.js';

/** The three moments a commune without a position is reminded. */
export const REMINDER_MOMENTS = ['ouverture', 'avant_cloture', 'cloture'] as const;
/** One of `REMINDER_MOMENTS`. */
export type ReminderMoment = (typeof REMINDER_MOMENTS)[number];

/** How long before the deadline the "closing soon" reminder goes out. */
export const CLOSING_SOON_MS = 48 * 3600 * 1000;

/** A reminder to send (and store, so it is not sent twice). */
export type Reminder = { roundId: string; communeId: string; moment: ReminderMoment; dueAt: string };

/** The moments of a round with their due time; `avant_cloture` is dropped when the round ends before it. */
export function reminderSchedule(round: Round): { moment: ReminderMoment; dueMs: number }[] {
  const start = roundStartMs(round);
  const end = roundEndMs(round);
  const soon = toMs(round.closesAt) - CLOSING_SOON_MS;
  const schedule: { moment: ReminderMoment; dueMs: number }[] = [{ moment: 'ouverture', dueMs: start }];
  // A round shorter than 48 h gets no "closing soon" reminder: the opening reminder already says when it closes.
  if (soon > start && soon < end) schedule.push({ moment: 'avant_cloture', dueMs: soon });
  schedule.push({ moment: 'cloture', dueMs: end });
  return schedule;
}

/**
 * Reminders to send now: for each invited commune without a position, the latest moment already due, unless it was
 * sent. `sent` is what previous runs returned and the server stored.
 */
export function remindersDue(
  round: Round,
  positions: readonly Position[],
  now: string,
  sent: readonly { communeId: string; moment: ReminderMoment }[] = [],
): Reminder[] {
  if (round.status === 'brouillon') return [];
  const nowMs = toMs(now);
  const due = reminderSchedule(round).filter((s) => s.dueMs <= nowMs);
  const latest = due[due.length - 1];
  if (!latest) return [];
  const answered = latestPositions(positions.filter((p) => p.roundId === round.id && toMs(p.recordedAt) <= nowMs));
  const alreadySent = new Set(sent.map((s) => `${s.communeId}\u0000${s.moment}`));
  return round.invitedCommuneIds
    .filter((communeId) => !answered.has(communeId))
    .filter((communeId) => !alreadySent.has(`${communeId}\u0000${latest.moment}`))
    .map((communeId) => ({ roundId: round.id, communeId, moment: latest.moment, dueAt: new Date(latest.dueMs).toISOString() }));
}

/** Status of a commune on the tracking board. */
export type BoardStatus = 'answered' | 'pending' | 'late';

/** One commune's row on the tracking board. */
export type BoardRow = {
  communeId: string;
  status: BoardStatus;
  kind: Position['kind'] | null;
  answeredAt: string | null;
};

/**
 * The tracking board: each invited commune is `answered`, `pending`, or `late` — without a position once the
 * "closing soon" window (48 h) has started or the round is closed, i.e. the communes the facilitator should call.
 */
export function trackingBoard(
  round: Round,
  positions: readonly Position[],
  now: string,
): { rows: BoardRow[]; counts: Record<BoardStatus, number> } {
  const answered = latestPositions(positions.filter((p) => p.roundId === round.id));
  const closed = effectiveRoundStatus(round, now) === 'clos';
  const inLateWindow = round.status !== 'brouillon' && (closed || toMs(now) >= toMs(round.closesAt) - CLOSING_SOON_MS);
  const rows = round.invitedCommuneIds.map((communeId): BoardRow => {
    const p = answered.get(communeId);
    if (p) return { communeId, status: 'answered', kind: p.kind, answeredAt: p.recordedAt };
    return { communeId, status: inLateWindow ? 'late' : 'pending', kind: null, answeredAt: null };
  });
  const counts: Record<BoardStatus, number> = { answered: 0, pending: 0, late: 0 };
  for (const r of rows) counts[r.status] += 1;
  return { rows, counts };
}
