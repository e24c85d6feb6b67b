import { Outlet, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { q } from '../../api/queries';
import { DOMAIN_LABELS } from '../../../../shared/projects/domains.js';
import { PHASE_LABELS } from '../../../../shared/projects/phases.js';
import { messages } from '../../i18n/messages';
import { Badge } from '../../ui/Badge';
import { PageError } from '../../ui/PageError';
import { Spinner } from '../../ui/Spinner';
import { TabNav, type TabItem } from '../../ui/TabNav';
import { PROJECT_SECTIONS } from './sections';
import type { ProjectOutletContext } from './useProjectContext';

/**
 * Frame of every project page: the title (the page's only h1), domains, facilitator and current phase, then the
 * sub-navigation tabs and the section below. Sections receive the loaded project through the outlet context.
 */
export function ProjectLayout() {
  const { projectId = '' } = useParams();
  const project = useQuery(q.project(projectId));
  const m = messages.project;

  if (project.isPending) return <Spinner />;
  if (project.isError) return <PageError error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const base = `/projets/${p.id}`;
  const tabs: TabItem[] = [
    { to: base, label: m.overview, end: true },
    ...PROJECT_SECTIONS.map((s) => ({ to: `${base}/${s.path}`, label: s.label })),
  ];
  const context: ProjectOutletContext = { project: p };

  return (
    <>
      <div className="project-head">
        <h1>{p.title}</h1>
        <dl className="project-meta">
          <div>
            <dt>{m.domains}</dt>
            <dd>
              {p.domains.map((d) => (
                <Badge key={d} tone="outline">
                  {DOMAIN_LABELS[d]}
                </Badge>
              ))}
            </dd>
          </div>
          <div>
            <dt>{m.facilitator}</dt>
            <dd>{p.facilitatorName ?? messages.home.noFacilitator}</dd>
          </div>
          <div>
            <dt>{messages.home.phase}</dt>
            <dd>{PHASE_LABELS[p.phase]}</dd>
          </div>
        </dl>
      </div>
      <TabNav label={m.sectionsNav} items={tabs} />
      <Outlet context={context} />
    </>
  );
}
