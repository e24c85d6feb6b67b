import { describe, it, expect } from 'vitest';
import { effectiveStatus, declaredComplete, checkCompletenessMove, boardSectionOf, type CompletenessStatus } from '../../../shared/diagnostic/sections.js';

describe('completeness workflow', () => {
  it.each([
    [null, 0, 'a_completer'],
    [null, 3, 'en_cours'],
    ['en_cours', 0, 'a_completer'],
    ['soumis', 0, 'soumis'],
    ['a_revoir', 2, 'a_revoir'],
    ['valide', 5, 'valide'],
  ] as const)('stored %s with %s records → %s', (stored, count, status) => expect(effectiveStatus(stored, count)).toBe(status));

  it.each<[CompletenessStatus, boolean]>([
    ['a_completer', false],
    ['en_cours', false],
    ['soumis', true],
    ['a_revoir', false],
    ['valide', true],
  ])('%s declares the section complete: %s', (s, v) => expect(declaredComplete(s)).toBe(v));

  it.each<[CompletenessStatus, 'submit' | 'validate' | 'return', string | null]>([
    ['a_completer', 'submit', null],
    ['en_cours', 'submit', null],
    ['a_revoir', 'submit', null],
    ['soumis', 'submit', 'Cette rubrique est déjà soumise à validation.'],
    ['valide', 'submit', 'Cette rubrique est déjà validée.'],
    ['soumis', 'validate', null],
    ['soumis', 'return', null],
    ['en_cours', 'validate', 'Seule une rubrique soumise à validation peut être validée ou renvoyée.'],
    ['valide', 'return', 'Seule une rubrique soumise à validation peut être validée ou renvoyée.'],
  ])('%s + %s → %s', (from, action, refusal) => expect(checkCompletenessMove(from, action)).toBe(refusal));

  it('usages count towards the services section', () => {
    expect(boardSectionOf('usages')).toBe('services');
    expect(boardSectionOf('agents')).toBe('agents');
  });
});
