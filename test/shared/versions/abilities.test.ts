import { describe, it, expect } from 'vitest';
import { evaluateAbility } from '../../../shared/auth/abilities.js';
import { ABILITY_ACTORS, ABILITY_PROJECT } from '../../support/ability-fixtures.js';

const project = ABILITY_PROJECT;
const actors = ABILITY_ACTORS;

describe('versions abilities', () => {
  // [actor, create a version, restore a version] on an unlocked document. The lock and the archive are refused by
  // the versions service with 409 (restore on a locked document: only whoever still writes it, the facilitator).
  const table: [string, boolean, boolean][] = [
    ['admin', true, true],
    ['vp', true, true],
    ['otherEluCc', true, true],
    ['techEpci', true, true],
    ['eluFayence', true, false],
    ['techFayence', true, false],
    ['eluCallian', false, false],
    ['eluMons', false, false],
    ['caf', false, false],
    ['obs', false, false],
  ];
  it.each(table)('%s: create %s, restore %s', (name, create, restore) => {
    const input = { actor: actors[name], project, document: { locked: false, archived: false } };
    expect(evaluateAbility('document.version.create', input)).toBe(create);
    expect(evaluateAbility('document.version.restore', input)).toBe(restore);
  });

  it('creating a version does not depend on the lock (a snapshot does not change the text)', () => {
    const input = { actor: actors.techEpci, project, document: { locked: true, archived: false } };
    expect(evaluateAbility('document.version.create', input)).toBe(true);
    expect(evaluateAbility('document.write', input)).toBe(false);
  });
});
