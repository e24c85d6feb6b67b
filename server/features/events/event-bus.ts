import { and, eq, gt, asc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { projectEvents } from '../../db/schema/index.js';
import type { Clock } from '../../lib/clock.js';
import type { LiveEvent, LiveEventPayloads, LiveEventType } from '../../../shared/events/types.js';
import type { Action } from '../../../shared/auth/abilities.js';

/** Who may receive an event: everyone holding `ability` on the project, and/or the listed users only. */
export type Audience = { ability?: Action; userIds?: string[] };

export type StoredEvent = LiveEvent & { audience: Audience };

type Listener = (event: StoredEvent) => void;

/** Persisted, replayable project events; in-memory fan-out to the open SSE streams of this process. */
export type EventBus = {
  publish<T extends LiveEventType>(projectId: string, type: T, payload: LiveEventPayloads[T], audience?: Audience): StoredEvent;
  /** Events after `afterId` (for Last-Event-ID resume), oldest first, at most `limit`. */
  since(projectId: string, afterId: number, limit?: number): StoredEvent[];
  subscribe(projectId: string, listener: Listener): () => void;
  /** Every event of every project (the personal notification stream filters them per user). */
  subscribeAll(listener: Listener): () => void;
};

/**
 * Creates the bus. Events are written before they are pushed so a client resuming with Last-Event-ID
 * never misses one that another client already saw.
 */
export function createEventBus(db: Db, clock: Clock): EventBus {
  const listeners = new Map<string, Set<Listener>>();
  const everywhere = new Set<Listener>();
  const notify = (set: Iterable<Listener>, event: StoredEvent) => {
    for (const l of set) {
      try {
        l(event);
      } catch {
        // one broken stream must not stop the others
      }
    }
  };
  return {
    publish(projectId, type, payload, audience = { ability: 'project.read' }) {
      const at = clock.now().toISOString();
      const row = db
        .insert(projectEvents)
        .values({ projectId, type, payload, audience, at })
        .returning({ id: projectEvents.id })
        .get();
      const event: StoredEvent = { id: row.id, type, projectId, at, payload, audience };
      notify(listeners.get(projectId) ?? [], event);
      notify(everywhere, event);
      return event;
    },
    since(projectId, afterId, limit = 1000) {
      return db
        .select()
        .from(projectEvents)
        .where(and(eq(projectEvents.projectId, projectId), gt(projectEvents.id, afterId)))
        .orderBy(asc(projectEvents.id))
        .limit(limit)
        .all()
        .map((r) => ({
          id: r.id,
          type: r.type as LiveEventType,
          projectId: r.projectId,
          at: r.at,
          payload: r.payload as LiveEventPayloads[LiveEventType],
          audience: r.audience as Audience,
        }));
    },
    subscribe(projectId, listener) {
      let set = listeners.get(projectId);
      if (!set) listeners.set(projectId, (set = new Set()));
      set.add(listener);
      return () => {
        set!.delete(listener);
        if (set!.size === 0) listeners.delete(projectId);
      };
    },
    subscribeAll(listener) {
      everywhere.add(listener);
      return () => everywhere.delete(listener);
    },
  };
}
