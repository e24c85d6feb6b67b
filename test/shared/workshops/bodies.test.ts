import { describe, it, expect } from 'vitest';
import { BODY_QUORUM, quorumCommunes, quorumRuleText, type SeanceBody } from '../../../shared/workshops/bodies.js';
import { computeAttendance, quorumRequired } from '../../../shared/workshops/attendance.js';

describe('quorum by body', () => {
  const table: [SeanceBody, number, number | null][] = [
    ['copil', 4, 3],
    ['copil', 5, 3],
    ['conference_maires', 9, 5],
    ['cotech', 4, null],
    ['groupe_travail', 4, null],
  ];
  it.each(table)('%s with %i communes → %s required', (body, members, required) => {
    expect(quorumRequired(BODY_QUORUM[body], members)).toBe(required);
    expect(quorumRuleText(body).length).toBeGreaterThan(20);
  });

  it('invited communes are the reference; without invitations, the participating ones', () => {
    expect(quorumCommunes(['b', 'a', 'a'], ['x'])).toEqual(['a', 'b']);
    expect(quorumCommunes([], ['y', 'x'])).toEqual(['x', 'y']);
  });

  it('a COPIL of four communes with two represented has no quorum; a third commune reaches it', () => {
    const memberCommuneIds = ['fayence', 'seillans', 'montauroux', 'tourrettes'];
    const connected = [{ personId: 'e1', communeId: 'fayence' }, { personId: 'e2', communeId: 'seillans' }, { personId: 'vp', communeId: null }];
    expect(computeAttendance({ connected, checkedIn: [], memberCommuneIds, quorum: BODY_QUORUM.copil }).quorum).toEqual({ required: 3, reached: false });
    expect(computeAttendance({ connected, checkedIn: [{ personId: 'm', communeId: 'montauroux' }], memberCommuneIds, quorum: BODY_QUORUM.copil }).quorum).toEqual({ required: 3, reached: true });
  });
});
