import type { ParticipationEventDto, PhaseTransitionDto } from '../../../../shared/api/types.js';
import { PHASE_LABELS } from '../../../../shared/projects/phases.js';
import { PARTICIPATION_LABELS } from '../../../../shared/projects/participation.js';
import { messages, quote } from '../../i18n/messages';
import { formatDateTime } from '../../i18n/format';

const newestFirst = <T extends { at: string }>(list: T[]) => [...list].sort((a, b) => b.at.localeCompare(a.at));

/** Phase transitions, newest first, with who made them and why (steps back always have a reason). */
export function PhaseHistory({ transitions }: { transitions: PhaseTransitionDto[] }) {
  const m = messages.project;
  if (transitions.length === 0) return <p className="muted">{m.historyEmpty}</p>;
  return (
    <ol className="history" reversed>
      {newestFirst(transitions).map((t) => (
        <li key={t.id}>
          <p className="history-what">{m.historyEntry(t.from ? PHASE_LABELS[t.from] : null, PHASE_LABELS[t.to])}</p>
          <p className="history-meta">
            <time dateTime={t.at}>{formatDateTime(t.at)}</time> · {m.by(t.by.name)}
          </p>
          {t.reason ? <p className="history-reason">{quote(t.reason)}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** Changes of participation, newest first (who joined, who withdrew, when). */
export function ParticipationHistory({ events }: { events: ParticipationEventDto[] }) {
  const m = messages.project;
  if (events.length === 0) return <p className="muted">{m.historyEmpty}</p>;
  return (
    <ol className="history" reversed>
      {newestFirst(events).map((e) => (
        <li key={e.id}>
          <p className="history-what">
            {e.communeName} : {m.historyEntry(e.from ? PARTICIPATION_LABELS[e.from] : null, PARTICIPATION_LABELS[e.to])}
          </p>
          <p className="history-meta">
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {m.by(e.by.name)}
          </p>
          {e.note ? <p className="history-reason">{quote(e.note)}</p> : null}
        </li>
      ))}
    </ol>
  );
}
