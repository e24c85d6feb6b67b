import { eq } from 'drizzle-orm';
import type { SSEStreamingApi } from 'hono/streaming';
import type { AppDeps, SessionUser } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { sessions } from '../../db/schema/index.js';
import { onSessionsRevoked } from '../auth/sessions.js';
import type { StoredEvent } from './event-bus.js';
import { canReceive, sseComment, sseFrame } from './audience.js';

export type EventStreamOptions = {
  /** Interval of the `: heartbeat` comment (contracts: 15 s); tests shorten it. */
  heartbeatMs?: number;
  /**
   * Frames written but not yet consumed by the client beyond which the stream is closed. A slow consumer then
   * reconnects with Last-Event-ID and loses nothing (events are persisted), instead of growing our memory.
   */
  maxPendingWrites?: number;
  /** Rows read per query while replaying missed events. */
  replayPageSize?: number;
  /**
   * Aborted when the server shuts down: every stream ends (EventSource clients reconnect to the next process with
   * Last-Event-ID). Without it `server.close()` waits forever, since an open stream is never an idle connection.
   */
  shutdownSignal?: AbortSignal;
};

export const DEFAULT_HEARTBEAT_MS = 15_000;

type StreamInput = {
  deps: AppDeps;
  policy: Policy;
  user: SessionUser;
  sessionTokenHash: string | null;
  projectId: string;
  /** Resume point: replay every event after it; null = only new events. */
  lastEventId: number | null;
  /** Aborted when the HTTP request goes away. */
  signal: AbortSignal;
};

/**
 * Runs one project event stream until the client leaves, its session is revoked or expires, it loses access to the
 * project, or it falls too far behind. Live events are buffered while missed ones are replayed, so nothing is lost
 * or sent twice between the replay query and the subscription.
 */
export async function runEventStream(stream: SSEStreamingApi, input: StreamInput, options: EventStreamOptions = {}): Promise<void> {
  const { deps, policy, user, projectId } = input;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const maxPending = options.maxPendingWrites ?? 1000;
  // A replay page is written before waiting for the client to drain it: it must fit under the slow-consumer cap.
  const pageSize = Math.max(1, Math.min(options.replayPageSize ?? 500, Math.floor(maxPending / 2)));

  let closed = false;
  let pending = 0;
  let release!: () => void;
  const finished = new Promise<void>((resolve) => (release = resolve));
  const cleanups: (() => void)[] = [];
  const close = (reason: string) => {
    if (closed) return;
    closed = true;
    for (const fn of cleanups) fn();
    deps.logger.debug('event stream closed', { projectId, userId: user.id, reason });
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

  const send = (event: StoredEvent) => {
    if (closed) return;
    // Access can be lost while connected (commune withdrawn, member removed): stop the stream, the client's
    // reconnection then gets its 403.
    if (!policy.can(user, 'project.read', { projectId })) return close('access_lost');
    if (canReceive(policy, user, event)) write(sseFrame(event));
  };

  stream.onAbort(() => close('client_gone'));
  if (input.signal.aborted || options.shutdownSignal?.aborted) return;
  for (const [signal, reason] of [[input.signal, 'client_gone'], [options.shutdownSignal, 'server_shutdown']] as const) {
    if (!signal) continue;
    const onAbort = () => close(reason);
    signal.addEventListener('abort', onAbort);
    cleanups.push(() => signal.removeEventListener('abort', onAbort));
  }
  cleanups.push(onSessionsRevoked((userId) => {
    if (userId === user.id && !sessionStillValid()) close('session_revoked');
  }));
  const heartbeat = setInterval(() => {
    if (!sessionStillValid()) return close('session_expired');
    write(sseComment('heartbeat'));
  }, heartbeatMs);
  cleanups.push(() => clearInterval(heartbeat));

  // Subscribe before replaying: what is published during the replay waits in `buffered`.
  let buffered: StoredEvent[] | null = input.lastEventId === null ? null : [];
  cleanups.push(deps.events.subscribe(projectId, (event) => (buffered ? buffered.push(event) : send(event))));
  write(sseComment('connected'));

  if (input.lastEventId !== null) {
    let cursor = input.lastEventId;
    for (;;) {
      const page = deps.events.since(projectId, cursor, pageSize);
      for (const event of page) send(event);
      if (page.length > 0) cursor = page[page.length - 1].id;
      if (page.length < pageSize || closed) break;
      // Let the client drain the page before reading the next one (backpressure on long replays).
      await waitForDrain(() => pending === 0 || closed);
    }
    // No await since the last `since()` query: the buffer holds exactly what was published after it (or during
    // earlier pages, already replayed and skipped by id).
    const missedDuringReplay = buffered ?? [];
    buffered = null;
    for (const event of missedDuringReplay) if (event.id > cursor) send(event);
  }

  await finished;
}

/** Polls a condition on the event loop (a few ms) — used only between replay pages. */
async function waitForDrain(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 5));
}
