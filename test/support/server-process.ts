/**
 * The real server as a child process (`tsx server/index.ts`) on a free port with its own database file:
 * used by crash, interop and browser tests. `kill('SIGKILL')` then `restart()` reopens the same file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Node itself with tsx's loader, not the `tsx` binary: that one runs the server in a grandchild process, so a
// SIGKILL would only kill the wrapper and leave the real server running (port still in use, nothing crashed).
const NODE_ARGS = ['--import', 'tsx', 'server/index.ts'];

export type ServerProcess = {
  url: string;
  wsUrl: string;
  port: number;
  dbPath: string;
  /** Process id of the running server (for RSS readings). */
  readonly pid: number | undefined;
  /** Output so far (stdout + stderr), for diagnostics in failing tests. */
  output(): string;
  /** Graceful stop (SIGTERM) and wait for exit. */
  stop(): Promise<void>;
  /** Send a signal (default SIGKILL) and wait for exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Start again on the same port and database file. */
  restart(): Promise<void>;
};

export async function startServer(opts: { env?: Record<string, string>; dbPath?: string; port?: number } = {}): Promise<ServerProcess> {
  const dbPath = opts.dbPath ?? join(mkdtempSync(join(tmpdir(), 'mutualab-')), 'test.db');
  let port = opts.port ?? 0;
  let child: ChildProcess | null = null;
  let log = '';

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(process.execPath, NODE_ARGS, {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_PATH: dbPath,
          DEMO: '1',
          LOG_LEVEL: 'warn',
          MUTUALAB_READY_LINE: '1',
          ...opts.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${log}`)), 30_000);
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        const m = log.match(/MUTUALAB_READY port=(\d+)/);
        if (m) {
          port = Number(m[1]);
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', (c: Buffer) => {
        log += c.toString();
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}) before ready:\n${log}`));
      });
    });

  const waitExit = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });

  await launch();
  const handle: ServerProcess = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get wsUrl() {
      return `ws://127.0.0.1:${port}/ws`;
    },
    get port() {
      return port;
    },
    dbPath,
    get pid() {
      return (child as ChildProcess | null)?.pid;
    },
    output: () => log,
    stop: () => waitExit('SIGTERM'),
    kill: (signal = 'SIGKILL') => waitExit(signal),
    restart: async () => {
      await waitExit('SIGTERM');
      await launch();
    },
  };
  return handle;
}
