/**
 * Query keys and query options, in one place so that mutations invalidate exactly what they change.
 * Keys are hierarchical: invalidating `['projects']` refreshes the list and every project detail.
 */
import { queryOptions } from '@tanstack/react-query';
import { api } from './endpoints';

/** Query keys of every cached resource. */
export const keys = {
  config: ['config'] as const,
  me: ['me'] as const,
  territories: ['territories'] as const,
  territory: (id: string) => ['territories', id] as const,
  communes: (id: string) => ['territories', id, 'communes'] as const,
  partners: (id: string) => ['territories', id, 'partners'] as const,
  projects: ['projects'] as const,
  project: (id: string) => ['projects', id] as const,
  phaseHistory: (id: string) => ['projects', id, 'phase-history'] as const,
  participationHistory: (id: string) => ['projects', id, 'participation-history'] as const,
  audit: (id: string) => ['projects', id, 'audit'] as const,
  users: ['users'] as const,
  invitation: (token: string) => ['invitation', token] as const,
};

/** Query options factories: `useQuery(q.project(id))`. */
export const q = {
  config: () => queryOptions({ queryKey: keys.config, queryFn: ({ signal }) => api.config(signal), staleTime: Infinity }),
  me: () => queryOptions({ queryKey: keys.me, queryFn: ({ signal }) => api.me(signal), staleTime: 5 * 60_000 }),
  territories: () => queryOptions({ queryKey: keys.territories, queryFn: ({ signal }) => api.territories(signal) }),
  territory: (id: string) => queryOptions({ queryKey: keys.territory(id), queryFn: ({ signal }) => api.territory(id, signal) }),
  communes: (id: string) => queryOptions({ queryKey: keys.communes(id), queryFn: ({ signal }) => api.communes(id, signal) }),
  partners: (id: string) => queryOptions({ queryKey: keys.partners(id), queryFn: ({ signal }) => api.partners(id, signal) }),
  projects: () => queryOptions({ queryKey: keys.projects, queryFn: ({ signal }) => api.projects(signal) }),
  project: (id: string) => queryOptions({ queryKey: keys.project(id), queryFn: ({ signal }) => api.project(id, signal) }),
  phaseHistory: (id: string) =>
    queryOptions({ queryKey: keys.phaseHistory(id), queryFn: ({ signal }) => api.phaseHistory(id, signal) }),
  participationHistory: (id: string) =>
    queryOptions({ queryKey: keys.participationHistory(id), queryFn: ({ signal }) => api.participationHistory(id, signal) }),
  audit: (id: string) => queryOptions({ queryKey: keys.audit(id), queryFn: ({ signal }) => api.audit(id, signal) }),
  users: () => queryOptions({ queryKey: keys.users, queryFn: ({ signal }) => api.users(signal) }),
  invitation: (token: string) =>
    queryOptions({ queryKey: keys.invitation(token), queryFn: ({ signal }) => api.invitation(token, signal), retry: false }),
};
