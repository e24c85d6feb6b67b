/**
 * One WebSocket of one user on one document: rate limits, queueing while the room loads, bounded send buffer,
 * and closing with a contract close code (then terminating if the peer never completes the close handshake).
 */
import type { WebSocket } from 'ws';
import type { SessionUser } from '../context.js';
import type { AwarenessUser } from '../../shared/collab/protocol.js';
import { CLOSE_MESSAGES, type CloseCode } from '../../shared/collab/close-codes.js';
import { encodePermissionDenied, encodeWritable } from '../../shared/collab/protocol.js';
import type { Permission } from './admission.js';
import type { AwarenessOwner } from './awareness.js';
import type { CollabOptions } from './config.js';
import { ProtocolError } from './errors.js';

/** Token bucket: `rate` per second sustained, `burst` at once. */
class Bucket {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export type MessageHandler = (conn: Connection, message: Uint8Array) => void;

export class Connection implements AwarenessOwner {
  readonly awarenessIds = new Set<number>();
  readonly userId: string;
  /** False once the socket closed (or is closing): nothing more is sent or handled. */
  open = true;
  /** Set by the keep-alive sweep; any message or pong proves the peer is alive. */
  alive = true;
  private handler: MessageHandler | null = null;
  private queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private readonly messages: Bucket;
  private readonly awarenessMessages: Bucket;
  private lastDeniedAt = 0;

  constructor(
    readonly ws: WebSocket,
    readonly user: SessionUser,
    /** Kept in memory only, to re-check the session when sessions are revoked. Never logged. */
    readonly token: string,
    readonly documentId: string,
    readonly stamp: AwarenessUser,
    public permission: Permission,
    private readonly options: CollabOptions,
  ) {
    this.userId = user.id;
    this.messages = new Bucket(options.messagesPerSecond, options.messagesBurst);
    this.awarenessMessages = new Bucket(options.awarenessPerSecond, options.awarenessBurst);
  }

  /** Starts handling messages (the room is ready); messages queued during the load are handled first, in order. */
  attach(handler: MessageHandler): void {
    this.handler = handler;
    const queued = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    for (const message of queued) {
      if (!this.open) return;
      this.dispatch(message);
    }
  }

  /** Entry point of every frame received. */
  receive(data: Buffer, isBinary: boolean): void {
    if (!this.open) return;
    this.alive = true;
    if (!isBinary) return this.close(4400);
    if (!this.messages.take(Date.now())) return this.close(4429);
    // A view, no copy: lib0's decoders bound every read to this view (see lib0/decoding `subarray`).
    const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (!this.handler) {
      this.queuedBytes += message.byteLength;
      if (this.queue.length >= this.options.maxQueuedMessages || this.queuedBytes > this.options.maxQueuedBytes) return this.close(4429);
      this.queue.push(message);
      return;
    }
    this.dispatch(message);
  }

  /** Counts one awareness message against the awareness rate limit (throws 4429 beyond it). */
  chargeAwareness(): void {
    if (!this.awarenessMessages.take(Date.now())) throw new ProtocolError(4429, 'awareness flood');
  }

  /**
   * Sends a binary message unless the peer is not reading: past `maxBufferedBytes` of unsent data the socket is
   * closed (1013, the client retries) rather than buffering without bound for a slow consumer. `onWritten` runs once
   * the bytes are written out (not at all when nothing is sent).
   */
  send(message: Uint8Array, onWritten?: () => void): void {
    if (!this.open) return;
    if (this.ws.bufferedAmount > this.options.maxBufferedBytes) return this.close(1013);
    // `onWritten`: once the bytes are handed to the kernel (or the write failed), e.g. to run heavy work only after.
    this.ws.send(message, onWritten && (() => onWritten()));
  }

  /** Tells a read-only client its updates are dropped, at most once per second (a typing user sends many). */
  denied(): void {
    const now = Date.now();
    if (now - this.lastDeniedAt < 1000 || !this.permission.reason) return;
    this.lastDeniedAt = now;
    this.send(encodePermissionDenied(this.permission.reason));
  }

  /** Applies a permission change (lock, unlock, role change) and tells the client when `notify`. */
  setPermission(next: Permission, notify: boolean): void {
    const changed = next.writable !== this.permission.writable || next.reason !== this.permission.reason;
    this.permission = next;
    if (!changed || !notify) return;
    if (next.writable) this.send(encodeWritable());
    else if (next.reason) {
      this.lastDeniedAt = Date.now();
      this.send(encodePermissionDenied(next.reason));
    }
  }

  /** Closes with a contract code and its French reason; terminates if the close handshake does not complete. */
  close(code: CloseCode): void {
    if (!this.open) return;
    this.open = false;
    this.queue = [];
    try {
      this.ws.close(code, CLOSE_MESSAGES[code]);
    } catch {
      this.ws.terminate();
      return;
    }
    setTimeout(() => this.ws.terminate(), this.options.closeGraceMs).unref();
  }

  private dispatch(message: Uint8Array): void {
    try {
      this.handler!(this, message);
    } catch (err) {
      this.close(err instanceof ProtocolError ? err.code : 4400);
    }
  }
}
