import { describe, it, expect } from 'vitest';
import { evaluateAbility, type Actor, type ProjectContext } from '../../../shared/auth/abilities.js';

const project: ProjectContext = {
  id: 'p',
  facilitatorId: 'vp',
  participations: { fayence: 'participante', callian: 'invitee', tanneron: 'observatrice', mons: 'retiree' },
  memberIds: ['caf', 'obs'],
};
const actors: Record<string, Actor> = {
  admin: { id: 'admin', role: 'administrateur' },
  vp: { id: 'vp', role: 'elu_communautaire' },
  otherEluCc: { id: 'x', role: 'elu_communautaire' },
  techEpci: { id: 'te', role: 'technicien_communautaire' },
  eluFayence: { id: 'ef', role: 'elu_communal', communeId: 'fayence' },
  eluCallian: { id: 'ec', role: 'elu_communal', communeId: 'callian' },
  eluTanneron: { id: 'et', role: 'elu_communal', communeId: 'tanneron' },
  eluMons: { id: 'em', role: 'elu_communal', communeId: 'mons' },
  eluBagnols: { id: 'eb', role: 'elu_communal', communeId: 'bagnols' },
  caf: { id: 'caf', role: 'partenaire', partnerId: 'p1' },
  otherPartner: { id: 'p2', role: 'partenaire', partnerId: 'p2' },
  obs: { id: 'obs', role: 'observateur' },
};

describe('abilities table', () => {
  // [actor, read, write (unlocked), write (locked), lock]
  const table: [string, boolean, boolean, boolean, boolean][] = [
    ['admin', true, true, false, true],
    ['vp', true, true, true, true],
    ['otherEluCc', true, true, false, false],
    ['techEpci', true, true, false, false],
    ['eluFayence', true, true, false, false],
    ['eluCallian', true, false, false, false],
    ['eluTanneron', true, false, false, false],
    ['eluMons', false, false, false, false],
    ['eluBagnols', false, false, false, false],
    ['caf', true, false, false, false],
    ['otherPartner', false, false, false, false],
    ['obs', true, false, false, false],
  ];
  it.each(table)('%s: read %s, write %s, write locked %s, lock %s', (name, read, write, writeLocked, lock) => {
    const actor = actors[name];
    expect(evaluateAbility('document.read', { actor, project })).toBe(read);
    expect(evaluateAbility('document.write', { actor, project, document: { locked: false, archived: false } })).toBe(write);
    expect(evaluateAbility('document.write', { actor, project, document: { locked: true, archived: false } })).toBe(writeLocked);
    expect(evaluateAbility('document.lock', { actor, project })).toBe(lock);
  });

  it('nobody writes an archived document', () => {
    for (const actor of Object.values(actors)) {
      expect(evaluateAbility('document.write', { actor, project, document: { locked: false, archived: true } })).toBe(false);
    }
  });
});
