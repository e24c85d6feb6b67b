/**
 * What clients compute between two states of a séance: the server sends its clock (`serverNow`) with each state,
 * screens tick from it. Pure, so the countdown shown in the browser is the one tested here.
 */
import type { ItemClock, SeanceStatus } from './seance.js';

/** The server's time as this client sees it: local time shifted by the skew measured when a state arrived. */
export function skewMs(serverNow: string, receivedAtMs: number): number {
  return Date.parse(serverNow) - receivedAtMs;
}

/**
 * An item's clock `nowMs` (server time) later than the state: only the current item of a running séance moves.
 */
export function tickItem(item: ItemClock, state: { status: SeanceStatus; currentItemId: string | null; serverNow: string }, nowMs: number): ItemClock {
  if (state.status !== 'en_cours' || state.currentItemId !== item.id) return item;
  const elapsedMs = item.elapsedMs + Math.max(0, nowMs - Date.parse(state.serverNow));
  return { ...item, elapsedMs, remainingMs: Math.max(0, item.plannedMs - elapsedMs), overrunMs: Math.max(0, elapsedMs - item.plannedMs) };
}

/** Speaking time `nowMs` later: the current speaker's count runs while the séance runs. */
export function tickSpeaking(ms: number, speaking: boolean, state: { status: SeanceStatus; serverNow: string }, nowMs: number): number {
  return speaking && state.status === 'en_cours' ? ms + Math.max(0, nowMs - Date.parse(state.serverNow)) : ms;
}

/** « 4:05 », « 1:02:03 »; negative durations are shown as their absolute value (the caller says « dépassement »). */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** The item after `currentItemId` in the agenda, or null at the end (or when nothing is current). */
export function nextItemId(agenda: readonly { id: string }[], currentItemId: string | null): string | null {
  const i = agenda.findIndex((a) => a.id === currentItemId);
  return i >= 0 && i + 1 < agenda.length ? agenda[i + 1]!.id : null;
}

/** Keeps the newer of two states by revision (events may arrive after a fresher GET). */
export function newerState<T extends { revision: number }>(current: T | undefined, incoming: T): boolean {
  return !current || incoming.revision > current.revision;
}
