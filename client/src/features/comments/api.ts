/**
 * Comments and amendments API (server/features/comments): queries keyed under the project so that live events and
 * mutations refresh exactly the lists, counts and threads they change.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CommentCountsDto,
  CommentFilters,
  CommentThreadView,
  CreateCommentInput,
  MentionablePerson,
} from '../../../../shared/comments/types.js';
import { apiGet, apiRequest } from '../../api/http';

const enc = encodeURIComponent;

/** Query keys: everything of a project's comments lives under `commentKeys.all(projectId)`. */
export const commentKeys = {
  all: (projectId: string) => ['projects', projectId, 'comments'] as const,
  list: (projectId: string, filters: CommentFilters) => ['projects', projectId, 'comments', 'list', filters] as const,
  counts: (projectId: string) => ['projects', projectId, 'comments', 'counts'] as const,
  people: (projectId: string) => ['projects', projectId, 'comments', 'people'] as const,
  settings: (projectId: string) => ['projects', projectId, 'comments', 'settings'] as const,
};

function query(filters: CommentFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Query options: `useQuery(commentQ.list(projectId, { documentId }))`. */
export const commentQ = {
  list: (projectId: string, filters: CommentFilters) =>
    queryOptions({
      queryKey: commentKeys.list(projectId, filters),
      queryFn: ({ signal }) => apiGet<CommentThreadView[]>(`/projects/${enc(projectId)}/comments${query(filters)}`, signal),
    }),
  thread: (projectId: string, threadId: string) =>
    queryOptions({
      queryKey: [...commentKeys.all(projectId), 'thread', threadId] as const,
      queryFn: ({ signal }) => apiGet<CommentThreadView>(`/comments/${enc(threadId)}`, signal),
      retry: false,
    }),
  counts: (projectId: string) =>
    queryOptions({ queryKey: commentKeys.counts(projectId), queryFn: ({ signal }) => apiGet<CommentCountsDto>(`/projects/${enc(projectId)}/comment-counts`, signal) }),
  people: (projectId: string) =>
    queryOptions({
      queryKey: commentKeys.people(projectId),
      queryFn: ({ signal }) => apiGet<MentionablePerson[]>(`/projects/${enc(projectId)}/comment-people`, signal),
      staleTime: 5 * 60_000,
    }),
  settings: (projectId: string) =>
    queryOptions({
      queryKey: commentKeys.settings(projectId),
      queryFn: ({ signal }) => apiGet<{ editorsDecideAmendments: boolean }>(`/projects/${enc(projectId)}/amendment-settings`, signal),
    }),
};

/** Every mutation of comments; each success refreshes the project's comment queries. */
export function useCommentMutations(projectId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: commentKeys.all(projectId) });
  const useMut = <V,>(fn: (v: V) => Promise<unknown>) => useMutation({ mutationFn: fn, onSuccess: refresh });
  return {
    create: useMut((input: CreateCommentInput) => apiRequest<CommentThreadView>('POST', `/projects/${enc(projectId)}/comments`, input)),
    reply: useMut(({ threadId, body, mentions }: { threadId: string; body: string; mentions: string[] }) =>
      apiRequest<CommentThreadView>('POST', `/comments/${enc(threadId)}/replies`, { body, mentions }),
    ),
    edit: useMut(({ threadId, messageId, body, mentions }: { threadId: string; messageId: string; body: string; mentions: string[] }) =>
      apiRequest<CommentThreadView>('PATCH', `/comments/${enc(threadId)}/messages/${enc(messageId)}`, { body, mentions }),
    ),
    remove: useMut(({ threadId, messageId }: { threadId: string; messageId: string }) => apiRequest<CommentThreadView>('DELETE', `/comments/${enc(threadId)}/messages/${enc(messageId)}`)),
    setStatus: useMut(({ threadId, action }: { threadId: string; action: 'resolve' | 'reopen' }) => apiRequest<CommentThreadView>('POST', `/comments/${enc(threadId)}/${action}`)),
    vote: useMut(({ amendmentId, stance }: { amendmentId: string; stance: 'soutien' | 'opposition' }) =>
      apiRequest<CommentThreadView>('POST', `/amendments/${enc(amendmentId)}/votes`, { stance }),
    ),
    accept: useMut((amendmentId: string) => apiRequest<CommentThreadView>('POST', `/amendments/${enc(amendmentId)}/accept`)),
    reject: useMut(({ amendmentId, motivation }: { amendmentId: string; motivation: string }) => apiRequest<CommentThreadView>('POST', `/amendments/${enc(amendmentId)}/reject`, { motivation })),
    settings: useMut((editorsDecideAmendments: boolean) => apiRequest<{ editorsDecideAmendments: boolean }>('PUT', `/projects/${enc(projectId)}/amendment-settings`, { editorsDecideAmendments })),
  };
}
