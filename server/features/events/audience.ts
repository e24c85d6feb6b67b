import type { Actor } from '../../../shared/auth/abilities.js';
import type { LiveEvent } from '../../../shared/events/types.js';
import type { Policy } from '../../policies/index.js';
import type { StoredEvent } from './event-bus.js';

/**
 * True when `receiver` may see `event` now: listed in `audience.userIds` when there is such a list, and holding
 * `audience.ability` on the event's project when there is one. Evaluated at send time (not at publish time) so a
 * permission lost in between is respected, and by the policy module, the only place that decides.
 */
export function canReceive(policy: Policy, receiver: Actor, event: StoredEvent): boolean {
  const { audience } = event;
  if (audience.userIds && !audience.userIds.includes(receiver.id)) return false;
  if (audience.ability && !policy.can(receiver, audience.ability, { projectId: event.projectId })) return false;
  return true;
}

/** The public part of a stored event: the audience (who else may see it) never leaves the server. */
export function toLiveEvent({ id, type, projectId, at, payload }: StoredEvent): LiveEvent {
  return { id, type, projectId, at, payload };
}

/** One SSE frame: `id`, `event` and a single-line JSON `data` (JSON.stringify never emits raw newlines). */
export function sseFrame(event: StoredEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(toLiveEvent(event))}\n\n`;
}

/** An SSE comment line: ignored by EventSource, keeps proxies and idle timeouts from closing the stream. */
export function sseComment(text: string): string {
  return `: ${text}\n\n`;
}
