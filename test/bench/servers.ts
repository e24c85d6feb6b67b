/**
 * Servers under test as child processes, one at a time, pinned to core 0 (the load generator pins itself to the
 * other cores) so the two never compete for a core: Mutualab (`server/index.ts`), the reference `@y/websocket-server`,
 * and the floor servers of `floors-server.ts`.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './util.js';

/** Repository root (two levels above this file). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** True when `taskset` exists, i.e. processes can be pinned to cores. */
export const CAN_PIN = (() => {
  if (cpus().length < 2) return false;
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Cores of the load generator: every core but 0 (the server's); on this 2-core machine, core 1 alone. */
export const GENERATOR_CPUS = cpus().length > 2 ? `1-${cpus().length - 1}` : '1';

/**
 * Pins every thread of this process (and the threads it will create) to the generator's cores. Returns the list, or
 * null without taskset or with a single core.
 */
export function pinGenerator(): string | null {
  if (!CAN_PIN || cpus().length < 2) return null;
  execFileSync('taskset', ['-a', '-p', '-c', GENERATOR_CPUS, String(process.pid)], { stdio: 'ignore' });
  return GENERATOR_CPUS;
}

/** A running server child. `pid` is the Node process itself (taskset execs, node is started without a wrapper). */
export type ServerHandle = {
  name: string;
  pid: number;
  port: number;
  /** Base WebSocket URL; a y-websocket client appends `/<room>`. */
  wsUrl: string;
  httpUrl: string;
  output(): string;
  /** SIGTERM (graceful: Mutualab flushes rooms) and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit. */
  kill(): Promise<void>;
};

type Spec = { name: string; args: string[]; env: Record<string, string>; ready: RegExp; port: number; wsPath: string };

/** Spawns `node <args>` pinned to core 0 and resolves when its output matches `ready`. */
async function spawnServer(spec: Spec): Promise<ServerHandle> {
  const cmd = CAN_PIN ? 'taskset' : process.execPath;
  const args = CAN_PIN ? ['-c', '0', process.execPath, ...spec.args] : spec.args;
  const child: ChildProcess = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  let port = spec.port;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.name} did not start in 30 s:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = spec.ready.exec(log);
      if (m) {
        if (m[1]) port = Number(m[1]);
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.name} exited (${code}) before ready:\n${log}`));
    });
  });
  // Keep only the tail of the log: a long run must not grow the harness's memory.
  child.stdout!.on('data', () => (log = log.slice(-20_000)));
  const waitExit = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
      child.kill(signal);
    });
  return {
    name: spec.name,
    pid: child.pid!,
    port,
    wsUrl: `ws://127.0.0.1:${port}${spec.wsPath}`,
    httpUrl: `http://127.0.0.1:${port}`,
    output: () => log,
    stop: () => waitExit('SIGTERM'),
    kill: () => waitExit('SIGKILL'),
  };
}

/** The reference server, in memory (YPERSISTENCE unset = its default), as its own bin script runs it. */
export async function startReference(): Promise<ServerHandle> {
  const port = await freePort();
  const env: Record<string, string> = { HOST: '127.0.0.1', PORT: String(port) };
  const bin = join(ROOT, 'node_modules/@y/websocket-server/src/server.js');
  return spawnServer({ name: 'reference', args: [bin], env, ready: /running at/, port, wsPath: '' });
}

/** Options of a Mutualab instance. */
export type MutualabOptions = { dbPath: string; env?: Record<string, string>; nodeArgs?: string[] };

/**
 * Mutualab as `node --import tsx server/index.ts` (what `tsx server/index.ts` does, minus the wrapper process that
 * would hide the server's pid from /proc sampling).
 */
export function startMutualab(opts: MutualabOptions): Promise<ServerHandle> {
  const env = { PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: opts.dbPath, DEMO: '1', LOG_LEVEL: 'warn', MUTUALAB_READY_LINE: '1', ...opts.env };
  const args = [...(opts.nodeArgs ?? []), '--import', 'tsx', 'server/index.ts'];
  return spawnServer({ name: 'mutualab', args, env, ready: /MUTUALAB_READY port=(\d+)/, port: 0, wsPath: '/ws' });
}

/** The floor servers (`echo`: answers every frame; `relay`: forwards bytes to the other sockets of the room). */
export function startFloor(kind: 'echo' | 'relay'): Promise<ServerHandle> {
  const args = ['--import', 'tsx', 'test/bench/floors-server.ts', kind];
  return spawnServer({ name: kind, args, env: {}, ready: /FLOOR_READY port=(\d+)/, port: 0, wsPath: '' });
}

/** True when the Mutualab collaboration server exists in this checkout. */
export function mutualabCollabPresent(): boolean {
  return existsSync(join(ROOT, 'server/collab/index.ts'));
}
