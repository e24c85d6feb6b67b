/**
 * Checks of what a round points at (documents, scenarios, communes of the project), shared by creation and edits.
 * Everything is checked against the round's project: ids of another project are refused as unknown.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import { documents, participations, scenarios } from '../../db/schema/index.js';
import { badRequest } from '../../lib/errors.js';
import { participationGrantsAccess, type ParticipationState } from '../../../shared/projects/participation.js';
import { toMs } from '../../../shared/rounds/verdict.js';

/** The scope fields a create or edit may carry. */
export type ScopeInput = { documentIds?: string[]; scenarioIds?: string[]; invitedCommuneIds?: string[]; opensAt?: string; closesAt?: string };

/** Normalises an ISO date-time with offset to UTC (`…Z`), the form stored and compared everywhere. */
export function toUtc(iso: string): string {
  return new Date(toMs(iso)).toISOString();
}

/** Throws `400` on a document, scenario or commune that is not part of the project, or on inverted dates. */
export function checkScope(deps: AppDeps, projectId: string, input: ScopeInput): void {
  if (input.documentIds?.length) {
    const found = deps.db
      .select({ id: documents.id, archivedAt: documents.archivedAt })
      .from(documents)
      .where(and(eq(documents.projectId, projectId), inArray(documents.id, input.documentIds)))
      .all();
    if (found.length !== input.documentIds.length) throw badRequest('Un des documents choisis n’appartient pas à ce projet.', undefined, 'unknown_document');
    if (found.some((d) => d.archivedAt)) throw badRequest('Un des documents choisis est archivé : restaurez-le ou retirez-le du tour de table.', undefined, 'document_archived');
  }
  if (input.scenarioIds?.length) {
    const found = deps.db.select({ id: scenarios.id }).from(scenarios).where(and(eq(scenarios.projectId, projectId), inArray(scenarios.id, input.scenarioIds))).all();
    if (found.length !== input.scenarioIds.length) throw badRequest('Un des scénarios choisis n’appartient pas à ce projet.', undefined, 'unknown_scenario');
  }
  if (input.invitedCommuneIds?.length) {
    const states = new Map(
      deps.db
        .select({ communeId: participations.communeId, state: participations.state })
        .from(participations)
        .where(and(eq(participations.projectId, projectId), inArray(participations.communeId, input.invitedCommuneIds)))
        .all()
        .map((p) => [p.communeId, p.state as ParticipationState]),
    );
    // Invited outside communes have a participation (`invitee`); a withdrawn commune no longer opens the project.
    if (input.invitedCommuneIds.some((id) => !participationGrantsAccess(states.get(id)))) {
      throw badRequest('Une des communes invitées ne fait pas partie du projet (ou s’en est retirée).', undefined, 'commune_not_in_project');
    }
  }
  if (input.opensAt && input.closesAt && toMs(input.closesAt) <= toMs(input.opensAt)) {
    throw badRequest('La date de clôture doit suivre la date d’ouverture.', undefined, 'invalid_dates');
  }
}
