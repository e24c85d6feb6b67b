import { describe, it, expect } from 'vitest';
import {
  agendaClock,
  checkAgenda,
  checkSeanceCommand,
  replaySeance,
  runningIntervals,
  type AgendaItem,
  type SeanceCommand,
  type SeanceEvent,
  type SeanceStatus,
} from '../../../shared/workshops/seance.js';

const agenda: AgendaItem[] = [
  { id: 'accueil', title: 'Accueil', plannedMinutes: 10, outcome: 'information' },
  { id: 'scenarios', title: 'Scénarios petite enfance', plannedMinutes: 30, outcome: 'debat' },
  { id: 'decision', title: 'Choix du scénario', plannedMinutes: 15, outcome: 'decision' },
];
const t = (hhmm: string) => `2026-12-08T${hhmm}:00.000Z`;
const MIN = 60_000;

describe('séance machine', () => {
  const table: [SeanceStatus, SeanceCommand, boolean, string][] = [
    ['planifiee', { type: 'start' }, true, 'en_cours'],
    ['en_cours', { type: 'pause' }, true, 'en_pause'],
    ['en_pause', { type: 'resume' }, true, 'en_cours'],
    ['en_cours', { type: 'end' }, true, 'terminee'],
    ['en_pause', { type: 'end' }, true, 'terminee'],
    ['en_cours', { type: 'goto', itemId: 'decision' }, true, 'en_cours'],
    ['en_pause', { type: 'goto', itemId: 'decision' }, true, 'en_pause'],
    ['planifiee', { type: 'pause' }, true, 'invalid_transition'],
    ['planifiee', { type: 'end' }, true, 'invalid_transition'],
    ['planifiee', { type: 'goto', itemId: 'accueil' }, true, 'invalid_transition'],
    ['en_cours', { type: 'start' }, true, 'invalid_transition'],
    ['en_cours', { type: 'resume' }, true, 'invalid_transition'],
    ['en_pause', { type: 'pause' }, true, 'invalid_transition'],
    ['en_cours', { type: 'goto', itemId: 'divers' }, true, 'unknown_item'],
    ['terminee', { type: 'start' }, true, 'seance_ended'],
    ['terminee', { type: 'resume' }, true, 'seance_ended'],
    ['terminee', { type: 'goto', itemId: 'accueil' }, true, 'seance_ended'],
    ['planifiee', { type: 'start' }, false, 'not_facilitator'],
    ['en_cours', { type: 'pause' }, false, 'not_facilitator'],
    ['en_cours', { type: 'goto', itemId: 'decision' }, false, 'not_facilitator'],
  ];
  it.each(table)('%s + %j (facilitator: %s) → %s', (status, command, isFacilitator, expected) => {
    const verdict = checkSeanceCommand(status, command, { isFacilitator, agenda });
    expect(verdict.ok ? verdict.status : verdict.code).toBe(expected);
    if (!verdict.ok) expect(verdict.message.length).toBeGreaterThan(10);
  });

  it('cannot start without an agenda', () => {
    const verdict = checkSeanceCommand('planifiee', { type: 'start' }, { isFacilitator: true, agenda: [] });
    expect(verdict.ok ? 'ok' : verdict.code).toBe('empty_agenda');
  });
});

