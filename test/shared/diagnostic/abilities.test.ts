import { describe, it, expect } from 'vitest';
import { evaluateAbility, abilitiesOn, type Action } from '../../../shared/auth/abilities.js';
import { ABILITY_ACTORS, ABILITY_PROJECT } from '../../support/ability-fixtures.js';

const project = ABILITY_PROJECT;
const actors = ABILITY_ACTORS;
const on = (action: Action, name: string, diagnostic: Parameters<typeof evaluateAbility>[1]['diagnostic']) =>
  evaluateAbility(action, { actor: actors[name], project, diagnostic });

describe('diagnostic abilities (literal)', () => {
  // [actor, write Fayence, write Callian, validate Fayence, import, missions]
  const table: [string, boolean, boolean, boolean, boolean, boolean][] = [
    ['admin', true, true, false, true, true],
    ['vp', true, true, false, true, true],
    ['otherEluCc', false, false, false, false, false],
    ['techEpci', true, true, false, true, true],
    ['eluFayence', true, false, true, true, false],
    ['techFayence', true, false, false, true, false],
    ['eluSeillans', false, false, false, true, false],
    ['eluCallian', false, false, false, false, false],
    ['caf', false, false, false, false, false],
    ['obs', false, false, false, false, false],
  ];
  it.each(table)('%s: write Fayence %s, write Callian %s, validate Fayence %s, import %s, missions %s', (name, wf, wc, vf, imp, mis) => {
    expect(on('diagnostic.write', name, { communeId: 'fayence' })).toBe(wf);
    expect(on('diagnostic.write', name, { communeId: 'callian' })).toBe(wc);
    expect(on('diagnostic.validate', name, { communeId: 'fayence' })).toBe(vf);
    expect(on('diagnostic.import', name, {})).toBe(imp);
    expect(on('diagnostic.missions.manage', name, {})).toBe(mis);
  });

  const cafMeeting = { communeIds: ['fayence', 'seillans'], partnerId: 'p-caf', participantUserIds: [] };
  const fayenceInterview = { communeIds: ['fayence'], partnerId: null, participantUserIds: ['caf'] };
  const epciMeeting = { communeIds: [], partnerId: null, participantUserIds: [] };
  // [actor, contribute CAF meeting, contribute Fayence interview, contribute EPCI meeting]
  const consultations: [string, boolean, boolean, boolean][] = [
    ['vp', true, true, true],
    ['techEpci', true, true, true],
    ['techFayence', false, true, false],
    ['eluSeillans', false, false, false],
    ['caf', true, true, false],
    ['obs', false, false, false],
  ];
  it.each(consultations)('%s contributes: CAF meeting %s, Fayence interview %s, EPCI meeting %s', (name, a, b, c) => {
    expect(on('diagnostic.consultation.contribute', name, { consultation: cafMeeting })).toBe(a);
    expect(on('diagnostic.consultation.contribute', name, { consultation: fayenceInterview })).toBe(b);
    expect(on('diagnostic.consultation.contribute', name, { consultation: epciMeeting })).toBe(c);
  });

  it('creating a consultation: staff anywhere, a commune for itself, never a partner', () => {
    expect(on('diagnostic.consultation.manage', 'techFayence', { communeId: 'fayence' })).toBe(true);
    expect(on('diagnostic.consultation.manage', 'techFayence', { communeId: 'seillans' })).toBe(false);
    expect(on('diagnostic.consultation.manage', 'techFayence', {})).toBe(false);
    expect(on('diagnostic.consultation.manage', 'techEpci', {})).toBe(true);
    expect(on('diagnostic.consultation.manage', 'caf', { communeId: 'fayence' })).toBe(false);
  });

  it('observers and partners gain no diagnostic ability on the project as a whole', () => {
    for (const name of ['obs', 'caf']) {
      expect(abilitiesOn({ actor: actors[name], project }).filter((a) => a.startsWith('diagnostic.'))).toEqual([]);
    }
  });
});
