/**
 * The séance (live workshop) machine and its agenda clock, pure and table-tested.
 *
 * State: planifiee → en_cours ⇄ en_pause → terminee. Only the facilitator steers (input flag). The server stores the
 * accepted commands as timestamped events; everything else (status, current item, countdown, overrun) is replayed
 * from those events and `now`, so a restart mid-séance resumes exactly where it was.
 * Time on an item counts only while the séance is running (a pause stops the countdown) and accumulates when the
 * facilitator comes back to an item.
 */
import { NOT_FACILITATOR, overlapMs, refuse, toMs, type Interval, type Verdict } from './verdict.js';

/** Statuses of a séance. */
export const SEANCE_STATUSES = ['planifiee', 'en_cours', 'en_pause', 'terminee'] as const;
/** One of `SEANCE_STATUSES`. */
export type SeanceStatus = (typeof SEANCE_STATUSES)[number];

/** French labels of séance statuses. */
export const SEANCE_STATUS_LABELS: Record<SeanceStatus, string> = {
  planifiee: 'Planifiée',
  en_cours: 'En cours',
  en_pause: 'En pause',
  terminee: 'Terminée',
};

/** Expected outcome of an agenda item. */
export type AgendaOutcome = 'information' | 'debat' | 'decision';
/** An agenda item with its planned duration in minutes. */
export type AgendaItem = { id: string; title: string; plannedMinutes: number; outcome?: AgendaOutcome };

/** What the facilitator asks for. */
export type SeanceCommand = { type: 'start' | 'pause' | 'resume' | 'end' } | { type: 'goto'; itemId: string };
/** An accepted command with its server time, as stored. */
export type SeanceEvent = SeanceCommand & { at: string };

/** Refusal codes of the séance machine (`not_facilitator` → 403, others → 409/400). */
export type SeanceRefusalCode = 'not_facilitator' | 'invalid_transition' | 'seance_ended' | 'unknown_item' | 'empty_agenda';

const NEXT: Record<'start' | 'pause' | 'resume' | 'end', { from: readonly SeanceStatus[]; to: SeanceStatus; message: string }> = {
  start: { from: ['planifiee'], to: 'en_cours', message: 'La séance a déjà commencé.' },
  pause: { from: ['en_cours'], to: 'en_pause', message: 'Seule une séance en cours peut être mise en pause.' },
  resume: { from: ['en_pause'], to: 'en_cours', message: 'Seule une séance en pause peut reprendre.' },
  end: { from: ['en_cours', 'en_pause'], to: 'terminee', message: 'La séance n’a pas commencé.' },
};

/** Decides a command against the current status; returns the status after it. */
export function checkSeanceCommand(
  status: SeanceStatus,
  command: SeanceCommand,
  ctx: { isFacilitator: boolean; agenda: readonly AgendaItem[] },
): Verdict<{ status: SeanceStatus }, SeanceRefusalCode> {
  if (!ctx.isFacilitator) return refuse('not_facilitator', NOT_FACILITATOR);
  if (status === 'terminee') return refuse('seance_ended', 'La séance est terminée : son déroulé est figé.');
  if (command.type === 'goto') {
    if (status === 'planifiee') return refuse('invalid_transition', 'Démarrez la séance avant de passer à un point.');
    if (!ctx.agenda.some((i) => i.id === command.itemId)) return refuse('unknown_item', "Ce point n'est pas à l'ordre du jour.");
    return { ok: true, status };
  }
  if (command.type === 'start' && ctx.agenda.length === 0) {
    return refuse('empty_agenda', "Ajoutez au moins un point à l'ordre du jour avant de démarrer.");
  }
  const rule = NEXT[command.type];
  if (!rule.from.includes(status)) return refuse('invalid_transition', rule.message);
  return { ok: true, status: rule.to };
}

/** Status and current item replayed from stored events; starting goes to the first agenda item. */
export function replaySeance(
  agenda: readonly AgendaItem[],
  events: readonly SeanceEvent[],
): { status: SeanceStatus; currentItemId: string | null } {
  let status: SeanceStatus = 'planifiee';
  let currentItemId: string | null = null;
  for (const e of events) {
    if (e.type === 'goto') currentItemId = e.itemId;
    else {
      status = NEXT[e.type].to;
      if (e.type === 'start' && currentItemId === null) currentItemId = agenda[0]?.id ?? null;
    }
  }
  return { status, currentItemId };
}

