import { eq } from 'drizzle-orm';
import type { SSEStreamingApi } from 'hono/streaming';
import type { AppDeps, SessionUser } from '../../context.js';
import { sessions } from '../../db/schema/index.js';
import { onSessionsRevoked } from '../auth/sessions.js';
import { sseComment } from './audience.js';

export type SseLifecycleOptions = {
  /** Interval of the `: heartbeat` comment (contracts: 15 s); tests shorten it. */
  heartbeatMs?: number;
  /**
   * Frames written but not yet consumed by the client beyond which the stream is closed. A slow consumer then
   * reconnects (and resumes or refetches) instead of growing our memory.
   */
  maxPendingWrites?: number;
  /**
   * Aborted when the server shuts down: every stream ends (EventSource clients reconnect to the next process).
   * Without it `server.close()` waits forever, since an open stream is never an idle connection.
   */
  shutdownSignal?: AbortSignal;
};

export const DEFAULT_HEARTBEAT_MS = 15_000;

/** What a stream body uses: write with backpressure accounting, close once, and wait for the end. */
export type SseLifecycle = {
  write(text: string): void;
  close(reason: string): void;
  readonly closed: boolean;
  readonly pending: number;
  /** Runs `fn` when the stream closes (unsubscribe, timers). */
  onClose(fn: () => void): void;
  /** Resolves when the stream closed, for whatever reason. */
  finished: Promise<void>;
};

/**
 * The life of one signed-in SSE stream, shared by the project stream and the personal notification stream: it ends
 * when the client leaves, the server shuts down, the session is revoked or expires (checked at each heartbeat), or
 * the client falls more than `maxPendingWrites` frames behind. Returns null when the request is already aborted.
 */
export function sseLifecycle(
  stream: SSEStreamingApi,
  input: { deps: AppDeps; user: SessionUser; sessionTokenHash: string | null; signal: AbortSignal; label: Record<string, unknown> },
  options: SseLifecycleOptions = {},
): SseLifecycle | null {
  const { deps, user } = input;
  if (input.signal.aborted || options.shutdownSignal?.aborted) return null;
  const maxPending = options.maxPendingWrites ?? 1000;
  let closed = false;
  let pending = 0;
  let release!: () => void;
  const finished = new Promise<void>((resolve) => (release = resolve));
  const cleanups: (() => void)[] = [];

  const close = (reason: string) => {
    if (closed) return;
    closed = true;
    for (const fn of cleanups) fn();
    deps.logger.debug('event stream closed', { ...input.label, userId: user.id, reason });
    release();
  };
  const write = (text: string) => {
    if (closed) return;
    pending += 1;
    if (pending > maxPending) return close('slow_consumer');
    // StreamingApi.write never rejects (it swallows errors of a gone client); the abort hook closes us then.
    void stream.write(text).then(() => {
      pending -= 1;
    });
  };
  const sessionStillValid = () => {
    if (!input.sessionTokenHash) return false;
    const s = deps.db.select().from(sessions).where(eq(sessions.tokenHash, input.sessionTokenHash)).get();
    return !!s && s.revokedAt === null && s.expiresAt > deps.clock.now().toISOString();
  };

  stream.onAbort(() => close('client_gone'));
  for (const [signal, reason] of [[input.signal, 'client_gone'], [options.shutdownSignal, 'server_shutdown']] as const) {
    if (!signal) continue;
    const onAbort = () => close(reason);
    signal.addEventListener('abort', onAbort);
    cleanups.push(() => signal.removeEventListener('abort', onAbort));
  }
  cleanups.push(
    onSessionsRevoked((userId) => {
      if (userId === user.id && !sessionStillValid()) close('session_revoked');
    }),
  );
  const heartbeat = setInterval(() => {
    if (!sessionStillValid()) return close('session_expired');
    write(sseComment('heartbeat'));
  }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  cleanups.push(() => clearInterval(heartbeat));

  return {
    write,
    close,
    get closed() {
      return closed;
    },
    get pending() {
      return pending;
    },
    onClose: (fn) => cleanups.push(fn),
    finished,
  };
}
