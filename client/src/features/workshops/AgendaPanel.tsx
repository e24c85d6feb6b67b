import { Link } from 'react-router';
import { formatClock, tickItem } from '../../../../shared/workshops/live.js';
import { DIAGNOSTIC_VIEW_LABELS, type AgendaItemDto, type SeanceViewDto } from '../../../../shared/workshops/types.js';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { useSeanceAction } from './api';
import { wm } from './messages';

/**
 * The agenda with the current item's countdown (and overrun, in words and colour) computed from the server's time;
 * the facilitator may jump to any item while the séance runs.
 */
export function AgendaPanel({ state, now, control }: { state: SeanceViewDto; now: number; control: boolean }) {
  const act = useSeanceAction(state.id);
  const live = state.status === 'en_cours' || state.status === 'en_pause';
  const items = state.clock.items.map((c) => tickItem(c, state, now));
  const totalElapsed = state.status === 'en_cours' ? state.clock.totalElapsedMs + Math.max(0, now - Date.parse(state.serverNow)) : state.clock.totalElapsedMs;
  return (
    <section className="seance-panel seance-agenda" aria-labelledby="seance-agenda-title">
      <h3 id="seance-agenda-title">{wm.agendaTitle}</h3>
      {state.status !== 'planifiee' ? <p className="muted seance-total">{wm.totalTime(formatClock(totalElapsed), formatClock(state.clock.totalPlannedMs))}</p> : null}
      <ol className="seance-agenda-items">
        {state.agenda.map((item, n) => {
          const clock = items[n]!;
          const isCurrent = clock.state === 'en_cours';
          return (
            <li key={item.id} className={`seance-agenda-item seance-agenda-${clock.state}`} aria-current={isCurrent ? 'step' : undefined} data-testid="agenda-item" data-state={clock.state}>
              <div className="seance-agenda-line">
                <span className="seance-agenda-title">{item.title}</span>
                <Badge tone="outline">{wm.outcome[item.outcome]}</Badge>
              </div>
              <p className="seance-agenda-meta">
                {wm.planned(item.plannedMinutes)}
                {clock.state !== 'a_venir' ? ` · ${wm.spent(formatClock(clock.elapsedMs))}` : ''} · {wm.itemState[clock.state]}
              </p>
              <ItemLinks item={item} projectId={state.projectId} />
              {isCurrent ? (
                clock.overrunMs > 0 ? (
                  <p className="seance-countdown seance-countdown-over" role="timer" data-testid="countdown" data-overrun="true">
                    {wm.overrun} <strong>+{formatClock(clock.overrunMs)}</strong>
                  </p>
                ) : (
                  <p className="seance-countdown" role="timer" data-testid="countdown" data-overrun="false">
                    {wm.remaining} <strong>{formatClock(clock.remainingMs)}</strong>
                    {state.status === 'en_pause' ? ` · ${wm.paused}` : ''}
                  </p>
                )
              ) : null}
              {control && live && !isCurrent ? (
                <Button variant="ghost" className="seance-goto" onClick={() => act.mutate({ path: '/commands', body: { type: 'goto', itemId: item.id } })} aria-label={wm.goto(item.title)}>
                  {wm.gotoShort}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** What the item puts on the table besides the document: a scenario, a round, a view of the diagnostic. */
function ItemLinks({ item, projectId }: { item: AgendaItemDto; projectId: string }) {
  const base = `/projets/${encodeURIComponent(projectId)}`;
  const links = [
    item.scenarioId ? { to: `${base}/scenarios/${encodeURIComponent(item.scenarioId)}`, label: wm.itemScenario } : null,
    item.roundId ? { to: `${base}/tours-de-table/${encodeURIComponent(item.roundId)}`, label: wm.itemRound } : null,
    item.diagnosticView ? { to: `${base}/diagnostic${item.diagnosticView === 'synthese' ? '' : `/${item.diagnosticView}`}`, label: DIAGNOSTIC_VIEW_LABELS[item.diagnosticView] } : null,
  ].filter((l) => l !== null);
  if (links.length === 0) return null;
  return (
    <p className="seance-agenda-meta">
      {links.map((l, n) => (
        <span key={l.to}>
          {n > 0 ? ' · ' : ''}
          <Link to={l.to}>{l.label}</Link>
        </span>
      ))}
    </p>
  );
}
