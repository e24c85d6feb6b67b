import type { PhasePlanDto, PhaseTransitionDto } from '../../../../shared/api/types.js';
import { phaseTimeline, REFLECTION_PHASES, type Phase, type PhaseStatus } from '../../../../shared/projects/phases.js';
import { messages } from '../../i18n/messages';
import { formatDate, todayISO } from '../../i18n/format';
import { Badge } from '../../ui/Badge';

type Step = ReturnType<typeof phaseTimeline>[number];

const STATUS_TEXT: Record<PhaseStatus, string> = {
  done: messages.project.statusDone,
  current: messages.project.statusCurrent,
  planned: messages.project.statusPlanned,
};

/**
 * The ten phases of the démarche: the three reflection steps apart from the operational phases, each step saying in
 * words whether it is done, current or to come, with its planned date and a « en retard » flag when that date has
 * passed (status is never carried by colour alone). `history` adds when each reached phase started.
 */
export function PhaseTimeline({
  phase,
  plannedDates,
  history,
}: {
  phase: Phase;
  plannedDates: PhasePlanDto;
  history?: PhaseTransitionDto[];
}) {
  const m = messages.project;
  const steps = phaseTimeline(phase, plannedDates, todayISO());
  // Last time each phase was entered (a phase can be re-entered after a step back).
  const startedAt = new Map<Phase, string>();
  for (const t of [...(history ?? [])].sort((a, b) => a.at.localeCompare(b.at))) startedAt.set(t.to, t.at);
  const groups = [
    { title: m.reflection, steps: steps.filter((s) => REFLECTION_PHASES.includes(s.phase)), start: 1 },
    { title: m.operational, steps: steps.filter((s) => !REFLECTION_PHASES.includes(s.phase)), start: REFLECTION_PHASES.length + 1 },
  ];
  return (
    <div className="timeline" data-testid="phase-timeline">
      {groups.map((g) => (
        <section key={g.title} className="timeline-group" aria-label={g.title}>
          <h3 className="timeline-group-title">{g.title}</h3>
          <ol className="timeline-steps" start={g.start}>
            {g.steps.map((s, i) => (
              <TimelineStep key={s.phase} step={s} n={g.start + i} startedAt={startedAt.get(s.phase)} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function TimelineStep({ step: s, n, startedAt }: { step: Step; n: number; startedAt?: string }) {
  const m = messages.project;
  const classes = ['step', `step-${s.status}`, s.late ? 'step-late' : ''].filter(Boolean).join(' ');
  return (
    <li className={classes} aria-current={s.status === 'current' ? 'step' : undefined} data-phase={s.phase} data-status={s.status}>
      <span className="step-marker" aria-hidden="true">
        {s.status === 'done' ? '✓' : n}
      </span>
      <span className="step-body">
        <span className="step-label">{s.label}</span>
        <span className="step-status">{STATUS_TEXT[s.status]}</span>
        {s.status !== 'planned' && startedAt ? <span className="step-date">{m.startedOn(formatDate(startedAt))}</span> : null}
        {s.status === 'planned' && s.plannedDate ? <span className="step-date">{m.plannedOn(formatDate(s.plannedDate))}</span> : null}
        {s.late ? <Badge tone="danger">{m.late}</Badge> : null}
      </span>
    </li>
  );
}
