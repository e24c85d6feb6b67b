/**
 * The ONLY place where permissions are decided, for HTTP routes and WebSocket rooms alike.
 * It loads the facts (project facilitator, participations, added members, document lock) and evaluates the
 * abilities table of `shared/auth/abilities.ts`.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { projects, participations, projectMembers, documents, diagConsultations } from '../db/schema/index.js';
import {
  evaluateAbility,
  abilitiesOn,
  type Action,
  type Actor,
  type ProjectContext,
  type DocumentContext,
  type DiagnosticContext,
} from '../../shared/auth/abilities.js';
import type { ParticipationState } from '../../shared/projects/participation.js';
import { forbidden, notFound, unauthenticated } from '../lib/errors.js';

/**
 * What an action is about. `communeId`: the commune whose diagnostic data is touched; `consultationId`: a diagnostic
 * consultation (its communes, partner and participants are loaded here).
 */
export type Resource = { projectId?: string; documentId?: string; communeId?: string; consultationId?: string };

export type Policy = ReturnType<typeof createPolicy>;

/** Builds the policy bound to a database. */
export function createPolicy(db: Db) {
  function projectContext(projectId: string): ProjectContext | null {
    const project = db
      .select({ id: projects.id, facilitatorId: projects.facilitatorId, editorsDecideAmendments: projects.editorsDecideAmendments })
      .from(projects).where(eq(projects.id, projectId)).get();
    if (!project) return null;
    const parts = db.select().from(participations).where(eq(participations.projectId, projectId)).all();
    const members = db.select({ userId: projectMembers.userId }).from(projectMembers).where(eq(projectMembers.projectId, projectId)).all();
    return {
      id: project.id,
      facilitatorId: project.facilitatorId,
      editorsDecideAmendments: project.editorsDecideAmendments,
      participations: Object.fromEntries(parts.map((p) => [p.communeId, p.state as ParticipationState])),
      memberIds: members.map((m) => m.userId),
    };
  }

  function documentContext(documentId: string): (DocumentContext & { projectId: string }) | null {
    const doc = db
      .select({ projectId: documents.projectId, lockedAt: documents.lockedAt, archivedAt: documents.archivedAt })
      .from(documents)
      .where(eq(documents.id, documentId))
      .get();
    if (!doc) return null;
    return { projectId: doc.projectId, locked: doc.lockedAt !== null, archived: doc.archivedAt !== null };
  }

  function consultationContext(consultationId: string) {
    return db
      .select({ projectId: diagConsultations.projectId, communeIds: diagConsultations.communeIds, partnerId: diagConsultations.partnerId, participantUserIds: diagConsultations.participantUserIds })
      .from(diagConsultations)
      .where(eq(diagConsultations.id, consultationId))
      .get();
  }

  /** True when `actor` may perform `action` on the resource. Unknown resources are never allowed. */
  function can(actor: Actor | null, action: Action, resource: Resource = {}): boolean {
    if (!actor) return false;
    let document: DocumentContext | undefined;
    let projectId = resource.projectId;
    if (resource.documentId) {
      const d = documentContext(resource.documentId);
      if (!d) return false;
      document = { locked: d.locked, archived: d.archived };
      projectId = d.projectId;
    }
    let diagnostic: DiagnosticContext | undefined;
    if (resource.communeId !== undefined || resource.consultationId !== undefined) diagnostic = { communeId: resource.communeId };
    if (resource.consultationId) {
      const c = consultationContext(resource.consultationId);
      if (!c || (projectId && c.projectId !== projectId)) return false;
      diagnostic = { ...diagnostic, consultation: { communeIds: c.communeIds, partnerId: c.partnerId, participantUserIds: c.participantUserIds } };
      projectId = c.projectId;
    }
    const project = projectId ? projectContext(projectId) : undefined;
    if (projectId && !project) return false;
    return evaluateAbility(action, { actor, project: project ?? undefined, document, diagnostic });
  }

  /**
   * Throws the right HTTP error when the action is refused: 401 without a user, 404 for an unknown project or
   * document, 403 otherwise.
   */
  function authorize(actor: Actor | null, action: Action, resource: Resource = {}): void {
    if (!actor) throw unauthenticated();
    if (resource.documentId && !documentContext(resource.documentId)) throw notFound('Document introuvable.', 'document_not_found');
    if (resource.projectId && !projectContext(resource.projectId)) throw notFound('Projet introuvable.', 'project_not_found');
    if (resource.consultationId && !consultationContext(resource.consultationId)) throw notFound('Consultation introuvable.', 'record_not_found');
    if (!can(actor, action, resource)) throw forbidden();
  }

  /** The actions the actor may perform on a project (sent to the client). */
  function abilitiesForProject(actor: Actor, projectId: string): Action[] {
    const project = projectContext(projectId);
    if (!project) return [];
    return abilitiesOn({ actor, project });
  }

  return { can, authorize, abilitiesForProject, projectContext, documentContext };
}
