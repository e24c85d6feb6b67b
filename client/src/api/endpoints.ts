/**
 * Typed functions for every API route the client uses, one line each, so that features never build URLs by hand.
 * Shapes come from `shared/api/types.ts`, the same module the server's presenters use.
 */
import type {
  AuditEventDto,
  CommuneDto,
  LoginResponse,
  MeDto,
  ParticipationEventDto,
  PartnerDto,
  PhaseTransitionDto,
  ProjectDto,
  ProjectSummaryDto,
  PublicConfigDto,
  TerritoryDto,
  UserDto,
} from '../../../shared/api/types.js';
import type { Role } from '../../../shared/auth/roles.js';
import type { Phase } from '../../../shared/projects/phases.js';
import type { ParticipationState } from '../../../shared/projects/participation.js';
import type { ProjectDomain } from '../../../shared/projects/domains.js';
import { apiGet, apiRequest } from './http';

const enc = encodeURIComponent;

/** An account as listed to administrators: pending until the invitation is accepted. */
export type AdminUserDto = UserDto & { pending: boolean };
/** `POST /api/users/invitations` answer: the link is shown once, to be passed on by the administrator. */
export type InvitationCreated = { user: UserDto; invitationUrl: string; expiresAt?: string };
/** Body of an invitation; communal roles need `communeId`, partners need `partnerId`. */
export type InviteInput = { email: string; name: string; role: Role; communeId?: string; partnerId?: string; title?: string };
/** Kinds of partner organisation accepted by the server. */
export type PartnerKind = 'caf' | 'departement' | 'msa' | 'region' | 'etat' | 'autre';
/** Body of `POST /api/projects`. */
export type CreateProjectInput = {
  territoryId: string;
  title: string;
  description?: string;
  domains: ProjectDomain[];
  facilitatorId?: string;
  communeIds?: string[];
};

/** Every API call of the client, typed with the shared DTOs. */
export const api = {
  config: (s?: AbortSignal) => apiGet<PublicConfigDto>('/config', s),
  login: (email: string, password: string) => apiRequest<LoginResponse>('POST', '/auth/login', { email, password }),
  logout: () => apiRequest<void>('POST', '/auth/logout'),
  me: (s?: AbortSignal) => apiGet<MeDto>('/me', s),

  territories: (s?: AbortSignal) => apiGet<TerritoryDto[]>('/territories', s),
  territory: (id: string, s?: AbortSignal) => apiGet<TerritoryDto>(`/territories/${enc(id)}`, s),
  communes: (id: string, s?: AbortSignal) => apiGet<CommuneDto[]>(`/territories/${enc(id)}/communes`, s),
  partners: (id: string, s?: AbortSignal) => apiGet<PartnerDto[]>(`/territories/${enc(id)}/partners`, s),
  createTerritory: (siren: string) => apiRequest<TerritoryDto>('POST', '/territories', { siren }),
  addCommune: (territoryId: string, inseeCode: string) =>
    apiRequest<CommuneDto>('POST', `/territories/${enc(territoryId)}/communes`, { inseeCode }),
  addPartner: (territoryId: string, name: string, kind: PartnerKind) =>
    apiRequest<PartnerDto>('POST', `/territories/${enc(territoryId)}/partners`, { name, kind }),

  projects: (s?: AbortSignal) => apiGet<ProjectSummaryDto[]>('/projects', s),
  project: (id: string, s?: AbortSignal) => apiGet<ProjectDto>(`/projects/${enc(id)}`, s),
  createProject: (input: CreateProjectInput) => apiRequest<ProjectDto>('POST', '/projects', input),
  changePhase: (id: string, to: Phase, reason?: string) =>
    apiRequest<ProjectDto>('POST', `/projects/${enc(id)}/phase`, { to, ...(reason ? { reason } : {}) }),
  phaseHistory: (id: string, s?: AbortSignal) => apiGet<PhaseTransitionDto[]>(`/projects/${enc(id)}/phase-history`, s),
  setParticipation: (id: string, communeId: string, state: ParticipationState, note?: string) =>
    apiRequest<ProjectDto>('PUT', `/projects/${enc(id)}/participations/${enc(communeId)}`, { state, ...(note ? { note } : {}) }),
  participationHistory: (id: string, s?: AbortSignal) =>
    apiGet<ParticipationEventDto[]>(`/projects/${enc(id)}/participation-history`, s),
  setPlan: (id: string, plannedDates: Partial<Record<Phase, string | null>>) =>
    apiRequest<ProjectDto>('PUT', `/projects/${enc(id)}/plan`, { plannedDates }),
  audit: (id: string, s?: AbortSignal) => apiGet<AuditEventDto[]>(`/projects/${enc(id)}/audit`, s),

  users: (s?: AbortSignal) => apiGet<AdminUserDto[]>('/users', s),
  invite: (input: InviteInput) => apiRequest<InvitationCreated>('POST', '/users/invitations', input),
  invitation: (token: string, s?: AbortSignal) => apiGet<{ email: string; name: string }>(`/invitations/${enc(token)}`, s),
  acceptInvitation: (token: string, password: string) =>
    apiRequest<LoginResponse>('POST', `/invitations/${enc(token)}/accept`, { password }),
};
