import type { Clock } from '../../lib/clock.js';

/**
 * Login throttling: after `maxFailures` failed attempts for one key (an e-mail, an IP) within `windowMs`, further
 * attempts are refused until the window has passed. In memory: one server process holds the truth (see README).
 */
export function createThrottle(clock: Clock, maxFailures: number, windowMs: number) {
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const now = clock.now().getTime();
    const list = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  }

  return {
    /** Seconds to wait before trying again, or 0 when an attempt is allowed. */
    retryAfter(key: string): number {
      const list = recent(key);
      if (list.length < maxFailures) return 0;
      return Math.max(1, Math.ceil((list[0] + windowMs - clock.now().getTime()) / 1000));
    },
    fail(key: string): void {
      const list = recent(key);
      list.push(clock.now().getTime());
      failures.set(key, list);
    },
    reset(key: string): void {
      failures.delete(key);
    },
  };
}
