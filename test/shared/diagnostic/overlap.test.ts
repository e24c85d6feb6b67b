import { describe, it, expect } from 'vitest';
import { buildOverlapMatrix, type OverlapInput } from '../../../shared/diagnostic/overlap.js';

const input = (): OverlapInput => ({
  missions: [
    { key: 'alsh', label: 'Accueil de loisirs' },
    { key: 'pij', label: 'PIJ' },
    { key: 'ados', label: 'Animations ados' },
  ],
  communes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  besoins: [],
  services: [],
});
const answer = (communeId: string, missionKey: string, o: Partial<OverlapInput['besoins'][number]> = {}) => ({
  communeId, missionKey, existing: null, unmetNeed: null, poolingWish: null, priority: null, ...o,
});

describe('overlap matrix missions × communes', () => {
  it('nothing known: every cell unknown, no overlap, no gap', () => {
    const rows = buildOverlapMatrix(input());
    expect(rows.map((r) => [r.missionKey, r.providers, r.unknown, r.overlap, r.gap])).toEqual([
      ['alsh', 0, 3, false, false],
      ['pij', 0, 3, false, false],
      ['ados', 0, 3, false, false],
    ]);
  });

  it('two providers is an overlap, an unmet need is a gap, wishes are counted', () => {
    const i = input();
    i.besoins.push(
      answer('a', 'alsh', { existing: 'oui', poolingWish: 'oui' }),
      answer('b', 'alsh', { existing: 'partiel', poolingWish: 'a_etudier' }),
      answer('c', 'alsh', { existing: 'non', unmetNeed: true, poolingWish: 'oui', priority: 'haute' }),
      answer('a', 'pij', { existing: 'oui' }),
    );
    const [alsh, pij] = buildOverlapMatrix(i);
    expect(alsh).toMatchObject({ providers: 2, unmet: 1, wishPooling: 2, unknown: 0, overlap: true, gap: true });
    expect(alsh.cells[2]).toEqual({ communeId: 'c', existing: 'non', source: 'besoins', unmetNeed: true, poolingWish: 'oui', priority: 'haute' });
    expect(pij).toMatchObject({ providers: 1, overlap: false, gap: false, unknown: 2 });
  });

  it('services fill cells the questionnaire left empty, but an explicit answer wins', () => {
    const i = input();
    i.services.push({ communeId: 'a', missions: ['ados'] }, { communeId: 'b', missions: ['ados', 'alsh'] }, { communeId: 'c', missions: null });
    i.besoins.push(answer('b', 'ados', { existing: 'non', unmetNeed: true }));
    const rows = buildOverlapMatrix(i);
    const ados = rows.find((r) => r.missionKey === 'ados')!;
    expect(ados.cells.map((c) => [c.existing, c.source])).toEqual([
      ['oui', 'services'],
      ['non', 'besoins'],
      [null, null],
    ]);
    expect(rows.find((r) => r.missionKey === 'alsh')!.cells[1]).toMatchObject({ existing: 'oui', source: 'services' });
  });
});
