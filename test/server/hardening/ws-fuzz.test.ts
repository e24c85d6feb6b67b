/**
 * WebSocket fuzzing against the real server process: random and mutated y-protocol frames (valid prefixes with
 * corrupt bodies, huge varints, truncations, awareness floods and spoofed client ids, text frames, oversized frames)
 * over many connections. 10,000 frames here, 100,000 with `npm run test:soak`. The process must survive, another
 * room must keep working during and after, and memory must stay bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { startServer, type ServerProcess } from '../../support/server-process.js';
import { connectClient, rawSocket, waitFor, type RawSocket } from '../../support/ws-client.js';
import { DEMO } from '../../support/test-app.js';
import { insertDocuments, loginAt, rssKb } from './support.js';

const FRAMES = Number(process.env.FUZZ_FRAMES ?? (process.env.SOAK ? 100_000 : 10_000));
const CONNECTIONS = 16;

let proc: ServerProcess;
let token: string;
let fuzzRoom: string;
let quietRoom: string;

beforeAll(async () => {
  proc = await startServer({ env: { LOG_LEVEL: 'error' } });
  token = await loginAt(proc.url, DEMO.techEpci);
  [fuzzRoom, quietRoom] = insertDocuments(proc, 2, 'fuzz');
}, 60_000);
afterAll(async () => {
  await proc?.stop();
});

const rand = (n: number) => Math.floor(Math.random() * n);
const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => rand(256));

function message(build: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  build(e);
  return encoding.toUint8Array(e);
}

/** One hostile frame; returns the payload and whether it is sent as text. */
function hostileFrame(): { data: Uint8Array | string; text?: boolean } {
  switch (rand(10)) {
    case 0:
      return { data: randomBytes(1 + rand(64)) };
    case 1: // valid sync prefix, corrupt body
      return { data: message((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, rand(3)); encoding.writeVarUint8Array(e, randomBytes(rand(40))); }) };
    case 2: // huge length prefix
      return { data: Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]) };
    case 3: { // truncated valid-looking update
      const full = message((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, randomBytes(30)); });
      return { data: full.slice(0, 1 + rand(full.length - 1)) };
    }
    case 4: // awareness with a spoofed client id
      return {
        data: message((e) => {
          encoding.writeVarUint(e, 1);
          const inner = message((i) => { encoding.writeVarUint(i, 1); encoding.writeVarUint(i, rand(2 ** 31)); encoding.writeVarUint(i, rand(100)); encoding.writeVarString(i, JSON.stringify({ user: { name: 'usurpateur' }, x: rand(1000) })); });
          encoding.writeVarUint8Array(e, inner);
        }),
      };
    case 5:
      return { data: 'bonjour en texte', text: true };
    case 6: // unknown message type
      return { data: Uint8Array.from([9 + rand(100), rand(256)]) };
    case 7: // empty frame
      return { data: new Uint8Array(0) };
    case 8: // oversized frame (rarely: it costs 1 MiB)
      return rand(50) === 0 ? { data: new Uint8Array(1024 * 1024 + 10) } : { data: randomBytes(200) };
    default: // awareness flood from the same id
      return { data: message((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, Uint8Array.from([1, 1, rand(120), 2, 123, 125])); }) };
  }
}

describe('WebSocket fuzzing', () => {
  it(`${FRAMES.toLocaleString('en')} hostile frames: no crash, other rooms keep working, memory bounded`, async () => {
    const quiet = connectClient(proc.wsUrl, quietRoom, { token });
    await quiet.synced(10_000);
    const rssBefore = rssKb(proc.pid);
    let sent = 0;
    let closes = 0;
    let peakRss = rssBefore;
    const open = (): RawSocket => rawSocket(`${proc.wsUrl}/${fuzzRoom}?token=${token}`);
    const sockets: RawSocket[] = Array.from({ length: CONNECTIONS }, open);
    while (sent < FRAMES) {
      for (let i = 0; i < sockets.length && sent < FRAMES; i++) {
        const s = sockets[i];
        if (s.ws.readyState === s.ws.CLOSED || s.ws.readyState === s.ws.CLOSING) {
          closes++;
          sockets[i] = open();
          continue;
        }
        if (s.ws.readyState !== s.ws.OPEN) continue;
        const frame = hostileFrame();
        s.ws.send(frame.data, { binary: !frame.text });
        sent++;
      }
      if (sent % 500 < CONNECTIONS) {
        // the quiet room keeps working while the other is under attack
        quiet.doc.getText('t').insert(0, '.');
        peakRss = Math.max(peakRss, rssKb(proc.pid));
      }
      await new Promise((r) => setImmediate(r));
    }
    for (const s of sockets) s.ws.terminate();

    const health = await fetch(`${proc.url}/api/health`);
    expect(await health.json()).toEqual({ ok: true });
    quiet.doc.getText('t').insert(0, 'encore là');
    const probe = connectClient(proc.wsUrl, quietRoom, { token });
    await probe.synced(10_000);
    await waitFor(() => probe.text().startsWith('encore là'), 5000, 'quiet room still replicating');
    probe.destroy();
    quiet.destroy();
    console.log(`ws fuzz: ${sent} frames over ${CONNECTIONS} connections, ${closes} offenders closed, RSS ${Math.round(rssBefore / 1024)} → peak ${Math.round(peakRss / 1024)} MiB`);
    expect(sent).toBe(FRAMES);
    expect(closes).toBeGreaterThan(0);
    expect(peakRss - rssBefore).toBeLessThan(300 * 1024);
  }, 180_000);
});
