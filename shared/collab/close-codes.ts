/**
 * WebSocket close codes of contracts.md, shared by the server and the client.
 * 4400–4499 are terminal (the client explains and does not retry; stock y-websocket also stops on them);
 * 1001, 1012, 1013 and 4503 are retried with jittered backoff.
 * 1013 (try again later) closes a slow consumer whose send buffer overflowed: not the user's fault, so retryable.
 */
export const CLOSE_CODES = {
  GOING_AWAY: 1001,
  RESTARTING: 1012,
  TRY_AGAIN_LATER: 1013,
  BAD_REQUEST: 4400,
  NOT_AUTHENTICATED: 4401,
  FORBIDDEN: 4403,
  UNKNOWN_DOCUMENT: 4404,
  TOO_LARGE: 4413,
  FLOODING: 4429,
  ROOM_UNAVAILABLE: 4503,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** French explanation shown to the user for each close code. */
export const CLOSE_MESSAGES: Record<CloseCode, string> = {
  1001: 'Le serveur redémarre ; reconnexion…',
  1012: 'Le serveur redémarre ; reconnexion…',
  1013: 'Connexion trop lente ; reconnexion…',
  4400: 'Message invalide : la connexion au document a été fermée.',
  4401: 'Votre session a expiré : reconnectez-vous.',
  4403: "Vous n'avez pas accès à ce document.",
  4404: "Ce document n'existe pas ou a été supprimé.",
  4413: 'Modification trop volumineuse : la connexion a été fermée.',
  4429: 'Trop de messages envoyés : la connexion a été fermée.',
  4503: 'Document momentanément indisponible ; nouvel essai…',
};

/** True when the client should retry after this close code. */
export function isRetryable(code: number): boolean {
  return code === 1001 || code === 1012 || code === 1013 || code === 4503 || code === 1006 || code === 1000;
}

/** Reasons carried by the y-protocols auth message "permission-denied". */
export type PermissionDeniedReason = 'read_only' | 'locked';
