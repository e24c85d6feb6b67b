import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProjectDto } from '../../../../shared/api/types.js';
import { keys } from '../../api/queries';

/**
 * A mutation that returns the updated project: the detail is replaced at once with the server's answer, then the
 * list, histories and audit of the project are refetched (they changed too).
 */
export function useProjectMutation<V>(projectId: string, mutationFn: (vars: V) => Promise<ProjectDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (project) => {
      queryClient.setQueryData(keys.project(projectId), project);
      await queryClient.invalidateQueries({ queryKey: keys.projects });
    },
  });
}
