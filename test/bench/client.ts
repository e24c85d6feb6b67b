/**
 * One stock y-websocket client in the calling thread, for the "open a document" measurements (cold open, memory).
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { nowMs } from './util.js';

/** A synced client; `close()` destroys the provider and the doc. */
export type OpenedClient = { doc: Y.Doc; provider: WebsocketProvider; syncedMs: number; close(): void };

/** Connects to `room` and resolves once synced, with the time from construction to the `sync` event. */
export function openClient(url: string, room: string, params: Record<string, string>, timeoutMs = 60_000): Promise<OpenedClient> {
  const doc = new Y.Doc();
  const t0 = nowMs();
  const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params });
  const close = () => {
    provider.destroy();
    doc.destroy();
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      close();
      reject(new Error(`no sync with ${room} in ${timeoutMs} ms`));
    }, timeoutMs);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve({ doc, provider, syncedMs: nowMs() - t0, close });
    });
  });
}
