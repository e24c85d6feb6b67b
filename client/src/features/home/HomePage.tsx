import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { q } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { useHomeTerritoryId, useMe } from '../../app/session';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ProjectCard } from './ProjectCard';
import { Disclosure } from '../../ui/Disclosure';
import { CreateProjectForm } from './CreateProjectForm';

/** `/`: the projects the signed-in user takes part in, and a way to their territory. */
export function HomePage() {
  const m = messages.home;
  useDocumentTitle(m.title);
  const me = useMe();
  const projects = useQuery(q.projects());
  const territoryId = useHomeTerritoryId(me);
  const territory = useQuery({ ...q.territory(territoryId ?? ''), enabled: !!territoryId });
  // Who may create a project (abilities table, `project.create`): administrators and élus communautaires.
  const mayCreate = !!territoryId && (me.role === 'administrateur' || me.role === 'elu_communautaire');
  const territoryLink =
    territoryId && territory.data ? (
      <Link to={`/territoire/${territoryId}`} className="link-arrow">
        {m.territoryLink(territory.data.name)}
      </Link>
    ) : null;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{m.title}</h1>
          <p className="lead">{m.intro}</p>
        </div>
        {/* With no project, the empty state carries this link instead. */}
        {projects.data?.length ? territoryLink : null}
      </div>
      {mayCreate ? (
        <Disclosure summary={m.createProject}>
          <CreateProjectForm me={me} territoryId={territoryId} />
        </Disclosure>
      ) : null}
      <QueryState query={projects}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={m.emptyTitle} action={territoryLink}>
              <p>{m.emptyText}</p>
            </EmptyState>
          ) : (
            <ul className="card-grid">
              {list.map((p) => (
                <ProjectCard key={p.id} project={p} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
