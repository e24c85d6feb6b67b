/**
 * Response shapes of the HTTP API (contracts.md). The server's presenters produce exactly these;
 * the client's typed API module consumes them.
 */
import type { Role } from '../auth/roles.js';
import type { Action } from '../auth/abilities.js';
import type { Phase } from '../projects/phases.js';
import type { ParticipationState } from '../projects/participation.js';
import type { ProjectDomain } from '../projects/domains.js';

export type UserDto = {
  id: string;
  email: string;
  name: string;
  role: Role;
  communeId?: string;
  partnerId?: string;
  title?: string;
};

/** `GET /api/me`: the signed-in user with names resolved for the user menu. */
export type MeDto = UserDto & { communeName?: string; partnerName?: string; territoryId?: string };

export type LoginResponse = { token: string; user: UserDto };

/** `GET /api/config` (public): what the login page needs. */
export type PublicConfigDto = {
  demo: boolean;
  /** The demo accounts' shared password (only in demo mode, where it is public by design). */
  demoPassword?: string;
  demoAccounts: { email: string; name: string; role: Role; label: string }[];
};

export type TerritoryDto = {
  id: string;
  siren: string;
  name: string;
  nature: string;
  fiscalRegime: 'FPU' | 'FA';
  population: number;
  memberCount: number;
};

export type CommuneDto = {
  id: string;
  inseeCode: string;
  siren?: string;
  name: string;
  population: number | null;
  member: boolean;
};

export type PartnerDto = { id: string; name: string; kind: string };

export type ParticipationDto = {
  communeId: string;
  communeName: string;
  inseeCode: string;
  member: boolean;
  state: ParticipationState;
  since: string;
};

export type ProjectSummaryDto = {
  id: string;
  title: string;
  domains: ProjectDomain[];
  phase: Phase;
  territoryId: string;
  facilitatorId: string | null;
  facilitatorName: string | null;
  participantCount: number;
};

export type PhasePlanDto = Partial<Record<Phase, string>>;

export type ProjectDto = ProjectSummaryDto & {
  description: string;
  createdAt: string;
  participations: ParticipationDto[];
  plannedDates: PhasePlanDto;
  members: { userId: string; name: string; role: Role; partnerName?: string }[];
  /** What the signed-in user may do on this project, computed by the server's policy module. */
  myAbilities: Action[];
};

export type PhaseTransitionDto = {
  id: number;
  from: Phase | null;
  to: Phase;
  at: string;
  by: { id: string; name: string };
  reason: string | null;
};

export type ParticipationEventDto = {
  id: number;
  communeId: string;
  communeName: string;
  from: ParticipationState | null;
  to: ParticipationState;
  at: string;
  by: { id: string; name: string };
  note: string | null;
};

export type AuditEventDto = {
  id: number;
  at: string;
  user: { id: string; name: string } | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

export type ApiErrorBody = { error: { code: string; message: string; details?: unknown } };
