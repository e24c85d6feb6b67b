import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import type { LoginResponse } from '../../../../shared/api/types.js';

/**
 * Wraps a sign-in call (login, demo login, invitation acceptance): on success, forget the previous user's cached data
 * and go where the guard was sending the user, or home. The server has set the HttpOnly cookie; the token in the
 * response body is deliberately ignored (the browser never stores it).
 */
export function useSignIn<V>(signIn: (vars: V) => Promise<LoginResponse>) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  return useMutation({
    mutationFn: signIn,
    onSuccess: async () => {
      queryClient.clear();
      navigate(from && from.startsWith('/') && !from.startsWith('//') ? from : '/', { replace: true });
    },
  });
}
