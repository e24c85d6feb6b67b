import type { SSEStreamingApi } from 'hono/streaming';
import type { AppDeps, SessionUser } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import type { StoredEvent } from './event-bus.js';
import { canReceive, sseComment, sseFrame } from './audience.js';
import { sseLifecycle, type SseLifecycleOptions } from './sse-lifecycle.js';

export { DEFAULT_HEARTBEAT_MS } from './sse-lifecycle.js';

export type EventStreamOptions = SseLifecycleOptions & {
  /** Rows read per query while replaying missed events. */
  replayPageSize?: number;
};

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
 * project, or it falls too far behind (see `sseLifecycle`). Live events are buffered while missed ones are replayed,
 * so nothing is lost or sent twice between the replay query and the subscription.
 */
export async function runEventStream(stream: SSEStreamingApi, input: StreamInput, options: EventStreamOptions = {}): Promise<void> {
  const { deps, policy, user, projectId } = input;
  const life = sseLifecycle(stream, { ...input, label: { projectId } }, options);
  if (!life) return;
  // A replay page is written before waiting for the client to drain it: it must fit under the slow-consumer cap.
  const pageSize = Math.max(1, Math.min(options.replayPageSize ?? 500, Math.floor((options.maxPendingWrites ?? 1000) / 2)));

  const send = (event: StoredEvent) => {
    if (life.closed) return;
    // Access can be lost while connected (commune withdrawn, member removed): stop the stream, the client's
    // reconnection then gets its 403.
    if (!policy.can(user, 'project.read', { projectId })) return life.close('access_lost');
    if (canReceive(policy, user, event)) life.write(sseFrame(event));
  };

  // Subscribe before replaying: what is published during the replay waits in `buffered`.
  let buffered: StoredEvent[] | null = input.lastEventId === null ? null : [];
  life.onClose(deps.events.subscribe(projectId, (event) => (buffered ? buffered.push(event) : send(event))));
  life.write(sseComment('connected'));

  if (input.lastEventId !== null) {
    let cursor = input.lastEventId;
    for (;;) {
      const page = deps.events.since(projectId, cursor, pageSize);
      for (const event of page) send(event);
      if (page.length > 0) cursor = page[page.length - 1].id;
      if (page.length < pageSize || life.closed) break;
      // Let the client drain the page before reading the next one (backpressure on long replays).
      await waitForDrain(() => life.pending === 0 || life.closed);
    }
    // No await since the last `since()` query: the buffer holds exactly what was published after it (or during
    // earlier pages, already replayed and skipped by id).
    const missedDuringReplay = buffered ?? [];
    buffered = null;
    for (const event of missedDuringReplay) if (event.id > cursor) send(event);
  }

  await life.finished;
}

/** Polls a condition on the event loop (a few ms) — used only between replay pages. */
async function waitForDrain(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 5));
}
