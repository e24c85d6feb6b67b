/**
 * The convention side's API calls and query options. Every key starts with `['projects', id, 'convention']` so that
 * one invalidation (a live event, a mutation) refreshes the plan, the convention, the board and the evaluations.
 */
import { queryOptions } from '@tanstack/react-query';
import type { ActionDto, ActionPlanDto, ConventionDto, DeliberationDto, DeliberationsBoardDto, EvaluationDto, ObjectiveDto } from '../../../../shared/convention/api.js';
import type { ActionInput } from '../../../../shared/convention/action-plan.js';
import type { DeliberationDetailsInput, DeliberationMoveInput, WithdrawalInput } from '../../../../shared/convention/schemas.js';
import { apiGet, apiRequest } from '../../api/http';

const enc = encodeURIComponent;
const p = (projectId: string) => `/projects/${enc(projectId)}`;

export const convKeys = {
  all: (projectId: string) => ['projects', projectId, 'convention'] as const,
  plan: (projectId: string) => ['projects', projectId, 'convention', 'plan'] as const,
  convention: (projectId: string) => ['projects', projectId, 'convention', 'convention'] as const,
  board: (projectId: string) => ['projects', projectId, 'convention', 'board'] as const,
  evaluations: (projectId: string) => ['projects', projectId, 'convention', 'evaluations'] as const,
};

export const convApi = {
  plan: (projectId: string, s?: AbortSignal) => apiGet<ActionPlanDto>(`${p(projectId)}/action-plan`, s),
  createAction: (projectId: string, body: Partial<ActionInput>) => apiRequest<ActionDto>('POST', `${p(projectId)}/action-plan/actions`, body),
  updateAction: (projectId: string, id: string, body: Partial<ActionInput>) => apiRequest<ActionDto>('PATCH', `${p(projectId)}/action-plan/actions/${enc(id)}`, body),
  deleteAction: (projectId: string, id: string) => apiRequest<void>('DELETE', `${p(projectId)}/action-plan/actions/${enc(id)}`),
  createObjective: (projectId: string, label: string) => apiRequest<ObjectiveDto>('POST', `${p(projectId)}/action-plan/objectives`, { label }),
  renameObjective: (projectId: string, id: string, label: string) => apiRequest<ObjectiveDto>('PATCH', `${p(projectId)}/action-plan/objectives/${enc(id)}`, { label }),
  deleteObjective: (projectId: string, id: string) => apiRequest<void>('DELETE', `${p(projectId)}/action-plan/objectives/${enc(id)}`),
  planExportUrl: (projectId: string, format: 'xlsx' | 'csv') => `/api${p(projectId)}/action-plan/export?format=${format}`,

  convention: (projectId: string, s?: AbortSignal) => apiGet<ConventionDto>(`${p(projectId)}/convention`, s),
  generateCadre: (projectId: string) => apiRequest<ConventionDto>('POST', `${p(projectId)}/cadre-strategique`),
  generateConvention: (projectId: string) => apiRequest<ConventionDto>('POST', `${p(projectId)}/convention`),
  regenerateAnnexes: (projectId: string) => apiRequest<{ result: { updated: string[]; inserted: string[]; unchanged: string[] }; convention: ConventionDto }>('POST', `${p(projectId)}/convention/annexes`),
  updateSettings: (projectId: string, body: { arretePrefectoralDate: string | null }) => apiRequest<ConventionDto>('PATCH', `${p(projectId)}/convention`, body),
  exportUrl: (projectId: string, format: 'docx' | 'pdf') => `/api${p(projectId)}/convention/export?format=${format}`,

  board: (projectId: string, s?: AbortSignal) => apiGet<DeliberationsBoardDto>(`${p(projectId)}/deliberations`, s),
  move: (projectId: string, id: string, body: DeliberationMoveInput) => apiRequest<DeliberationDto>('POST', `${p(projectId)}/deliberations/${enc(id)}/state`, body),
  details: (projectId: string, id: string, body: DeliberationDetailsInput) => apiRequest<DeliberationDto>('PATCH', `${p(projectId)}/deliberations/${enc(id)}`, body),

  createAvenant: (projectId: string, body: { communeId: string; effectiveOn?: string | null }) => apiRequest<{ id: string; number: number; documentId: string }>('POST', `${p(projectId)}/avenants`, body),
  withdraw: (projectId: string, body: WithdrawalInput) => apiRequest<{ id: string }>('POST', `${p(projectId)}/withdrawals`, body),
  evaluations: (projectId: string, s?: AbortSignal) => apiGet<EvaluationDto[]>(`${p(projectId)}/evaluations`, s),
  createEvaluation: (projectId: string, body: { year: number; comments?: string; decisions?: string[] }) => apiRequest<EvaluationDto>('POST', `${p(projectId)}/evaluations`, body),
  updateEvaluation: (projectId: string, id: string, body: { comments?: string; decisions?: string[]; recompute?: boolean }) => apiRequest<EvaluationDto>('PATCH', `${p(projectId)}/evaluations/${enc(id)}`, body),
};

/**
 * Refetched whenever a page mounts: the live events keep a mounted page current, but what changed while the viewer
 * was elsewhere (an arbitration in « Scénarios », a vote recorded by a commune) must show on arrival.
 */
const fresh = { refetchOnMount: 'always' } as const;

export const convQ = {
  plan: (projectId: string) => queryOptions({ queryKey: convKeys.plan(projectId), queryFn: ({ signal }) => convApi.plan(projectId, signal), ...fresh }),
  convention: (projectId: string) => queryOptions({ queryKey: convKeys.convention(projectId), queryFn: ({ signal }) => convApi.convention(projectId, signal), ...fresh }),
  board: (projectId: string) => queryOptions({ queryKey: convKeys.board(projectId), queryFn: ({ signal }) => convApi.board(projectId, signal), ...fresh }),
  evaluations: (projectId: string) => queryOptions({ queryKey: convKeys.evaluations(projectId), queryFn: ({ signal }) => convApi.evaluations(projectId, signal), ...fresh }),
};
