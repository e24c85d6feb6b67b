import { describe, it, expect } from 'vitest';
import { evaluateAbility } from '../../../shared/auth/abilities.js';
import { ABILITY_ACTORS, ABILITY_PROJECT } from '../../support/ability-fixtures.js';

const project = ABILITY_PROJECT;
const actors = ABILITY_ACTORS;

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
