import { describe, it, expect } from 'vitest';
import { runningIntervals, type SeanceEvent, type SeanceStatus } from '../../../shared/workshops/seance.js';
import {
  applySpeaking,
  EMPTY_SPEAKING,
  speakingTimes,
  type SpeakingCommand,
  type SpeakingState,
} from '../../../shared/workshops/speaking.js';

const t = (hhmm: string) => `2026-12-08T${hhmm}:00.000Z`;
const MIN = 60_000;
const VP = 'vp';

/** Applies commands that must all be accepted, as the server would replay them after a restart. */
function run(steps: [string, string, SpeakingCommand, SeanceStatus?][], from: SpeakingState = EMPTY_SPEAKING): SpeakingState {
  return steps.reduce((state, [at, actorId, command, seanceStatus]) => {
    const verdict = applySpeaking(state, command, { actorId, isFacilitator: actorId === VP, seanceStatus: seanceStatus ?? 'en_cours', at: t(at) });
    if (!verdict.ok) throw new Error(`${at} ${command.type}: ${verdict.code}`);
    return verdict.state;
  }, from);
}

describe('speaking queue', () => {
  const state = run([
    ['14:01', 'maire-seillans', { type: 'raise', personId: 'maire-seillans', communeId: 'seillans' }],
    ['14:02', 'adjoint-seillans', { type: 'raise', personId: 'adjoint-seillans', communeId: 'seillans' }],
    ['14:03', 'maire-fayence', { type: 'raise', personId: 'maire-fayence', communeId: 'fayence' }],
    ['14:04', VP, { type: 'give_floor', personId: 'maire-fayence' }],
  ]);

  it('keeps the queue in raise order and the speaker apart', () => {
    expect(state.queue.map((e) => e.personId)).toEqual(['maire-seillans', 'adjoint-seillans']);
    expect(state.speaker).toEqual({ personId: 'maire-fayence', communeId: 'fayence', from: t('14:04'), to: null });
  });

  const table: [string, string, SpeakingCommand, SeanceStatus, string][] = [
    ['raise for oneself', 'maire-montauroux', { type: 'raise', personId: 'maire-montauroux', communeId: 'montauroux' }, 'en_cours', 'ok'],
    ['raise during a pause', 'maire-montauroux', { type: 'raise', personId: 'maire-montauroux', communeId: 'montauroux' }, 'en_pause', 'ok'],
    ['raise for someone else', 'maire-seillans', { type: 'raise', personId: 'maire-montauroux', communeId: 'montauroux' }, 'en_cours', 'not_yourself'],
    ['raise twice (one entry per person)', 'maire-seillans', { type: 'raise', personId: 'maire-seillans', communeId: 'seillans' }, 'en_cours', 'already_in_queue'],
    ['raise while speaking', 'maire-fayence', { type: 'raise', personId: 'maire-fayence', communeId: 'fayence' }, 'en_cours', 'already_speaking'],
    ['raise before the séance', 'maire-montauroux', { type: 'raise', personId: 'maire-montauroux', communeId: 'montauroux' }, 'planifiee', 'seance_not_running'],
    ['raise after the séance', 'maire-montauroux', { type: 'raise', personId: 'maire-montauroux', communeId: 'montauroux' }, 'terminee', 'seance_not_running'],
    ['lower own hand', 'adjoint-seillans', { type: 'lower', personId: 'adjoint-seillans' }, 'en_cours', 'ok'],
    ['facilitator lowers a hand', VP, { type: 'lower', personId: 'adjoint-seillans' }, 'en_cours', 'ok'],
    ["lower someone else's hand", 'maire-seillans', { type: 'lower', personId: 'adjoint-seillans' }, 'en_cours', 'not_facilitator'],
    ['lower a hand that is not raised', 'maire-montauroux', { type: 'lower', personId: 'maire-montauroux' }, 'en_cours', 'not_in_queue'],
    ['facilitator gives the floor', VP, { type: 'give_floor', personId: 'adjoint-seillans' }, 'en_cours', 'ok'],
    ['a participant gives the floor', 'maire-fayence', { type: 'give_floor', personId: 'adjoint-seillans' }, 'en_cours', 'not_facilitator'],
    ['floor to someone not in the queue', VP, { type: 'give_floor', personId: 'maire-montauroux' }, 'en_cours', 'not_in_queue'],
    ['floor during a pause', VP, { type: 'give_floor', personId: 'adjoint-seillans' }, 'en_pause', 'seance_not_running'],
    ['speaker ends own turn', 'maire-fayence', { type: 'end_turn' }, 'en_cours', 'ok'],
    ['facilitator ends the turn', VP, { type: 'end_turn' }, 'en_cours', 'ok'],
    ["someone else ends the speaker's turn", 'maire-seillans', { type: 'end_turn' }, 'en_cours', 'not_facilitator'],
  ];
  it.each(table)('%s → %s', (_label, actorId, command, seanceStatus, expected) => {
    const verdict = applySpeaking(state, command, { actorId, isFacilitator: actorId === VP, seanceStatus, at: t('14:05') });
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
    if (!verdict.ok) expect(verdict.message.length).toBeGreaterThan(10);
  });

  it('ending a turn when nobody speaks is refused', () => {
    const verdict = applySpeaking(EMPTY_SPEAKING, { type: 'end_turn' }, { actorId: VP, isFacilitator: true, seanceStatus: 'en_cours', at: t('14:05') });
    expect(verdict.ok ? 'ok' : verdict.code).toBe('nobody_speaking');
  });

  it('never mutates the given state', () => {
    const before = JSON.stringify(state);
    applySpeaking(state, { type: 'give_floor', personId: 'maire-seillans' }, { actorId: VP, isFacilitator: true, seanceStatus: 'en_cours', at: t('14:06') });
    expect(JSON.stringify(state)).toBe(before);
  });
});

