/** What every séance service shares: the caller, the dependencies, loading a séance, the frozen-state rule. */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import type { Policy } from '../../policies/index.js';
import { conflict } from '../../lib/errors.js';
import { workshopsRepo, type SeanceRow } from './workshops.repo.js';
import { seanceNotFound } from './workshops.errors.js';
import type { PresenceOf } from './workshops.state.js';

export type Ctx = { user: SessionUser; requestId?: string };

/** What the services need besides the caller: the deps, the collaboration service and the policy. */
export type Services = { deps: AppDeps; collaboration: Collaboration; policy: Policy };

/** The connection registry of the collaboration service, as the state builder reads it. */
export const presenceOf = (s: Services): PresenceOf => (documentId) => s.collaboration.presence(documentId);

/** The séance row, or `404 seance_not_found`. */
export function seanceOr404(deps: AppDeps, seanceId: string): SeanceRow {
  const row = workshopsRepo.byId(deps.db, seanceId);
  if (!row) throw seanceNotFound();
  return row;
}

/** A séance that ended is a record: its preparation and steering are frozen (`409 seance_ended`). */
export function notEnded(row: SeanceRow): void {
  if (row.status === 'terminee') throw conflict('La séance est terminée : son déroulé est figé.', undefined, 'seance_ended');
}

/** The session user as the policy sees another person (for check-ins and invitations). */
export function asActor(u: { id: string; role: string; communeId: string | null }): SessionUser {
  return { id: u.id, role: u.role as SessionUser['role'], communeId: u.communeId, email: '', name: '' };
}