describe('agenda clock', () => {
  // 14:00 start (Accueil) · 14:12 Scénarios · 14:20 pause · 14:30 resume · 14:45 Choix · 14:50 back to Scénarios.
  const events: SeanceEvent[] = [
    { type: 'start', at: t('14:00') },
    { type: 'goto', itemId: 'scenarios', at: t('14:12') },
    { type: 'pause', at: t('14:20') },
    { type: 'resume', at: t('14:30') },
    { type: 'goto', itemId: 'decision', at: t('14:45') },
    { type: 'goto', itemId: 'scenarios', at: t('14:50') },
  ];
  const upTo = (hhmm: string) => events.filter((e) => e.at <= t(hhmm));
  const minutes = (ms: number) => ms / MIN;

  const table: [string, string, SeanceStatus, string | null, Record<string, [number, number, number, string]>][] = [
    // [elapsed, remaining, overrun, state] in minutes
    ['before the start', '13:55', 'planifiee', null, { accueil: [0, 10, 0, 'a_venir'], scenarios: [0, 30, 0, 'a_venir'], decision: [0, 15, 0, 'a_venir'] }],
    ['on the first item', '14:05', 'en_cours', 'accueil', { accueil: [5, 5, 0, 'en_cours'], scenarios: [0, 30, 0, 'a_venir'], decision: [0, 15, 0, 'a_venir'] }],
    ['first item overran by 2 min', '14:15', 'en_cours', 'scenarios', { accueil: [12, 0, 2, 'traite'], scenarios: [3, 27, 0, 'en_cours'], decision: [0, 15, 0, 'a_venir'] }],
    ['paused: the countdown stops', '14:29', 'en_pause', 'scenarios', { accueil: [12, 0, 2, 'traite'], scenarios: [8, 22, 0, 'en_cours'], decision: [0, 15, 0, 'a_venir'] }],
    ['resumed', '14:40', 'en_cours', 'scenarios', { accueil: [12, 0, 2, 'traite'], scenarios: [18, 12, 0, 'en_cours'], decision: [0, 15, 0, 'a_venir'] }],
    ['back on an item: time accumulates and overruns', '15:00', 'en_cours', 'scenarios', { accueil: [12, 0, 2, 'traite'], scenarios: [33, 0, 3, 'en_cours'], decision: [5, 10, 0, 'traite'] }],
  ];
  it.each(table)('%s (%s)', (_label, now, status, currentItemId, expected) => {
    const clock = agendaClock(agenda, upTo(now), t(now));
    expect(clock.status).toBe(status);
    expect(clock.currentItemId).toBe(currentItemId);
    expect(Object.fromEntries(clock.items.map((i) => [i.id, [minutes(i.elapsedMs), minutes(i.remainingMs), minutes(i.overrunMs), i.state]]))).toEqual(expected);
  });

  it('ending stops every clock and leaves no current item', () => {
    const ended = [...events, { type: 'end' as const, at: t('15:05') }];
    const clock = agendaClock(agenda, ended, t('16:00'));
    expect(clock.status).toBe('terminee');
    expect(clock.currentItemId).toBeNull();
    expect(clock.items.map((i) => [i.id, minutes(i.elapsedMs), i.state])).toEqual([
      ['accueil', 12, 'traite'],
      ['scenarios', 38, 'traite'],
      ['decision', 5, 'traite'],
    ]);
    // 65 min on the wall clock minus the 10 min pause.
    expect(minutes(clock.totalElapsedMs)).toBe(55);
    expect(minutes(clock.totalPlannedMs)).toBe(55);
  });

  it('replay and running intervals resume the state after a restart', () => {
    expect(replaySeance(agenda, upTo('14:25'))).toEqual({ status: 'en_pause', currentItemId: 'scenarios' });
    expect(runningIntervals(upTo('14:25'), t('14:25'))).toEqual([{ start: Date.parse(t('14:00')), end: Date.parse(t('14:20')) }]);
    expect(runningIntervals(upTo('14:40'), t('14:40'))).toEqual([
      { start: Date.parse(t('14:00')), end: Date.parse(t('14:20')) },
      { start: Date.parse(t('14:30')), end: Date.parse(t('14:40')) },
    ]);
  });
});

describe('agenda check', () => {
  const table: [string, AgendaItem[], string][] = [
    ['valid agenda', agenda, 'ok'],
    ['zero minutes', [{ id: 'a', title: 'Accueil', plannedMinutes: 0 }], 'invalid_item'],
    ['fractional minutes', [{ id: 'a', title: 'Accueil', plannedMinutes: 2.5 }], 'invalid_item'],
    ['blank title', [{ id: 'a', title: ' ', plannedMinutes: 5 }], 'invalid_item'],
    ['duplicate id', [agenda[0], { ...agenda[1], id: 'accueil' }], 'duplicate_item'],
  ];
  it.each(table)('%s → %s', (_label, items, expected) => {
    const verdict = checkAgenda(items);
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
  });
});