describe('speaking time', () => {
  // Séance: start 14:00, pause 14:20–14:30.
  const seance: SeanceEvent[] = [
    { type: 'start', at: t('14:00') },
    { type: 'pause', at: t('14:20') },
    { type: 'resume', at: t('14:30') },
  ];
  const state = run([
    ['14:01', 'maire-seillans', { type: 'raise', personId: 'maire-seillans', communeId: 'seillans' }],
    ['14:02', 'adjoint-seillans', { type: 'raise', personId: 'adjoint-seillans', communeId: 'seillans' }],
    ['14:03', 'maire-fayence', { type: 'raise', personId: 'maire-fayence', communeId: 'fayence' }],
    ['14:04', VP, { type: 'give_floor', personId: 'maire-fayence' }],
    // Giving the floor to the next person ends Fayence's turn: 6 min.
    ['14:10', VP, { type: 'give_floor', personId: 'maire-seillans' }],
    ['14:15', 'maire-seillans', { type: 'end_turn' }],
    ['14:16', VP, { type: 'raise', personId: VP, communeId: null }],
    ['14:18', VP, { type: 'give_floor', personId: 'adjoint-seillans' }],
    // The adjoint's turn spans the pause: 14:18–14:20 and 14:30–14:33 count, the pause does not.
    ['14:33', VP, { type: 'end_turn' }],
    ['14:34', VP, { type: 'give_floor', personId: VP }],
    ['14:36', VP, { type: 'end_turn' }],
    ['14:37', 'maire-fayence', { type: 'raise', personId: 'maire-fayence', communeId: 'fayence' }],
    ['14:38', VP, { type: 'give_floor', personId: 'maire-fayence' }],
  ]);
  const inMinutes = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v / MIN]));

  const table: [string, SeanceEvent[], string, Record<string, number>, Record<string, number>][] = [
    [
      'ongoing turn counted up to now',
      seance,
      '14:40',
      { 'maire-fayence': 8, 'maire-seillans': 5, 'adjoint-seillans': 5, vp: 2 },
      { fayence: 8, seillans: 10 },
    ],
    [
      'a pause freezes the ongoing turn',
      [...seance, { type: 'pause', at: t('14:40') }],
      '14:55',
      { 'maire-fayence': 8, 'maire-seillans': 5, 'adjoint-seillans': 5, vp: 2 },
      { fayence: 8, seillans: 10 },
    ],
  ];
  it.each(table)('%s', (_label, seanceEvents, now, byPerson, byCommune) => {
    const times = speakingTimes(state, runningIntervals(seanceEvents, t(now)), t(now));
    expect(inMinutes(times.byPerson)).toEqual(byPerson);
    expect(inMinutes(times.byCommune)).toEqual(byCommune);
  });
});
