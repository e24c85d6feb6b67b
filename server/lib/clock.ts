/** A clock the app reads instead of Date.now(), so tests can move time (session expiry, throttling, late phases). */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can advance by hand. */
export function manualClock(start = new Date('2026-11-27T09:00:00Z')): Clock & { advance(ms: number): void; set(d: Date): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (d) => {
      current = d.getTime();
    },
  };
}
