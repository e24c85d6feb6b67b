import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { ProjectDto } from '../../../../shared/api/types.js';
import { SEANCE_BODY_LABELS } from '../../../../shared/workshops/bodies.js';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { wsQ } from './api';
import { seanceDate, STATUS_TONE } from './format';
import { wm } from './messages';

/** On the project overview, next to the timeline: the next (or running) séance and the last one with its summary. */
export function SeancesOverviewCard({ project }: { project: ProjectDto }) {
  const list = useQuery({ ...wsQ.list(project.id), enabled: project.myAbilities.includes('workshop.read') });
  if (!list.data) return null;
  const base = `/projets/${encodeURIComponent(project.id)}/seances`;
  const next = list.data.filter((s) => s.status !== 'terminee').sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  const last = list.data.find((s) => s.status === 'terminee');
  return (
    <Card as="section" aria-labelledby="overview-seances" className="seances-overview">
      <h2 id="overview-seances">{wm.overviewTitle}</h2>
      {!next && !last ? <p className="muted">{wm.overviewNone}</p> : null}
      <dl className="seances-overview-list">
        {next ? (
          <div>
            <dt>{wm.overviewNext}</dt>
            <dd>
              <Link to={`${base}/${encodeURIComponent(next.id)}`}>{next.title}</Link> <Badge tone={STATUS_TONE[next.status]}>{wm.status[next.status]}</Badge>
              <span className="muted"> — {SEANCE_BODY_LABELS[next.body]}, {seanceDate(next.startsAt)}</span>
            </dd>
          </div>
        ) : null}
        {last ? (
          <div>
            <dt>{wm.overviewLast}</dt>
            <dd>
              <Link to={`${base}/${encodeURIComponent(last.id)}/synthese`}>{wm.summaryTitle(last.title)}</Link>
              <span className="muted"> — {seanceDate(last.startsAt)}</span>
            </dd>
          </div>
        ) : null}
      </dl>
      <p>
        <Link to={base}>{wm.overviewAll}</Link>
      </p>
    </Card>
  );
}
