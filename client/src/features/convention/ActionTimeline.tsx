import type { ActionPlanDto } from '../../../../shared/convention/api.js';
import { ACTION_STATUS_LABELS } from '../../../../shared/convention/action-plan.js';
import { formatDate } from '../../i18n/format';
import { cm } from './messages';

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/**
 * The Gantt-like calendar of the plan: one row per dated action, a bar from its start to its deadline (a diamond
 * for a deadline alone), coloured by status with the status also written out, and a line for today. A list, so that
 * screen readers read each action with its dates rather than a drawing.
 */
export function ActionTimeline({ plan }: { plan: ActionPlanDto }) {
  const t = plan.timeline;
  if (!t.from || !t.to) return <p className="conv-muted">{cm.timelineEmpty}</p>;
  const span = Math.max(1, days(t.from, t.to));
  const pct = (n: number) => `${Math.min(100, Math.max(0, (n / span) * 100))}%`;
  const todayAt = days(t.from, plan.today);
  return (
    <div className="conv-timeline">
      <p className="conv-muted">{cm.timelineHint}</p>
      <div className="conv-timeline-scale" aria-hidden="true">
        <span>{formatDate(t.from)}</span>
        <span>{formatDate(t.to)}</span>
      </div>
      <ol className="conv-timeline-rows">
        {t.bars.map((b) => (
          <li key={b.id} className="conv-timeline-row">
            <span className="conv-timeline-label">
              {b.title}
              <span className="visually-hidden">
                {' '}
                — {b.milestone ? formatDate(b.end) : `${formatDate(b.start)} → ${formatDate(b.end)}`}, {ACTION_STATUS_LABELS[b.status]}
                {b.late ? `, ${cm.late}` : ''}
              </span>
            </span>
            <span className="conv-timeline-track" aria-hidden="true">
              <span className="conv-timeline-today" style={{ left: pct(todayAt) }} title={cm.today} />
              {b.milestone ? (
                <span className={`conv-timeline-milestone conv-status-${b.status}${b.late ? ' conv-late' : ''}`} style={{ left: pct(b.offsetDays) }} />
              ) : (
                <span className={`conv-timeline-bar conv-status-${b.status}${b.late ? ' conv-late' : ''}`} style={{ left: pct(b.offsetDays), width: `max(4px, ${pct(b.lengthDays)})` }} />
              )}
            </span>
          </li>
        ))}
      </ol>
      {t.undated.length ? <p className="conv-muted">{cm.undated(t.undated.length)}</p> : null}
    </div>
  );
}
