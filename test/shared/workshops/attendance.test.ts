import { describe, it, expect } from 'vitest';
import { checkCheckIn, computeAttendance, quorumRequired, type Attendee, type QuorumRule } from '../../../shared/workshops/attendance.js';

const members = ['seillans', 'fayence', 'montauroux', 'tourrettes', 'callian', 'tanneron', 'mons', 'bagnols'];
const connected: Attendee[] = [
  { personId: 'maire-seillans', communeId: 'seillans' },
  { personId: 'adjoint-seillans', communeId: 'seillans' },
  { personId: 'maire-fayence', communeId: 'fayence' },
  { personId: 'vp', communeId: null },
];
// Montauroux's maire is in the room without a screen; Fayence's maire is connected and checked in.
const checkedIn: Attendee[] = [
  { personId: 'maire-montauroux', communeId: 'montauroux' },
  { personId: 'maire-fayence', communeId: 'fayence' },
  { personId: 'maire-saint-paul', communeId: 'saint-paul-en-foret' },
];

describe('attendance', () => {
  const attendance = computeAttendance({ connected, checkedIn, memberCommuneIds: members, quorum: { kind: 'ratio', numerator: 1, denominator: 2 } });

  it('lists each person once with where the presence comes from', () => {
    expect(attendance.present.map((p) => `${p.personId}:${p.source}`)).toEqual([
      'adjoint-seillans:connexion',
      'maire-fayence:les_deux',
      'maire-montauroux:pointage',
      'maire-saint-paul:pointage',
      'maire-seillans:connexion',
      'vp:connexion',
    ]);
  });

  it('lists communes represented; only member communes count towards the quorum', () => {
    expect(attendance.communesRepresented).toEqual(['fayence', 'montauroux', 'saint-paul-en-foret', 'seillans']);
    expect(attendance.memberCommunesRepresented).toBe(3);
    expect(attendance.quorum).toEqual({ required: 4, reached: false });
  });

  const table: [string, QuorumRule, number, number | null][] = [
    ['half of 8', { kind: 'ratio', numerator: 1, denominator: 2 }, 8, 4],
    ['half of 7 rounds up', { kind: 'ratio', numerator: 1, denominator: 2 }, 7, 4],
    ['more than half of 8', { kind: 'ratio', numerator: 1, denominator: 2, strict: true }, 8, 5],
    ['more than half of 7', { kind: 'ratio', numerator: 1, denominator: 2, strict: true }, 7, 4],
    ['two thirds of 9', { kind: 'ratio', numerator: 2, denominator: 3 }, 9, 6],
    ['fixed count', { kind: 'count', min: 3 }, 8, 3],
    ['no quorum', { kind: 'none' }, 8, null],
  ];
  it.each(table)('quorum: %s → %s', (_label, rule, memberCount, expected) => {
    expect(quorumRequired(rule, memberCount)).toBe(expected);
  });

  it('the quorum is reached once a fourth member commune arrives; no rule, no indicator', () => {
    const more = computeAttendance({
      connected: [...connected, { personId: 'maire-mons', communeId: 'mons' }],
      checkedIn,
      memberCommuneIds: members,
      quorum: { kind: 'ratio', numerator: 1, denominator: 2 },
    });
    expect(more.quorum).toEqual({ required: 4, reached: true });
    expect(computeAttendance({ connected, checkedIn: [], memberCommuneIds: members, quorum: { kind: 'none' } }).quorum).toBeNull();
  });
});

describe('check-in', () => {
  const table: [string, string, string, boolean, string][] = [
    ['oneself', 'maire-mons', 'maire-mons', false, 'ok'],
    ['facilitator checks someone in', 'vp', 'maire-mons', true, 'ok'],
    ['someone else', 'maire-seillans', 'maire-mons', false, 'not_facilitator'],
  ];
  it.each(table)('%s → %s', (_label, actorId, personId, isFacilitator, expected) => {
    const verdict = checkCheckIn({ actorId, personId, isFacilitator });
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
  });
});
