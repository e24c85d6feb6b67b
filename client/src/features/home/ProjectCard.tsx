import { Link } from 'react-router';
import type { ProjectSummaryDto } from '../../../../shared/api/types.js';
import { PHASE_LABELS, PHASES, phaseIndex } from '../../../../shared/projects/phases.js';
import { DOMAIN_LABELS } from '../../../../shared/projects/domains.js';
import { messages } from '../../i18n/messages';
import { Badge } from '../../ui/Badge';

/**
 * One project on the home page. The whole card is clickable through its title link (the link's box is stretched
 * in CSS), so the accessible name of the link stays the project title alone.
 */
export function ProjectCard({ project }: { project: ProjectSummaryDto }) {
  const m = messages.home;
  const step = phaseIndex(project.phase) + 1;
  return (
    <li className="card project-card">
      <h2 className="project-card-title">
        <Link to={`/projets/${project.id}`} className="stretched-link">
          {project.title}
        </Link>
      </h2>
      <ul className="badge-list" aria-label={m.domains}>
        {project.domains.map((d) => (
          <li key={d}>
            <Badge tone="outline">{DOMAIN_LABELS[d]}</Badge>
          </li>
        ))}
      </ul>
      <dl className="facts">
        <div>
          <dt>{m.phase}</dt>
          <dd>
            {PHASE_LABELS[project.phase]}{' '}
            <span className="muted">({messages.project.stepOf(step, PHASES.length)})</span>
          </dd>
        </div>
        <div>
          <dt>{m.facilitator}</dt>
          <dd>{project.facilitatorName ?? m.noFacilitator}</dd>
        </div>
      </dl>
      <div className="progress" aria-hidden="true">
        <span style={{ width: `${(step / PHASES.length) * 100}%` }} />
      </div>
      <p className="project-card-footer">{m.participants(project.participantCount)}</p>
    </li>
  );
}
