/**
 * Documents API (server/features/documents): queries and mutations. The text itself travels over the WebSocket;
 * these calls manage the facts around it (title, kind, archive, lock).
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDocumentInput, DocumentDetailDto, DocumentDto } from '../../../../shared/documents/kinds.js';
import { apiGet, apiRequest } from '../../api/http';

const enc = encodeURIComponent;

/** Query keys of the documents feature. */
export const docKeys = {
  list: (projectId: string, archived: boolean) => ['projects', projectId, 'documents', archived ? 'archived' : 'active'] as const,
  all: (projectId: string) => ['projects', projectId, 'documents'] as const,
  detail: (documentId: string) => ['documents', documentId] as const,
};

/** Query options: `useQuery(docQ.list(projectId, false))`. */
export const docQ = {
  list: (projectId: string, archived: boolean) =>
    queryOptions({
      queryKey: docKeys.list(projectId, archived),
      queryFn: ({ signal }) => apiGet<DocumentDto[]>(`/projects/${enc(projectId)}/documents${archived ? '?archived=1' : ''}`, signal),
    }),
  detail: (documentId: string) =>
    queryOptions({ queryKey: docKeys.detail(documentId), queryFn: ({ signal }) => apiGet<DocumentDetailDto>(`/documents/${enc(documentId)}`, signal) }),
};

/** A document action of the API. */
export type DocumentAction = 'archive' | 'unarchive' | 'lock' | 'unlock';

/** Mutations on documents; every success refreshes the project's lists and the document's detail. */
export function useDocumentMutations(projectId: string) {
  const queryClient = useQueryClient();
  const refresh = async (doc?: DocumentDto) => {
    if (doc) await queryClient.invalidateQueries({ queryKey: docKeys.detail(doc.id) });
    await queryClient.invalidateQueries({ queryKey: docKeys.all(projectId) });
  };
  const create = useMutation({
    mutationFn: (input: CreateDocumentInput) => apiRequest<DocumentDto>('POST', `/projects/${enc(projectId)}/documents`, input),
    onSuccess: refresh,
  });
  const rename = useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) => apiRequest<DocumentDto>('PATCH', `/documents/${enc(id)}`, { title }),
    onSuccess: refresh,
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: DocumentAction }) => apiRequest<DocumentDto>('POST', `/documents/${enc(id)}/${action}`),
    onSuccess: refresh,
  });
  return { create, rename, act };
}
