/**
 * Real y-websocket clients for collaboration tests: a stock `WebsocketProvider` (Node `ws` polyfill, no
 * BroadcastChannel so every byte goes through the server), plus a raw socket for hostile-frame tests.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { readAuthMessage, MESSAGE_AUTH, type AuthMessage } from '../../shared/collab/protocol.js';

export type Closed = { code: number; reason: string };

export type TestClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Auth messages received (permission-denied / writable), in order. */
  auth: AuthMessage[];
  /** Server closes seen (code + reason), in order. */
  closes: Closed[];
  /** The text of `Y.Text` `name` (default `t`). */
  text(name?: string): string;
  /** Resolves when the provider synced (rejects after `timeoutMs`). */
  synced(timeoutMs?: number): Promise<void>;
  /** Resolves with the first close by the server. */
  closed(timeoutMs?: number): Promise<Closed>;
  destroy(): void;
};

export type ClientOptions = {
  token?: string;
  /** Extra handshake headers (cookie, origin…): for browser-like connections. */
  headers?: Record<string, string>;
  doc?: Y.Doc;
  connect?: boolean;
};

/** Connects a stock provider to `wsUrl/documentId` (wsUrl like `ws://127.0.0.1:1234/ws`). */
export function connectClient(wsUrl: string, documentId: string, opts: ClientOptions = {}): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const headers = opts.headers;
  const Polyfill = headers
    ? class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      }
    : WebSocket;
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    params: opts.token ? { token: opts.token } : {},
    WebSocketPolyfill: Polyfill as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: opts.connect ?? true,
  });
  const auth: AuthMessage[] = [];
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder: decoding.Decoder) => {
    const message = readAuthMessage(decoder);
    if (message) auth.push(message);
  };
  const closes: Closed[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    auth,
    closes,
    text: (name = 't') => doc.getText(name).toString(),
    synced: (timeoutMs = 5000) =>
      provider.synced
        ? Promise.resolve()
        : withTimeout(
            new Promise<void>((resolve) => {
              const onSync = (state: boolean) => {
                if (!state) return;
                provider.off('sync', onSync);
                resolve();
              };
              provider.on('sync', onSync);
            }),
            timeoutMs,
            'sync',
          ),
    closed: (timeoutMs = 5000) => waitFor(() => closes[0], timeoutMs, 'close'),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A raw WebSocket (no Yjs), to send arbitrary frames. */
export type RawSocket = { ws: WebSocket; received: Uint8Array[]; opened: Promise<void>; closed: Promise<Closed> };

export function rawSocket(url: string, headers?: Record<string, string>): RawSocket {
  const ws = new WebSocket(url, { headers });
  const received: Uint8Array[] = [];
  ws.binaryType = 'nodebuffer';
  ws.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => reject(new Error('closed before open')));
  });
  opened.catch(() => {});
  const closed = new Promise<Closed>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return { ws, received, opened, closed };
}

/** Polls `probe` until it returns a value other than undefined/false. */
export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