/** Periods during which the séance was running (started or resumed, not paused nor ended), up to `now`. */
export function runningIntervals(events: readonly SeanceEvent[], now: string): Interval[] {
  const intervals: Interval[] = [];
  let since: number | null = null;
  for (const e of events) {
    const at = toMs(e.at);
    if ((e.type === 'start' || e.type === 'resume') && since === null) since = at;
    if ((e.type === 'pause' || e.type === 'end') && since !== null) {
      intervals.push({ start: since, end: at });
      since = null;
    }
  }
  if (since !== null) intervals.push({ start: since, end: Math.max(since, toMs(now)) });
  return intervals;
}

/** Timing of one agenda item at `now`, in milliseconds. */
export type ItemClock = {
  id: string;
  title: string;
  plannedMs: number;
  elapsedMs: number;
  /** Countdown shown to everyone; 0 once the planned time is used up. */
  remainingMs: number;
  overrunMs: number;
  state: 'a_venir' | 'en_cours' | 'traite';
};

/** The agenda clock at `now`: per item elapsed running time, countdown and overrun, plus séance totals. */
export function agendaClock(
  agenda: readonly AgendaItem[],
  events: readonly SeanceEvent[],
  now: string,
): { status: SeanceStatus; currentItemId: string | null; items: ItemClock[]; totalPlannedMs: number; totalElapsedMs: number } {
  const running = runningIntervals(events, now);
  const nowMs = toMs(now);
  // Item periods: each `goto` (or the start, for the first item) opens a period that the next `goto` or the end closes.
  const periods: { itemId: string; from: number; to: number }[] = [];
  let current: { itemId: string; from: number } | null = null;
  for (const e of events) {
    const at = toMs(e.at);
    if (e.type === 'goto' || (e.type === 'start' && current === null && agenda[0])) {
      if (current) periods.push({ ...current, to: at });
      current = { itemId: e.type === 'goto' ? e.itemId : agenda[0].id, from: at };
    } else if (e.type === 'end' && current) {
      periods.push({ ...current, to: at });
      current = null;
    }
  }
  if (current) periods.push({ ...current, to: nowMs });
  const { status, currentItemId } = replaySeance(agenda, events);
  const items = agenda.map((item): ItemClock => {
    const plannedMs = item.plannedMinutes * 60_000;
    const mine = periods.filter((p) => p.itemId === item.id);
    const elapsedMs = mine.reduce((sum, p) => sum + overlapMs(p.from, p.to, running), 0);
    const isCurrent = status !== 'terminee' && item.id === currentItemId;
    return {
      id: item.id,
      title: item.title,
      plannedMs,
      elapsedMs,
      remainingMs: Math.max(0, plannedMs - elapsedMs),
      overrunMs: Math.max(0, elapsedMs - plannedMs),
      state: isCurrent ? 'en_cours' : mine.length > 0 ? 'traite' : 'a_venir',
    };
  });
  return {
    status,
    currentItemId: status === 'terminee' ? null : currentItemId,
    items,
    totalPlannedMs: items.reduce((s, i) => s + i.plannedMs, 0),
    totalElapsedMs: running.reduce((s, i) => s + (i.end - i.start), 0),
  };
}

/** Checks an agenda before saving it: titles, positive whole-minute durations, unique ids. */
export function checkAgenda(agenda: readonly AgendaItem[]): Verdict<object, 'invalid_item' | 'duplicate_item'> {
  const ids = new Set<string>();
  for (const item of agenda) {
    if (ids.has(item.id)) return refuse('duplicate_item', 'Deux points de l’ordre du jour ont le même identifiant.');
    ids.add(item.id);
    if (item.title.trim() === '') return refuse('invalid_item', 'Chaque point de l’ordre du jour a besoin d’un titre.');
    if (!Number.isInteger(item.plannedMinutes) || item.plannedMinutes <= 0) {
      return refuse('invalid_item', `La durée prévue de « ${item.title} » doit être un nombre entier de minutes positif.`);
    }
  }
  return { ok: true };
}
