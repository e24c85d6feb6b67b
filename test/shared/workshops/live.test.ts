import { describe, it, expect } from 'vitest';
import { formatClock, newerState, nextItemId, skewMs, tickItem, tickSpeaking } from '../../../shared/workshops/live.js';
import type { ItemClock } from '../../../shared/workshops/seance.js';

const MIN = 60_000;
const serverNow = '2026-12-08T14:10:00.000Z';
const at = (mmss: string) => Date.parse(`2026-12-08T14:${mmss}.000Z`);
const item: ItemClock = { id: 'a', title: 'Accueil', plannedMs: 10 * MIN, elapsedMs: 9 * MIN, remainingMs: MIN, overrunMs: 0, state: 'en_cours' };

describe('client-side ticking from the server state', () => {
  const table: [string, 'en_cours' | 'en_pause', string | null, string, number, number, number][] = [
    // [label, status, current, now, elapsed, remaining, overrun] (minutes)
    ['running, 30 s later', 'en_cours', 'a', '10:30', 9.5, 0.5, 0],
    ['running, into overrun', 'en_cours', 'a', '12:00', 11, 0, 1],
    ['paused: frozen', 'en_pause', 'a', '12:00', 9, 1, 0],
    ['another item is current: frozen', 'en_cours', 'b', '12:00', 9, 1, 0],
    ['local clock behind the server: never backwards', 'en_cours', 'a', '09:00', 9, 1, 0],
  ];
  it.each(table)('%s', (_label, status, currentItemId, now, elapsed, remaining, overrun) => {
    const t = tickItem(item, { status, currentItemId, serverNow }, at(now));
    expect([t.elapsedMs / MIN, t.remainingMs / MIN, t.overrunMs / MIN]).toEqual([elapsed, remaining, overrun]);
  });

  it('speaking time runs only for the speaker of a running séance; skew is server minus local', () => {
    expect(tickSpeaking(MIN, true, { status: 'en_cours', serverNow }, at('10:30'))).toBe(1.5 * MIN);
    expect(tickSpeaking(MIN, false, { status: 'en_cours', serverNow }, at('10:30'))).toBe(MIN);
    expect(tickSpeaking(MIN, true, { status: 'en_pause', serverNow }, at('10:30'))).toBe(MIN);
    expect(skewMs(serverNow, at('09:58'))).toBe(2000);
  });
});

describe('helpers', () => {
  it.each([
    [0, '0:00'],
    [65_000, '1:05'],
    [-125_000, '2:05'],
    [3_723_000, '1:02:03'],
  ])('formatClock(%i) = %s', (ms, expected) => {
    expect(formatClock(ms)).toBe(expected);
  });

  it('next item and newer state', () => {
    const agenda = [{ id: 'a' }, { id: 'b' }];
    expect([nextItemId(agenda, 'a'), nextItemId(agenda, 'b'), nextItemId(agenda, null)]).toEqual(['b', null, null]);
    expect([newerState(undefined, { revision: 1 }), newerState({ revision: 3 }, { revision: 2 }), newerState({ revision: 3 }, { revision: 3 }), newerState({ revision: 3 }, { revision: 4 })]).toEqual([true, false, false, true]);
  });
});
