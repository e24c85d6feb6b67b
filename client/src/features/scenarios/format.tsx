/** How scenario figures read on screen: euros from cents, signed deltas, missing values shown as missing. */
import type { ReactNode } from 'react';
import type { ScenarioStatus } from '../../../../shared/scenarios/model.js';
import { SCENARIO_STATUS_LABELS } from '../../../../shared/scenarios/model.js';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { formatEuros, Missing } from '../diagnostic/display';
import { fmtNum, sm } from './messages';

export { formatEuros, Missing, fmtNum };

/** Euros, or the missing mark. */
export function Euros({ cents, precise = false }: { cents: number | null | undefined; precise?: boolean }): ReactNode {
  return cents === null || cents === undefined ? <Missing /> : formatEuros(cents, precise);
}

/** A signed delta against today: « −139 500 € (économie) » / « +32 000 € (hausse) ». */
export function Delta({ cents, compact = false }: { cents: number | null | undefined; compact?: boolean }): ReactNode {
  if (cents === null || cents === undefined) return <Missing />;
  if (cents === 0) return formatEuros(0);
  const text = `${cents > 0 ? '+' : '−'}${formatEuros(Math.abs(cents))}`;
  return (
    <span className={cents > 0 ? 'scn-up' : 'scn-down'}>
      {text}{' '}
      <span className={compact ? 'visually-hidden' : 'scn-delta-word'}>({cents > 0 ? sm.figures.increase : sm.figures.saving})</span>
    </span>
  );
}

/** A percentage or the missing mark. */
export function Pct({ value }: { value: number | null | undefined }): ReactNode {
  return value === null || value === undefined ? <Missing /> : `${fmtNum(value)} %`;
}

const TONES: Record<ScenarioStatus, BadgeTone> = { brouillon: 'neutral', presente: 'info', retenu: 'success', ecarte: 'outline' };

/** The status of a scenario as a badge. */
export function StatusBadge({ status }: { status: ScenarioStatus }) {
  return <Badge tone={TONES[status]}>{SCENARIO_STATUS_LABELS[status]}</Badge>;
}

/** « 27 novembre 2026 » from an ISO date or timestamp. */
export function frDate(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(d);
}
