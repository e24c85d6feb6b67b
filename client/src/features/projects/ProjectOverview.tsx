import { useQuery } from '@tanstack/react-query';
import { q } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { Card } from '../../ui/Card';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AddParticipant } from './AddParticipant';
import { AuditLog } from './AuditLog';
import { Disclosure } from '../../ui/Disclosure';
import { ParticipationHistory, PhaseHistory } from './History';
import { ParticipationsTable } from './ParticipationsTable';
import { PhaseControls } from './PhaseControls';
import { PhaseTimeline } from './PhaseTimeline';
import { PlanEditor } from './PlanEditor';
import { can, useProjectContext } from './useProjectContext';
import { SeancesOverviewCard } from '../workshops/SeancesOverviewCard';

/**
 * `/projets/:projectId`: where the démarche stands (timeline), who takes part, and what happened. Every control is
 * shown only when the server lists the matching ability in `myAbilities`; observers and partners get a read-only page.
 */
export function ProjectOverview() {
  const { project } = useProjectContext();
  const m = messages.project;
  useDocumentTitle(project.title);
  const phaseHistory = useQuery(q.phaseHistory(project.id));
  const canManage = can(project, 'project.participation.manage');

  return (
    <div className="stack">
      {project.description ? <p className="lead project-description">{project.description}</p> : null}
      <Card as="section" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{m.timelineTitle}</h2>
        <PhaseTimeline phase={project.phase} plannedDates={project.plannedDates} history={phaseHistory.data} />
        {can(project, 'project.phase.change') ? <PhaseControls project={project} /> : null}
        {can(project, 'project.update') ? (
          <Disclosure summary={m.planTitle}>
            <PlanEditor project={project} />
          </Disclosure>
        ) : null}
      </Card>
      <SeancesOverviewCard project={project} />
      <div className="overview-grid">
        <Card as="section" aria-labelledby="participations-title">
          <h2 id="participations-title">{m.participationsTitle}</h2>
          <ParticipationsTable project={project} canManage={canManage} />
          {canManage ? <AddParticipant project={project} /> : null}
        </Card>
        <div className="stack">
          <Card as="section" aria-labelledby="history-title">
            <h2 id="history-title">{m.historyTitle}</h2>
            <QueryState query={phaseHistory}>{(list) => <PhaseHistory transitions={list} />}</QueryState>
          </Card>
          <Card as="section" aria-label={m.participationHistoryTitle}>
            {/* Collapsed: one line per commune and change, it quickly outgrows the page. */}
            <Disclosure summary={m.participationHistoryTitle}>
              <ParticipationHistoryPanel projectId={project.id} />
            </Disclosure>
          </Card>
        </div>
      </div>
      {can(project, 'project.audit.read') ? (
        <Card as="section" aria-label={m.auditTitle}>
          <Disclosure summary={m.auditTitle}>
            <AuditLog projectId={project.id} />
          </Disclosure>
        </Card>
      ) : null}
    </div>
  );
}

/** Loaded when its disclosure opens. */
function ParticipationHistoryPanel({ projectId }: { projectId: string }) {
  const events = useQuery(q.participationHistory(projectId));
  return <QueryState query={events}>{(list) => <ParticipationHistory events={list} />}</QueryState>;
}
