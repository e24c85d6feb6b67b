/**
 * Speaking requests (*demandes de parole*) during a séance: a pure reducer over commands plus speaking-time totals.
 *
 * Rules:
 * - A person raises a hand for themself, on behalf of their commune (null for EPCI élus and partners); one entry per
 *   person: raising twice, or while speaking, is refused.
 * - The queue is ordered by the moment the hand was raised.
 * - The person lowers their own hand; the facilitator may lower anyone's.
 * - Only the facilitator gives the floor, to someone in the queue (usually the first, but not necessarily: the
 *   facilitator may let a commune that has not spoken go first). Giving the floor while someone speaks ends that turn.
 * - The facilitator or the speaker ends the turn.
 * - Speaking time counts only while the séance runs (see `runningIntervals`): a pause stops every clock.
 */
import { NOT_FACILITATOR, overlapMs, refuse, toMs, type Interval, type Verdict } from './verdict.js';
import type { SeanceStatus } from './seance.js';

/** A raised hand; `communeId` comes from the person's profile. */
export type QueueEntry = { personId: string; communeId: string | null; raisedAt: string };
/** A speaking turn; `to` is null while it lasts. */
export type Turn = { personId: string; communeId: string | null; from: string; to: string | null };

/** Queue, current speaker and finished turns; persisted as is, or rebuilt by replaying commands. */
export type SpeakingState = { queue: QueueEntry[]; speaker: Turn | null; turns: Turn[] };

/** State of a séance where nobody has asked to speak yet. */
export const EMPTY_SPEAKING: SpeakingState = { queue: [], speaker: null, turns: [] };

/** Speaking commands; the server stamps them with its own time (`SpeakingContext.at`). */
export type SpeakingCommand =
  | { type: 'raise'; personId: string; communeId: string | null }
  | { type: 'lower'; personId: string }
  | { type: 'give_floor'; personId: string }
  | { type: 'end_turn' };

/** Who acts, whether they facilitate, the séance status and the server time. */
export type SpeakingContext = {
  actorId: string;
  isFacilitator: boolean;
  seanceStatus: SeanceStatus;
  at: string;
};

/** Refusal codes of the speaking queue. */
export type SpeakingRefusalCode =
  | 'not_facilitator'
  | 'not_yourself'
  | 'seance_not_running'
  | 'already_in_queue'
  | 'already_speaking'
  | 'not_in_queue'
  | 'nobody_speaking';

const closeTurn = (t: Turn, at: string): Turn => ({ ...t, to: at });

/** Applies one command; the returned state is new (inputs are never mutated). */
export function applySpeaking(
  state: SpeakingState,
  command: SpeakingCommand,
  ctx: SpeakingContext,
): Verdict<{ state: SpeakingState }, SpeakingRefusalCode> {
  // Hands may go up during a pause (people think during breaks), but nobody speaks outside the séance.
  if (ctx.seanceStatus === 'planifiee' || ctx.seanceStatus === 'terminee') {
    return refuse('seance_not_running', 'La séance n’est pas en cours.');
  }
  switch (command.type) {
    case 'raise': {
      if (command.personId !== ctx.actorId) return refuse('not_yourself', 'On ne demande la parole que pour soi-même.');
      if (state.speaker?.personId === command.personId) return refuse('already_speaking', 'Vous avez déjà la parole.');
      if (state.queue.some((e) => e.personId === command.personId)) {
        return refuse('already_in_queue', 'Vous avez déjà demandé la parole.');
      }
      const entry: QueueEntry = { personId: command.personId, communeId: command.communeId, raisedAt: ctx.at };
      // Stable order by raise time, even if commands are replayed slightly out of order.
      const queue = [...state.queue, entry].sort((a, b) => toMs(a.raisedAt) - toMs(b.raisedAt));
      return { ok: true, state: { ...state, queue } };
    }
    case 'lower': {
      if (command.personId !== ctx.actorId && !ctx.isFacilitator) return refuse('not_facilitator', NOT_FACILITATOR);
      if (!state.queue.some((e) => e.personId === command.personId)) return refuse('not_in_queue', 'Aucune main levée pour cette personne.');
      return { ok: true, state: { ...state, queue: state.queue.filter((e) => e.personId !== command.personId) } };
    }
    case 'give_floor': {
      if (!ctx.isFacilitator) return refuse('not_facilitator', NOT_FACILITATOR);
      if (ctx.seanceStatus !== 'en_cours') return refuse('seance_not_running', 'La séance est en pause : reprenez-la pour donner la parole.');
      const entry = state.queue.find((e) => e.personId === command.personId);
      if (!entry) return refuse('not_in_queue', 'Cette personne n’a pas demandé la parole.');
      const turns = state.speaker ? [...state.turns, closeTurn(state.speaker, ctx.at)] : state.turns;
      return {
        ok: true,
        state: {
          queue: state.queue.filter((e) => e.personId !== command.personId),
          speaker: { personId: entry.personId, communeId: entry.communeId, from: ctx.at, to: null },
          turns,
        },
      };
    }
    case 'end_turn': {
      if (!state.speaker) return refuse('nobody_speaking', 'Personne n’a la parole.');
      if (!ctx.isFacilitator && state.speaker.personId !== ctx.actorId) return refuse('not_facilitator', NOT_FACILITATOR);
      return { ok: true, state: { ...state, speaker: null, turns: [...state.turns, closeTurn(state.speaker, ctx.at)] } };
    }
  }
}

/** Speaking time in milliseconds per person and per commune, counting the ongoing turn up to `now`. */
export function speakingTimes(
  state: SpeakingState,
  running: readonly Interval[],
  now: string,
): { byPerson: Record<string, number>; byCommune: Record<string, number> } {
  const byPerson: Record<string, number> = {};
  const byCommune: Record<string, number> = {};
  const all = state.speaker ? [...state.turns, state.speaker] : state.turns;
  for (const t of all) {
    const ms = overlapMs(toMs(t.from), toMs(t.to ?? now), running);
    byPerson[t.personId] = (byPerson[t.personId] ?? 0) + ms;
    // Time spoken for no commune (EPCI élus, partners) is kept per person only.
    if (t.communeId !== null) byCommune[t.communeId] = (byCommune[t.communeId] ?? 0) + ms;
  }
  return { byPerson, byCommune };
}
