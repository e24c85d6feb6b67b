import { describe, it, expect } from 'vitest';
import { evaluateAbility, type Action } from '../../../shared/auth/abilities.js';
import { ABILITY_ACTORS, ABILITY_PROJECT } from '../../support/ability-fixtures.js';

const actors = ABILITY_ACTORS;
const Y = true;
const n = false;

/**
 * Literal expectations for the deliberation abilities, on the shared cast (Fayence and Seillans participate, Callian
 * is invited, Tanneron observes, Mons withdrew, Bagnols is out; the CAF partner and an observer are added members).
 */
describe('deliberation abilities (project level)', () => {
  const actions: Action[] = [
    'comment.read', 'comment.create', 'comment.moderate', 'amendment.propose', 'round.read', 'round.manage',
    'scenario.write', 'scenario.decide', 'action_plan.write', 'convention.generate', 'membership.manage',
    'workshop.control', 'workshop.participate',
  ];
  // actor: read, create, moderate, propose, round.read, round.manage, scen.write, decide, plan, convention, membership, ws.control, ws.participate
  const table: [string, boolean[]][] = [
    ['admin', [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
    ['vp', [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]],
    ['otherEluCc', [Y, Y, Y, Y, Y, n, Y, n, Y, Y, n, n, Y]],
    ['techEpci', [Y, Y, Y, Y, Y, n, Y, n, Y, Y, n, n, Y]],
    ['eluFayence', [Y, Y, Y, Y, Y, n, n, n, n, n, n, n, Y]],
    ['techFayence', [Y, Y, Y, Y, Y, n, n, n, n, n, n, n, Y]],
    ['eluCallian', [Y, Y, n, Y, Y, n, n, n, n, n, n, n, Y]],
    ['eluTanneron', [Y, Y, n, Y, Y, n, n, n, n, n, n, n, Y]],
    ['eluMons', [n, n, n, n, n, n, n, n, n, n, n, n, n]],
    ['eluBagnols', [n, n, n, n, n, n, n, n, n, n, n, n, n]],
    ['caf', [Y, Y, n, Y, Y, n, n, n, n, n, n, n, Y]],
    ['otherPartner', [n, n, n, n, n, n, n, n, n, n, n, n, n]],
    ['obs', [Y, n, n, n, Y, n, n, n, n, n, n, n, n]],
  ];
  it.each(table)('%s', (name, expected) => {
    const got = actions.map((a) => evaluateAbility(a, { actor: actors[name], project: ABILITY_PROJECT }));
    expect(got).toEqual(expected);
  });
});

describe('commune-scoped abilities: position, programme, deliberation', () => {
  // actor, commune: set the position, write the programme, record the deliberation
  const table: [string, string, boolean, boolean, boolean][] = [
    ['eluFayence', 'fayence', Y, Y, Y],
    ['techFayence', 'fayence', n, Y, Y],
    ['eluFayence', 'seillans', n, n, n],
    ['eluCallian', 'callian', Y, Y, Y], // an invited (outside) commune answers rounds
    ['eluMons', 'mons', n, n, n], // withdrawn
    ['eluBagnols', 'bagnols', n, n, n], // not in the project
    ['vp', 'fayence', n, Y, Y], // the facilitator records for a commune but never speaks for it
    ['admin', 'fayence', n, Y, Y],
    ['techEpci', 'fayence', n, n, n],
    ['caf', 'fayence', n, n, n],
  ];
  it.each(table)('%s for %s: position %s, programme %s, deliberation %s', (name, communeId, position, programme, deliberation) => {
    const input = { actor: actors[name], project: ABILITY_PROJECT, diagnostic: { communeId } };
    expect(evaluateAbility('round.position.set', input)).toBe(position);
    expect(evaluateAbility('programme.write', input)).toBe(programme);
    expect(evaluateAbility('deliberation.record', input)).toBe(deliberation);
  });
});

describe('amendment decisions', () => {
  const doc = { locked: false, archived: false };
  it('only the facilitator and the administrator decide by default', () => {
    const decide = (name: string) => evaluateAbility('amendment.decide', { actor: actors[name], project: ABILITY_PROJECT, document: doc });
    expect(['admin', 'vp', 'techEpci', 'eluFayence', 'caf', 'obs'].map(decide)).toEqual([Y, Y, n, n, n, n]);
  });
  it("the document's editors decide when the facilitator allows it, not on a locked or archived document", () => {
    const project = { ...ABILITY_PROJECT, editorsDecideAmendments: true };
    const decide = (name: string, document = doc) => evaluateAbility('amendment.decide', { actor: actors[name], project, document });
    expect(['techEpci', 'eluFayence', 'eluCallian', 'caf', 'obs'].map((a) => decide(a))).toEqual([Y, Y, n, n, n]);
    expect(decide('eluFayence', { locked: true, archived: false })).toBe(false);
    expect(decide('vp', { locked: true, archived: false })).toBe(true);
    expect(decide('vp', { locked: false, archived: true })).toBe(false);
  });
});
