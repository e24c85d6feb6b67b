import { describe, it, expect } from 'vitest';
import { latestPositions, recordPosition, type PositionInput } from '../../../shared/rounds/positions.js';
import type { Role } from '../../../shared/auth/roles.js';
import { draft, open, position } from './fixtures.js';

const NOW = '2026-12-05T10:00:00.000Z';
const maireSeillans = { id: 'u-maire-seillans', role: 'elu_communal' as Role, communeId: 'seillans' };
const programme = ['a-creche', 'a-mdj'];
const impacts = [
  { actionId: 'a-creche', impact: 'renforce' as const },
  { actionId: 'a-mdj', impact: 'neutre' as const },
];
const base: PositionInput = { communeId: 'seillans', kind: 'favorable', actionImpacts: impacts };

describe('recording a position', () => {
  const table: [string, { id: string; role: Role; communeId?: string | null }, Partial<PositionInput>, string][] = [
    ['favorable by the maire, no motivation', maireSeillans, {}, 'ok'],
    ['abstention without motivation', maireSeillans, { kind: 'abstention' }, 'ok'],
    ['défavorable with motivation', maireSeillans, { kind: 'defavorable', motivation: 'Coût trop élevé pour 2027' }, 'ok'],
    ['défavorable without motivation', maireSeillans, { kind: 'defavorable' }, 'motivation_required'],
    ['défavorable with a blank motivation', maireSeillans, { kind: 'defavorable', motivation: '   ' }, 'motivation_required'],
    ['réserves without motivation', maireSeillans, { kind: 'favorable_avec_reserves', conditions: ['Garder la crèche'] }, 'motivation_required'],
    ['réserves without condition', maireSeillans, { kind: 'favorable_avec_reserves', motivation: 'Oui, mais…' }, 'conditions_required'],
    ['réserves with only blank conditions', maireSeillans, { kind: 'favorable_avec_reserves', motivation: 'Oui, mais…', conditions: [' '] }, 'conditions_required'],
    ['réserves complete', maireSeillans, { kind: 'favorable_avec_reserves', motivation: 'Oui, mais…', conditions: ['Garder la crèche'] }, 'ok'],
    ['élu of another commune', { id: 'u-fayence', role: 'elu_communal', communeId: 'fayence' }, {}, 'not_commune_elu'],
    ['technician of the commune', { id: 'u-tech', role: 'technicien_communal', communeId: 'seillans' }, {}, 'not_commune_elu'],
    ['vice-président (EPCI élu)', { id: 'u-vp', role: 'elu_communautaire', communeId: null }, {}, 'not_commune_elu'],
    ['partner', { id: 'u-caf', role: 'partenaire' }, {}, 'not_commune_elu'],
    ['commune not invited', { id: 'u-callian', role: 'elu_communal', communeId: 'callian' }, { communeId: 'callian' }, 'not_invited'],
    ['unknown kind', maireSeillans, { kind: 'pour' as never }, 'invalid_kind'],
    ['impact on an action of another programme', maireSeillans, { actionImpacts: [...impacts, { actionId: 'a-fayence', impact: 'renforce' }] }, 'unknown_action'],
    ['unknown impact', maireSeillans, { actionImpacts: [{ actionId: 'a-creche', impact: 'booste' as never }] }, 'invalid_impact'],
    ['impact missing for one action', maireSeillans, { actionImpacts: [impacts[0]] }, 'impact_missing'],
  ];
  it.each(table)('%s → %s', (_label, actor, patch, expected) => {
    const verdict = recordPosition({ round: open, actor, input: { ...base, ...patch }, programmeActionIds: programme, now: NOW });
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
    if (!verdict.ok) expect(verdict.message.length).toBeGreaterThan(10);
  });

  it('is refused after closing with round_closed, and before opening with round_not_open', () => {
    const late = recordPosition({ round: open, actor: maireSeillans, input: base, programmeActionIds: programme, now: '2026-12-15T17:00:00.000Z' });
    expect(late.ok ? 'ok' : late.code).toBe('round_closed');
    const early = recordPosition({ round: draft, actor: maireSeillans, input: base, programmeActionIds: programme, now: NOW });
    expect(early.ok ? 'ok' : early.code).toBe('round_not_open');
  });

  it('returns the normalised position in programme order', () => {
    const verdict = recordPosition({
      round: open,
      actor: maireSeillans,
      input: {
        communeId: 'seillans',
        kind: 'favorable_avec_reserves',
        motivation: '  Intérêt pour les familles  ',
        conditions: [' Maintien de la crèche ', ''],
        actionImpacts: [impacts[1], impacts[0]],
      },
      programmeActionIds: programme,
      now: NOW,
    });
    expect(verdict).toEqual({
      ok: true,
      position: {
        roundId: 'r1',
        communeId: 'seillans',
        kind: 'favorable_avec_reserves',
        motivation: 'Intérêt pour les familles',
        conditions: ['Maintien de la crèche'],
        actionImpacts: impacts,
        authorId: 'u-maire-seillans',
        recordedAt: NOW,
      },
    });
  });

  it('a commune without programme actions records a position without impacts', () => {
    const verdict = recordPosition({ round: open, actor: maireSeillans, input: { ...base, actionImpacts: [] }, programmeActionIds: [], now: NOW });
    expect(verdict.ok).toBe(true);
  });

  it('the latest position of a commune replaces the earlier one', () => {
    const latest = latestPositions([
      position('seillans', '2026-12-03T10:00:00.000Z', { kind: 'defavorable' }),
      position('fayence', '2026-12-03T11:00:00.000Z'),
      position('seillans', '2026-12-04T10:00:00.000Z', { kind: 'favorable' }),
    ]);
    expect([...latest.entries()].map(([c, p]) => [c, p.kind])).toEqual([
      ['seillans', 'favorable'],
      ['fayence', 'favorable'],
    ]);
  });
});
