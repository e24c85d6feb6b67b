import { describe, it, expect } from 'vitest';
import { buildSynthesis, type RoundComment } from '../../../shared/rounds/synthesis.js';
import { open, position } from './fixtures.js';

const positions = [
  position('seillans', '2026-12-02T09:00:00.000Z', {
    kind: 'favorable_avec_reserves',
    motivation: 'Intérêt pour les familles',
    conditions: ['Maintien de la crèche'],
    actionImpacts: [
      { actionId: 's-creche', impact: 'renforce' },
      { actionId: 's-mdj', impact: 'neutre' },
    ],
  }),
  position('fayence', '2026-12-03T09:00:00.000Z', { kind: 'defavorable', motivation: 'Coût', actionImpacts: [{ actionId: 'f-alsh', impact: 'affaiblit' }] }),
  // An earlier Fayence position, superseded by the one above.
  position('fayence', '2026-12-02T09:00:00.000Z', { kind: 'favorable' }),
  position('montauroux', '2026-12-04T09:00:00.000Z', { kind: 'abstention', actionImpacts: [{ actionId: 'm-ludo', impact: 'renforce' }] }),
];

const section = { kind: 'section' as const, id: 'sec-financement', label: 'Dispositions financières' };
const capacity = { kind: 'record' as const, id: 'eq-mdj-seillans#capacite', label: 'Maison des jeunes de Seillans — capacité' };
const comment = (id: string, type: RoundComment['type'], status: RoundComment['status'], targets: RoundComment['targets'], createdAt: string): RoundComment => ({
  id,
  type,
  status,
  authorId: `u-${id}`,
  authorCommuneId: 'fayence',
  body: `Commentaire ${id}`,
  targets,
  createdAt,
});
const comments = [
  comment('c3', 'objection', 'open', [section, capacity], '2026-12-05T10:00:00.000Z'),
  comment('c1', 'question', 'resolved', [section], '2026-12-02T10:00:00.000Z'),
  comment('c2', 'objection', 'resolved', [capacity], '2026-12-03T10:00:00.000Z'),
  comment('c4', 'correction_donnee', 'open', [capacity], '2026-12-06T10:00:00.000Z'),
];

const synthesis = buildSynthesis({
  round: open,
  positions,
  comments,
  actions: [
    { id: 's-creche', communeId: 'seillans', title: 'Extension de la crèche' },
    { id: 's-mdj', communeId: 'seillans', title: 'Animateur maison des jeunes' },
    { id: 'f-alsh', communeId: 'fayence', title: 'ALSH du mercredi' },
  ],
  communeNames: { seillans: 'Seillans', fayence: 'Fayence', montauroux: 'Montauroux', tourrettes: 'Tourrettes' },
});

describe('round synthesis', () => {
  it('lists positions by commune in invitation order, with the latest position of each', () => {
    expect(synthesis.positionsByCommune.map((p) => [p.communeName, p.kind, p.motivation, p.conditions])).toEqual([
      ['Seillans', 'favorable_avec_reserves', 'Intérêt pour les familles', ['Maintien de la crèche']],
      ['Fayence', 'defavorable', 'Coût', []],
      ['Montauroux', 'abstention', null, []],
      ['Tourrettes', null, null, []],
    ]);
    expect(synthesis.positionCounts).toEqual({ favorable: 0, favorable_avec_reserves: 1, defavorable: 1, abstention: 1, sans_position: 1 });
  });

  it('tallies the programme impacts in total, by commune and by action', () => {
    expect(synthesis.programmeImpact.total).toEqual({ renforce: 2, neutre: 1, affaiblit: 1 });
    expect(synthesis.programmeImpact.byCommune).toEqual([
      { communeId: 'seillans', counts: { renforce: 1, neutre: 1, affaiblit: 0 } },
      { communeId: 'fayence', counts: { renforce: 0, neutre: 0, affaiblit: 1 } },
      { communeId: 'montauroux', counts: { renforce: 1, neutre: 0, affaiblit: 0 } },
    ]);
    expect(synthesis.programmeImpact.byAction.map((a) => `${a.title}:${a.impact}`)).toEqual([
      'Extension de la crèche:renforce',
      'Animateur maison des jeunes:neutre',
      'ALSH du mercredi:affaiblit',
      'm-ludo:renforce',
    ]);
  });

  it('groups comments by type (fixed order, empty types omitted) and by target', () => {
    expect(synthesis.commentsByType.map((g) => [g.type, g.comments.map((c) => c.id)])).toEqual([
      ['question', ['c1']],
      ['objection', ['c2', 'c3']],
      ['correction_donnee', ['c4']],
    ]);
    expect(synthesis.commentsByTarget.map((g) => [g.target.label, g.comments.map((c) => c.id)])).toEqual([
      ['Dispositions financières', ['c1', 'c3']],
      ['Maison des jeunes de Seillans — capacité', ['c2', 'c3', 'c4']],
    ]);
  });

  it('lists only the open objections', () => {
    expect(synthesis.openObjections.map((c) => c.id)).toEqual(['c3']);
  });
});
