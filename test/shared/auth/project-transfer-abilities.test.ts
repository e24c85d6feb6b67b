import { describe, it, expect } from 'vitest';
import { evaluateAbility } from '../../../shared/auth/abilities.js';
import { ABILITY_ACTORS, ABILITY_PROJECT } from '../../support/ability-fixtures.js';

/** Exporting and importing a whole project: administrators only (the facilitator included is NOT enough). */
describe('project transfer abilities', () => {
  // [actor, export (on the project), import]
  const table: [string, boolean, boolean][] = [
    ['admin', true, true],
    ['vp', false, false],
    ['otherEluCc', false, false],
    ['techEpci', false, false],
    ['eluFayence', false, false],
    ['techFayence', false, false],
    ['eluCallian', false, false],
    ['eluMons', false, false],
    ['eluBagnols', false, false],
    ['caf', false, false],
    ['obs', false, false],
  ];
  it.each(table)('%s: export %s, import %s', (name, exportOk, importOk) => {
    const actor = ABILITY_ACTORS[name];
    expect(evaluateAbility('project.export', { actor, project: ABILITY_PROJECT })).toBe(exportOk);
    expect(evaluateAbility('project.import', { actor })).toBe(importOk);
  });
});
