/** The facts the abilities table decides on (loaded by the server's policy module, never trusted from a client). */
import type { ParticipationState } from '../projects/participation.js';
import type { Role } from './roles.js';

export type Actor = {
  id: string;
  role: Role;
  communeId?: string | null;
  partnerId?: string | null;
};

/** What the policy needs to know about a project to decide. */
export type ProjectContext = {
  id: string;
  facilitatorId: string | null;
  /** The facilitator lets the document's editors accept or reject amendments (otherwise only the facilitator). */
  editorsDecideAmendments?: boolean;
  /** Participation state by commune id. */
  participations: Record<string, ParticipationState>;
  /** Users added to the project individually (partners, observers). */
  memberIds: readonly string[];
};

export type DocumentContext = { locked: boolean; archived: boolean };

/** Facts about a diagnostic record: the commune whose data it is, or the consultation being edited. */
export type DiagnosticContext = {
  communeId?: string;
  consultation?: { communeIds: string[]; partnerId: string | null; participantUserIds: string[] };
};

export type AbilityInput = {
  actor: Actor;
  project?: ProjectContext;
  document?: DocumentContext;
  diagnostic?: DiagnosticContext;
};

/** One rule of the abilities table. Pure. */
export type Rule = (input: AbilityInput) => boolean;

/** One action: its French label, who may do it (in words, for the docs and the admin screen) and the rule. */
export type AbilityDefinition = { label: string; who: string; rule: Rule };
