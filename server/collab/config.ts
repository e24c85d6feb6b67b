/**
 * Tunables of the collaboration server. Defaults suit production; tests shrink timings and limits.
 * `COLLAB_*` environment variables are parsed once at boot (zod), like the rest of the configuration.
 */
import { z } from 'zod';
import { COLLAB_LIMITS } from '../../shared/collab/protocol.js';

export type CollabOptions = {
  /** A room with no connection for this long is flushed, compacted and unloaded. */
  roomIdleMs: number;
  /** WebSocket frame cap (`wss.options.maxPayload`; the `ws` default is 100 MiB). */
  maxFrameBytes: number;
  /** Encoded document size cap: an update that would exceed it is refused with 4413. */
  maxDocumentBytes: number;
  /** Largest awareness state (JSON) per client id. */
  maxAwarenessStateBytes: number;
  /** Awareness client ids one connection may introduce (a stock client uses one). */
  maxAwarenessIdsPerConnection: number;
  /** Sustained awareness messages per second per connection, and the burst allowed on top (4429 beyond). */
  awarenessPerSecond: number;
  awarenessBurst: number;
  /**
   * Sustained messages of any kind per second per connection, and burst (4429 beyond). A typing person sends tens a
   * second; only a machine replaying keystrokes reaches this (`COLLAB_MESSAGES_PER_SECOND` raises it).
   */
  messagesPerSecond: number;
  messagesBurst: number;
  /** Awareness changes of a room are broadcast at most this often (coalesces cursor storms: N clients → N sends). */
  awarenessFlushMs: number;
  /**
   * Sockets are pinged this often; one that did not answer since the last ping is terminated (half-open TCP).
   * Sessions and permissions are re-checked at the same pace (expiry, withdrawn participation).
   */
  keepAliveMs: number;
  /** Messages and bytes queued per connection while its room loads (4429 beyond). */
  maxQueuedMessages: number;
  maxQueuedBytes: number;
  /** A socket whose unsent data exceeds this is closed (1013) instead of buffering without bound. */
  maxBufferedBytes: number;
  /** Uncommitted bytes a room may hold while its writes fail; writers are refused (4503) beyond. */
  maxPendingBytes: number;
  /** Compact a loaded room when its log tail reaches this many rows. */
  compactEvery: number;
  /** Rows applied per event-loop turn when loading or compacting (keeps other rooms responsive). */
  chunkRows: number;
  /** Failed writes are retried after min(base * 2^n, max) ms. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Time a closing socket gets to finish its close handshake before it is terminated. */
  closeGraceMs: number;
};

export const DEFAULT_COLLAB_OPTIONS: CollabOptions = {
  roomIdleMs: 30_000,
  maxFrameBytes: COLLAB_LIMITS.maxFrameBytes,
  maxDocumentBytes: COLLAB_LIMITS.maxDocumentBytes,
  maxAwarenessStateBytes: COLLAB_LIMITS.maxAwarenessStateBytes,
  maxAwarenessIdsPerConnection: 4,
  awarenessPerSecond: COLLAB_LIMITS.awarenessPerSecond,
  awarenessBurst: 100,
  messagesPerSecond: 2_000,
  messagesBurst: 4_000,
  awarenessFlushMs: 20,
  keepAliveMs: 30_000,
  maxQueuedMessages: 1000,
  maxQueuedBytes: 4 * 1024 * 1024,
  // Twice the document cap: a full sync reply of a maximal document must fit before the peer reads it.
  maxBufferedBytes: 16 * 1024 * 1024,
  maxPendingBytes: 32 * 1024 * 1024,
  compactEvery: 500,
  chunkRows: 500,
  retryBaseMs: 100,
  retryMaxMs: 5_000,
  closeGraceMs: 1_000,
};

const EnvSchema = z.object({
  COLLAB_ROOM_IDLE_MS: z.coerce.number().int().positive().optional(),
  COLLAB_MAX_FRAME_BYTES: z.coerce.number().int().positive().optional(),
  COLLAB_MAX_DOCUMENT_BYTES: z.coerce.number().int().positive().optional(),
  COLLAB_COMPACT_EVERY: z.coerce.number().int().positive().optional(),
  COLLAB_MESSAGES_PER_SECOND: z.coerce.number().int().positive().optional(),
});

/** Options from `COLLAB_*` variables over the defaults, then `overrides` (tests). Throws a readable error. */
export function collabOptions(source: Record<string, string | undefined> = process.env, overrides: Partial<CollabOptions> = {}): CollabOptions {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const fromEnv: Partial<CollabOptions> = {};
  if (env.COLLAB_ROOM_IDLE_MS) fromEnv.roomIdleMs = env.COLLAB_ROOM_IDLE_MS;
  if (env.COLLAB_MAX_FRAME_BYTES) fromEnv.maxFrameBytes = env.COLLAB_MAX_FRAME_BYTES;
  if (env.COLLAB_MAX_DOCUMENT_BYTES) fromEnv.maxDocumentBytes = env.COLLAB_MAX_DOCUMENT_BYTES;
  if (env.COLLAB_COMPACT_EVERY) fromEnv.compactEvery = env.COLLAB_COMPACT_EVERY;
  if (env.COLLAB_MESSAGES_PER_SECOND) {
    fromEnv.messagesPerSecond = env.COLLAB_MESSAGES_PER_SECOND;
    fromEnv.messagesBurst = 2 * env.COLLAB_MESSAGES_PER_SECOND;
  }
  return { ...DEFAULT_COLLAB_OPTIONS, ...fromEnv, ...overrides };
}
