import type { SSEStreamingApi } from 'hono/streaming';
import type { AppDeps, SessionUser } from '../../context.js';
import { sseComment, sseFrame } from '../events/audience.js';
import { sseLifecycle, type SseLifecycleOptions } from '../events/sse-lifecycle.js';

type Input = { deps: AppDeps; user: SessionUser; sessionTokenHash: string | null; signal: AbortSignal };

/**
 * The personal stream behind the bell: every `notification.created` addressed to this user, whatever the project,
 * so the unread count is live on the home page and across projects (a project's stream only carries its own). No
 * replay: on reconnection the client refetches its count and list.
 */
export async function runNotificationStream(stream: SSEStreamingApi, input: Input, options: SseLifecycleOptions = {}): Promise<void> {
  const life = sseLifecycle(stream, { ...input, label: { stream: 'notifications' } }, options);
  if (!life) return;
  life.onClose(
    input.deps.events.subscribeAll((event) => {
      if (event.type === 'notification.created' && event.audience.userIds?.includes(input.user.id)) life.write(sseFrame(event));
    }),
  );
  life.write(sseComment('connected'));
  await life.finished;
}
