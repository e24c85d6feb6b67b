import { useOutletContext } from 'react-router';
import type { ProjectDto } from '../../../../shared/api/types.js';
import type { Action } from '../../../../shared/auth/abilities.js';

/** What ProjectLayout hands to its sub-pages: the loaded project. */
export type ProjectOutletContext = { project: ProjectDto };

/** The project of the current `/projets/:projectId/*` page. */
export function useProjectContext(): ProjectOutletContext {
  return useOutletContext<ProjectOutletContext>();
}

/**
 * True when the server says the signed-in user may perform `action` on this project. The client never re-derives
 * permissions from roles: `myAbilities` comes from the server's policy module, the only place that decides.
 */
export function can(project: ProjectDto, action: Action): boolean {
  return project.myAbilities.includes(action);
}
