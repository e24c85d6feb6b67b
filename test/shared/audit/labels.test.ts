import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_PATTERNS, auditActionLabel } from '../../../shared/audit/labels.js';
import { recordedActions } from './recorded-actions.js';

const SERVER = fileURLToPath(new URL('../../../server', import.meta.url));

describe('audit action labels', () => {
  const { actions, unresolved } = recordedActions(SERVER);

  it('finds the recordAudit calls of the server (sanity check of the reader)', () => {
    const codes = new Set(actions.map((a) => a.action));
    for (const known of ['auth.login', 'project.phase_changed', 'document.locked', 'document.unlocked', 'diagnostic.*.updated', 'project.imported']) expect(codes).toContain(known);
  });

  it('every recordAudit call writes its action literally (or as a template with a labelled pattern)', () => {
    expect(unresolved, 'write the action code as a literal, a conditional of literals or a template literal').toEqual([]);
  });

  it('every action recorded anywhere in server/ has a French label', () => {
    const missing = actions
      .filter(({ action }) => (action.includes('*') ? !(action in AUDIT_ACTION_PATTERNS) : !(action in AUDIT_ACTION_LABELS)))
      .map(({ action, file, line }) => `${action} (${file}:${line}) — add it to shared/audit/labels.ts`);
    expect(missing).toEqual([]);
  });

  it('labels codes literally, builds patterned ones, and shows unknown old codes readably', () => {
    const table: [string, string][] = [
      ['auth.login_failed', 'Échec de connexion'],
      ['project.phase_changed', 'Changement de phase'],
      ['document.version_restored', 'Version restaurée'],
      ['diagnostic.services.created', 'Diagnostic (services existants) : fiche ajoutée'],
      ['diagnostic.equipements.updated', 'Diagnostic (équipements) : fiche modifiée'],
      ['diagnostic.mission.deleted', 'Diagnostic : mission supprimée'],
      ['diagnostic.completeness.returned', 'Diagnostic : rubrique renvoyée pour correction'],
      ['diagnostic.completeness.reopened', 'Diagnostic : rubrique rouverte par une modification'],
      ['seance.pause', 'Séance : séance suspendue'],
      ['seance.created', 'Séance créée'],
      ['quelque.chose', 'Action « quelque.chose »'],
    ];
    for (const [code, label] of table) expect(auditActionLabel(code), code).toBe(label);
  });

  it('labels are French sentences, not codes', () => {
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label).toMatch(/^[A-ZÉ][^.]*[^.\s]$/);
  });
});
