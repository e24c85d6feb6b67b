import { describe, it, expect } from 'vitest';
import { reminderSchedule, remindersDue, trackingBoard } from '../../../shared/rounds/reminders.js';
import type { Round } from '../../../shared/rounds/round.js';
import { draft, open, position } from './fixtures.js';

// Seillans answered on 2 Dec, Fayence on 14 Dec; Montauroux and Tourrettes never answer.
const positions = [position('seillans', '2026-12-02T09:00:00.000Z'), position('fayence', '2026-12-14T09:00:00.000Z')];

describe('reminders', () => {
  const table: [string, string, { communeId: string; moment: 'ouverture' | 'avant_cloture' | 'cloture' }[], string[]][] = [
    ['before opening', '2026-12-01T07:00:00.000Z', [], []],
    ['at opening: every commune', '2026-12-01T08:00:00.000Z', [], ['seillans:ouverture', 'fayence:ouverture', 'montauroux:ouverture', 'tourrettes:ouverture']],
    [
      'opening job runs again: nothing new',
      '2026-12-01T09:00:00.000Z',
      ['seillans', 'fayence', 'montauroux', 'tourrettes'].map((communeId) => ({ communeId, moment: 'ouverture' as const })),
      [],
    ],
    ['opening job crashed half-way: only the rest', '2026-12-01T09:00:00.000Z', [{ communeId: 'seillans', moment: 'ouverture' }], ['fayence:ouverture', 'montauroux:ouverture', 'tourrettes:ouverture']],
    ['48 h before closing: communes without a position', '2026-12-13T17:00:00.000Z', [], ['fayence:avant_cloture', 'montauroux:avant_cloture', 'tourrettes:avant_cloture']],
    ['48 h job again after Fayence answered', '2026-12-14T10:00:00.000Z', [{ communeId: 'montauroux', moment: 'avant_cloture' }, { communeId: 'tourrettes', moment: 'avant_cloture' }], []],
    ['at closing', '2026-12-15T17:00:00.000Z', [], ['montauroux:cloture', 'tourrettes:cloture']],
    ['at closing, already sent', '2026-12-15T18:00:00.000Z', [{ communeId: 'montauroux', moment: 'cloture' }, { communeId: 'tourrettes', moment: 'cloture' }], []],
  ];
  it.each(table)('%s', (_label, now, sent, expected) => {
    expect(remindersDue(open, positions, now, sent).map((r) => `${r.communeId}:${r.moment}`)).toEqual(expected);
  });

  it('a job waking up late sends only the latest moment, with its due time', () => {
    expect(remindersDue(open, positions, '2026-12-14T08:00:00.000Z')).toEqual([
      { roundId: 'r1', communeId: 'fayence', moment: 'avant_cloture', dueAt: '2026-12-13T17:00:00.000Z' },
      { roundId: 'r1', communeId: 'montauroux', moment: 'avant_cloture', dueAt: '2026-12-13T17:00:00.000Z' },
      { roundId: 'r1', communeId: 'tourrettes', moment: 'avant_cloture', dueAt: '2026-12-13T17:00:00.000Z' },
    ]);
  });

  it('a draft round sends nothing; positions of other rounds do not count', () => {
    expect(remindersDue(draft, [], '2026-12-05T00:00:00.000Z')).toEqual([]);
    const other = [{ ...position('montauroux', '2026-12-02T00:00:00.000Z'), roundId: 'r2' }];
    expect(remindersDue(open, [...positions, ...other], '2026-12-15T17:00:00.000Z').map((r) => r.communeId)).toEqual(['montauroux', 'tourrettes']);
  });

  it('an early manual closing moves the closing reminder and drops the 48 h one', () => {
    const closedEarly: Round = { ...open, status: 'clos', closedAt: '2026-12-10T12:00:00.000Z' };
    expect(reminderSchedule(closedEarly).map((s) => s.moment)).toEqual(['ouverture', 'cloture']);
    expect(remindersDue(closedEarly, positions, '2026-12-10T12:00:00.000Z').map((r) => `${r.communeId}:${r.moment}:${r.dueAt}`)).toEqual([
      'fayence:cloture:2026-12-10T12:00:00.000Z',
      'montauroux:cloture:2026-12-10T12:00:00.000Z',
      'tourrettes:cloture:2026-12-10T12:00:00.000Z',
    ]);
  });

  it('a round shorter than 48 h has no closing-soon reminder', () => {
    const short: Round = { ...open, closesAt: '2026-12-02T08:00:00.000Z' };
    expect(reminderSchedule(short).map((s) => s.moment)).toEqual(['ouverture', 'cloture']);
  });
});

describe('tracking board', () => {
  const table: [string, string, Record<string, string>, { answered: number; pending: number; late: number }][] = [
    ['early in the round', '2026-12-05T00:00:00.000Z', { seillans: 'answered', fayence: 'pending', montauroux: 'pending', tourrettes: 'pending' }, { answered: 1, pending: 3, late: 0 }],
    ['within 48 h of closing', '2026-12-14T12:00:00.000Z', { seillans: 'answered', fayence: 'answered', montauroux: 'late', tourrettes: 'late' }, { answered: 2, pending: 0, late: 2 }],
    ['after the deadline', '2026-12-20T00:00:00.000Z', { seillans: 'answered', fayence: 'answered', montauroux: 'late', tourrettes: 'late' }, { answered: 2, pending: 0, late: 2 }],
  ];
  it.each(table)('%s', (_label, now, statuses, counts) => {
    const visible = positions.filter((p) => p.recordedAt <= now);
    const board = trackingBoard(open, visible, now);
    expect(Object.fromEntries(board.rows.map((r) => [r.communeId, r.status]))).toEqual(statuses);
    expect(board.counts).toEqual(counts);
  });

  it('rows carry the position and its time', () => {
    expect(trackingBoard(open, positions, '2026-12-15T00:00:00.000Z').rows[0]).toEqual({
      communeId: 'seillans',
      status: 'answered',
      kind: 'favorable',
      answeredAt: '2026-12-02T09:00:00.000Z',
    });
  });
});
