import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { SEANCE_BODY_LABELS } from '../../../../shared/workshops/bodies.js';
import type { SeanceListItemDto } from '../../../../shared/workshops/types.js';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { can, useProjectContext } from '../projects/useProjectContext';
import { wsQ } from './api';
import { seanceDate, STATUS_TONE } from './format';
import { wm } from './messages';
import { useSeanceLive } from './useSeanceLive';

/** `/projets/:projectId/seances`: upcoming and running séances first (soonest first), then past ones (latest first). */
export function SeanceList() {
  const { project } = useProjectContext();
  useDocumentTitle(wm.title, project.title);
  useSeanceLive(project.id);
  const list = useQuery(wsQ.list(project.id));
  const control = can(project, 'workshop.control');
  const base = `/projets/${encodeURIComponent(project.id)}/seances`;

  return (
    <div className="seances">
      <div className="seances-head">
        <h2>{wm.title}</h2>
        {control ? (
          <Link className="btn btn-primary" to={`${base}/nouvelle`}>
            {wm.create}
          </Link>
        ) : null}
      </div>
      <QueryState query={list}>
        {(rows) => {
          if (rows.length === 0) return <EmptyState title={wm.emptyTitle}>{control ? wm.emptyControl : wm.emptyRead}</EmptyState>;
          const upcoming = rows.filter((r) => r.status !== 'terminee').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
          const past = rows.filter((r) => r.status === 'terminee');
          return (
            <>
              <section aria-labelledby="seances-upcoming">
                <h3 id="seances-upcoming">{wm.upcoming}</h3>
                {upcoming.length ? <SeanceCards rows={upcoming} base={base} /> : <p className="muted">{wm.noUpcoming}</p>}
              </section>
              {past.length ? (
                <section aria-labelledby="seances-past">
                  <h3 id="seances-past">{wm.past}</h3>
                  <SeanceCards rows={past} base={base} />
                </section>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function SeanceCards({ rows, base }: { rows: SeanceListItemDto[]; base: string }) {
  return (
    <ul className="seance-cards">
      {rows.map((s) => (
        <li key={s.id} className="seance-card" data-testid="seance-card">
          <div className="seance-card-main">
            <Link to={`${base}/${encodeURIComponent(s.id)}`} className="seance-card-title">
              {s.title}
            </Link>
            <Badge tone={STATUS_TONE[s.status]}>{wm.status[s.status]}</Badge>
          </div>
          <p className="seance-card-meta">
            {SEANCE_BODY_LABELS[s.body]} · {seanceDate(s.startsAt)}
            {s.location ? ` · ${s.location}` : ''}
            {s.videoUrl ? ' · visioconférence' : ''}
          </p>
          <p className="seance-card-meta">{wm.items(s.itemCount, s.plannedMinutes)}</p>
        </li>
      ))}
    </ul>
  );
}
