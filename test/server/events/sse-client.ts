/**
 * Reads a Server-Sent Events response body frame by frame (works for `app.request` responses and real `fetch`).
 */
export type SseFrame = { id?: string; event?: string; data?: string; comment?: string; raw: string };

export type SseReader = {
  /** Waits for the next frame matching `filter`; null when the stream ended first. Rejects after `timeoutMs`. */
  next(filter?: (f: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame | null>;
  /** Every event frame (comments skipped) that arrives within `ms`. */
  collect(ms: number): Promise<SseFrame[]>;
  /** Every event frame (comments skipped) up to and including the first matching `last`. */
  collectUntil(last: (f: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame[]>;
  /** Resolves true once the server ended the stream (within `timeoutMs`). */
  ended(timeoutMs?: number): Promise<boolean>;
  cancel(): Promise<void>;
};

function parse(raw: string): SseFrame {
  const frame: SseFrame = { raw };
  for (const line of raw.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    else {
      const i = line.indexOf(':');
      const key = line.slice(0, i) as 'id' | 'event' | 'data';
      const value = line.slice(i + 1).replace(/^ /, '');
      frame[key] = key === 'data' && frame.data !== undefined ? `${frame.data}\n${value}` : value;
    }
  }
  return frame;
}

export function sseReader(body: ReadableStream<Uint8Array>): SseReader {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const frames: SseFrame[] = [];
  let buffer = '';
  let done = false;
  // A holder (not a plain `let`): TypeScript cannot see the assignment made inside the waiting promise.
  const waiter: { wake: (() => void) | null } = { wake: null };

  void (async () => {
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          frames.push(parse(buffer.slice(0, at)));
          buffer = buffer.slice(at + 2);
        }
        waiter.wake?.();
      }
    } catch {
      // cancelled or connection reset: treated as the end of the stream
    }
    done = true;
    waiter.wake?.();
  })();

  const waitChange = (deadline: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('SSE: timeout')), Math.max(0, deadline - Date.now()));
      waiter.wake = () => {
        clearTimeout(timer);
        waiter.wake = null;
        resolve();
      };
    });

  return {
    async next(filter = () => true, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = frames.findIndex(filter);
        if (i >= 0) return frames.splice(0, i + 1).pop()!;
        if (done) return null;
        await waitChange(deadline);
      }
    },
    async collect(ms) {
      await new Promise((r) => setTimeout(r, ms));
      const events = frames.filter((f) => f.event !== undefined);
      frames.length = 0;
      return events;
    },
    async collectUntil(last, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = frames.findIndex(last);
        if (i >= 0) return frames.splice(0, i + 1).filter((f) => f.event !== undefined);
        if (done) throw new Error('SSE: stream ended first');
        await waitChange(deadline);
      }
    },
    async ended(timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      while (!done) {
        try {
          await waitChange(deadline);
        } catch {
          return false;
        }
      }
      return true;
    },
    async cancel() {
      await reader.cancel().catch(() => {});
    },
  };
}

/** `id`s and `event`s of frames, for literal expectations. */
export const idsAndTypes = (frames: SseFrame[]) => frames.map((f) => `${f.id} ${f.event}`);
