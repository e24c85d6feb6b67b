/**
 * `project_events` is a replay log for EventSource resumes, not a history: a client that comes back refetches what
 * it shows anyway (client/src/api/projectEvents.ts, `onReconnect`), and the audit log keeps what must be kept. A
 * séance publishes its whole state on every change and presence events come with every join, so without pruning the
 * table grows with every meeting. Events older than `EVENTS_RETENTION_HOURS` are deleted at boot, then every hour.
 */
import type { AppDeps } from '../../context.js';

/** How often the pruner runs (its first pass is at start). */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** Rows deleted per statement: short write transactions, so live writers never wait long behind the pruner. */
const BATCH = 5000;

/** Deletes the events published before `cutoff`; returns how many rows went. */
export function pruneProjectEvents(deps: Pick<AppDeps, 'sqlite'>, cutoff: Date): number {
  const remove = deps.sqlite.prepare('DELETE FROM project_events WHERE id IN (SELECT id FROM project_events WHERE at < ? ORDER BY id LIMIT ?)');
  let total = 0;
  for (;;) {
    const { changes } = remove.run(cutoff.toISOString(), BATCH);
    total += changes;
    if (changes < BATCH) return total;
  }
}

/**
 * Prunes now, then every `intervalMs`; stops on `signal` (server shutdown) or once the database is closed. The timer
 * is unref'd so it never keeps a process alive.
 */
export function startEventPruner(deps: AppDeps, signal?: AbortSignal, intervalMs = PRUNE_EVERY_MS): () => void {
  const pass = () => {
    try {
      const cutoff = new Date(deps.clock.now().getTime() - deps.env.EVENTS_RETENTION_HOURS * 3600_000);
      const removed = pruneProjectEvents(deps, cutoff);
      if (removed > 0) deps.logger.info('old live events pruned', { removed, before: cutoff.toISOString() });
    } catch (err) {
      deps.logger.error('live events pruning failed', { error: String(err) });
    }
  };
  pass();
  const timer = setInterval(() => (deps.sqlite.open ? pass() : stop()), intervalMs);
  timer.unref();
  const stop = () => clearInterval(timer);
  signal?.addEventListener('abort', stop, { once: true });
  return stop;
}
