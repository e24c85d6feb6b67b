import { describe, it, expect } from 'vitest';
import { acceptAmendment, rejectAmendment, tallyAmendment, type Amendment } from '../../../shared/rounds/amendments.js';

const NOW = '2026-12-05T10:00:00.000Z';
const proposed: Amendment = {
  id: 'am1',
  authorId: 'u-fayence',
  authorCommuneId: 'fayence',
  status: 'proposee',
  originalText: 'Le service est financé par remboursement.',
  replacementText: "Le service est financé par imputation sur l'attribution de compensation.",
};
const accepted: Amendment = { ...proposed, status: 'acceptee' };
const rejected: Amendment = { ...proposed, status: 'rejetee' };

describe('amendment accept', () => {
  const table: [string, Amendment, boolean, string, string][] = [
    ['facilitator, text unchanged', proposed, true, proposed.originalText, 'ok'],
    ['not allowed to decide', proposed, false, proposed.originalText, 'not_allowed'],
    ['anchored text changed', proposed, true, 'Le service est financé par remboursement annuel.', 'text_changed'],
    ['only a trailing space changed', proposed, true, `${proposed.originalText} `, 'text_changed'],
    ['second (concurrent) accept', accepted, true, proposed.originalText, 'already_decided'],
    ['accept after a reject', rejected, true, proposed.originalText, 'already_decided'],
  ];
  it.each(table)('%s → %s', (_label, amendment, actorMayDecide, currentText, expected) => {
    const verdict = acceptAmendment({ amendment, actorId: 'u-vp', actorMayDecide, currentText, now: NOW });
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
  });

  it('text_changed carries the current text for the 409 body', () => {
    expect(acceptAmendment({ amendment: proposed, actorId: 'u-vp', actorMayDecide: true, currentText: 'Autre texte.', now: NOW })).toEqual({
      ok: false,
      code: 'text_changed',
      message: 'Le passage visé a changé depuis la proposition : relisez le texte actuel avant de statuer.',
      currentText: 'Autre texte.',
    });
  });

  it('an accept returns the decision to store with the text change', () => {
    expect(acceptAmendment({ amendment: proposed, actorId: 'u-vp', actorMayDecide: true, currentText: proposed.originalText, now: NOW })).toEqual({
      ok: true,
      decision: {
        amendmentId: 'am1',
        status: 'acceptee',
        decidedBy: 'u-vp',
        decidedAt: NOW,
        originalText: proposed.originalText,
        newText: proposed.replacementText,
        motivation: null,
      },
    });
  });
});

describe('amendment reject', () => {
  const table: [string, Amendment, boolean, string | null, string][] = [
    ['motivated', proposed, true, 'Hors du périmètre de la convention', 'ok'],
    ['no motivation', proposed, true, null, 'motivation_required'],
    ['blank motivation', proposed, true, '  ', 'motivation_required'],
    ['not allowed', proposed, false, 'Raison', 'not_allowed'],
    ['already accepted', accepted, true, 'Raison', 'already_decided'],
  ];
  it.each(table)('%s → %s', (_label, amendment, actorMayDecide, motivation, expected) => {
    const verdict = rejectAmendment({ amendment, actorId: 'u-vp', actorMayDecide, motivation, now: NOW });
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
  });

  it('records the trimmed motivation and no new text', () => {
    const verdict = rejectAmendment({ amendment: proposed, actorId: 'u-vp', actorMayDecide: true, motivation: ' Hors périmètre ', now: NOW });
    expect(verdict.ok && verdict.decision).toMatchObject({ status: 'rejetee', newText: null, motivation: 'Hors périmètre' });
  });
});

describe('amendment tally', () => {
  it('counts the latest stance per person, the author as a supporter, and distinct communes', () => {
    const tally = tallyAmendment(proposed, [
      { userId: 'u-seillans-1', communeId: 'seillans', stance: 'soutien', at: '2026-12-02T10:00:00.000Z' },
      { userId: 'u-seillans-2', communeId: 'seillans', stance: 'soutien', at: '2026-12-02T11:00:00.000Z' },
      { userId: 'u-montauroux', communeId: 'montauroux', stance: 'soutien', at: '2026-12-02T12:00:00.000Z' },
      { userId: 'u-montauroux', communeId: 'montauroux', stance: 'opposition', at: '2026-12-03T12:00:00.000Z' },
      { userId: 'u-vp', communeId: null, stance: 'opposition', at: '2026-12-03T13:00:00.000Z' },
      { userId: 'u-fayence', communeId: 'fayence', stance: 'opposition', at: '2026-12-03T14:00:00.000Z' },
    ]);
    expect(tally).toEqual({ support: 3, oppose: 2, supportCommunes: ['fayence', 'seillans'], opposeCommunes: ['montauroux'] });
  });

  it('a fresh proposal has its author as only supporter', () => {
    expect(tallyAmendment(proposed, [])).toEqual({ support: 1, oppose: 0, supportCommunes: ['fayence'], opposeCommunes: [] });
  });
});
