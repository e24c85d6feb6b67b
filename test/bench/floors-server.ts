/**
 * Physical floors, run as a child process pinned like the servers (`node --import tsx floors-server.ts echo|relay`):
 * - `echo`: a `ws` server that sends every frame back (loopback WebSocket round trip);
 * - `relay`: forwards every sync frame (first byte 0), as bytes, to the other sockets of the same URL path (a
 *   "room"), with no Yjs at all: the cheapest possible room server, so (ours − relay) is the overhead we add above
 *   it. Awareness frames are dropped: stock clients re-broadcast every awareness update they receive, which a Yjs
 *   server absorbs (same clock) but a relay would multiply by the room size on every awareness renewal.
 * Also exports `startDropProxy`, used in-process by the smoke test to prove the loss detector can fail.
 */
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Starts the echo or relay server on a free port of 127.0.0.1. */
export function startFloorServer(kind: 'echo' | 'relay'): Promise<WebSocketServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const rooms = new Map<string, Set<WebSocket>>();
  wss.on('connection', (ws, req) => {
    if (kind === 'echo') {
      ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
      return;
    }
    const room = (req.url ?? '/').split('?')[0];
    const peers = rooms.get(room) ?? new Set<WebSocket>();
    rooms.set(room, peers);
    peers.add(ws);
    ws.on('message', (data: Buffer, isBinary) => {
      if (data[0] !== 0) return; // sync messages only (see above)
      for (const p of peers) if (p !== ws && p.readyState === WebSocket.OPEN) p.send(data, { binary: isBinary });
    });
    ws.on('close', () => peers.delete(ws));
  });
  return new Promise((resolve) => wss.once('listening', () => resolve(wss)));
}

/**
 * A WebSocket proxy in front of `upstream` (a ws base URL) that drops one server→client sync-update frame in
 * `dropEvery` (1 % by default). Only sync updates (`[0, 2, …]`) are dropped, never the handshake (sync step 1/2),
 * so clients still connect and the loss shows up where the detector looks: probes that never arrive.
 */
export function startDropProxy(upstream: string, dropEvery = 100): Promise<{ url: string; dropped(): number; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  let seen = 0;
  let dropped = 0;
  wss.on('connection', (client, req) => {
    const server = new WebSocket(upstream + (req.url ?? '/'));
    const pending: RawData[] = [];
    server.on('open', () => pending.splice(0).forEach((d) => server.send(d)));
    client.on('message', (d) => (server.readyState === WebSocket.OPEN ? server.send(d) : pending.push(d)));
    server.on('message', (d: Buffer, isBinary) => {
      if (isBinary && d[0] === 0 && d[1] === 2 && ++seen % dropEvery === 0) {
        dropped++;
        return;
      }
      if (client.readyState === WebSocket.OPEN) client.send(d, { binary: isBinary });
    });
    client.on('close', () => server.close());
    server.on('close', () => client.close());
    server.on('error', () => client.terminate());
  });
  return new Promise((resolve) =>
    wss.once('listening', () =>
      resolve({
        url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
        dropped: () => dropped,
        close: () =>
          new Promise<void>((r) => {
            for (const c of wss.clients) c.terminate();
            wss.close(() => r());
          }),
      }),
    ),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kind = process.argv[2] === 'echo' ? 'echo' : 'relay';
  void startFloorServer(kind).then((wss) => console.log(`FLOOR_READY port=${(wss.address() as AddressInfo).port}`));
}
