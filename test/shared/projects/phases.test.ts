import { describe, it, expect } from 'vitest';
import { checkTransition, phaseTimeline, type Phase } from '../../../shared/projects/phases.js';

describe('phase machine', () => {
  const table: [Phase, Phase, boolean, string | null, string][] = [
    ['besoins', 'perimetre', true, null, 'ok'],
    ['diagnostic', 'scenarios', true, null, 'ok'],
    ['deliberations', 'en_vigueur', true, null, 'ok'],
    ['besoins', 'allocation', true, null, 'skip_forward'],
    ['diagnostic', 'arbitrage', true, null, 'skip_forward'],
    ['diagnostic', 'diagnostic', true, null, 'same_phase'],
    ['scenarios', 'diagnostic', true, null, 'reason_required'],
    ['scenarios', 'diagnostic', true, '  ', 'reason_required'],
    ['scenarios', 'diagnostic', true, 'Données de Mons incomplètes', 'ok'],
    ['convention', 'besoins', true, 'On repart des besoins', 'ok'],
    ['diagnostic', 'scenarios', false, null, 'not_allowed'],
    ['scenarios', 'diagnostic', false, 'raison', 'not_allowed'],
  ];
  it.each(table)('%s → %s (may control: %s, reason %j) gives %s', (from, to, actorMayControl, reason, expected) => {
    const verdict = checkTransition({ from, to, actorMayControl, reason });
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
    if (!verdict.ok) expect(verdict.message.length).toBeGreaterThan(10);
  });

  it('a closed gate refuses the forward move with its own message', () => {
    const gate = (target: Phase) => (target === 'en_vigueur' ? 'La convention doit être adoptée.' : null);
    expect(checkTransition({ from: 'deliberations', to: 'en_vigueur', actorMayControl: true, gates: [gate] })).toEqual({
      ok: false,
      code: 'gate_closed',
      message: 'La convention doit être adoptée.',
    });
    expect(checkTransition({ from: 'convention', to: 'deliberations', actorMayControl: true, gates: [gate] }).ok).toBe(true);
  });

  it('timeline marks done, current, planned and late phases', () => {
    const timeline = phaseTimeline('diagnostic', { scenarios: '2026-11-01', arbitrage: '2027-02-01' }, '2026-11-27');
    expect(timeline.map((t) => t.status).slice(0, 5)).toEqual(['done', 'done', 'done', 'current', 'planned']);
    expect(timeline.find((t) => t.phase === 'scenarios')).toMatchObject({ late: true, plannedDate: '2026-11-01' });
    expect(timeline.find((t) => t.phase === 'arbitrage')).toMatchObject({ late: false });
  });
});
