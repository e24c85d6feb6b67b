/** Yields to the event loop (I/O of other rooms runs) before continuing a long task in chunks. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A promise with its resolve/reject exposed (a room's load, settled by whoever finishes it). */
export function settleable(): { promise: Promise<void>; resolve: () => void; reject: (err: Error) => void } {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
